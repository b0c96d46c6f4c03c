/** The ask CLI's JSON line: {question,intent,field?,results:[{id,title,score}],answer?}, results best first. */
import type { Answer, Field, Intent, Ranked } from '../answer/types.js';
import { understoodLine } from './words.js';

export type AskJson = {
  question: string;
  intent: Intent;
  field?: Field;
  results: Array<{ id: string; title: string; score: number }>;
  answer?: string;
  /** How the question's words were taken when not as typed ("司机 → 驾驶员 (同义词)"). */
  understood?: string;
};

const result = (r: Ranked) => ({ id: r.role.id, title: r.role.title, score: Math.round(r.score * 1000) / 1000 });

export function toAskJson(a: Answer): AskJson {
  const understood = understoodLine(a);
  const body = askBody(a);
  return understood ? { ...body, understood } : body;
}

function askBody(a: Answer): AskJson {
  switch (a.kind) {
    case 'role':
      return { question: a.question, intent: 'role', results: [a.best, ...a.alternatives].map(result) };
    case 'field':
      return { question: a.question, intent: 'field', field: a.field, results: [a.best, ...a.alternatives].map(result), answer: a.answer };
    case 'who':
      return { question: a.question, intent: 'who', results: a.hits.map(result) };
    case 'notFound':
      // closest titles, so a caller can offer "did you mean"; their scores say how weak they are
      return { question: a.question, intent: a.intent, ...(a.field ? { field: a.field } : {}), results: a.suggestions.map(result) };
    case 'help':
      return { question: a.question, intent: 'role', results: [] };
  }
}

export function renderJson(a: Answer): string {
  return JSON.stringify(toAskJson(a));
}
