/** What the question log keeps of an answer: intent, the roles answered with their scores, and how good it was. */
import type { Answer, Intent } from '../answer/types.js';
import { toAskJson } from '../render/json.js';

export type Surface = 'slash' | 'mention' | 'dm' | 'console' | 'button';
/** found: a confident answer; weak: an answer, but a poor match; none: nothing found. */
export type Outcome = 'found' | 'weak' | 'none';

/** Below these scores an answer counts as weak: worth HR's look although something was shown. */
export const WEAK_SCORE = { title: 0.75, who: 0.5 } as const;
/** Roles kept per row: the answer and its nearest alternatives or suggestions. */
const KEPT_RESULTS = 5;

export function outcomeOf(a: Answer): Outcome {
  switch (a.kind) {
    case 'notFound':
    case 'help':
      return 'none';
    case 'who':
      return a.hits.length === 0 ? 'none' : a.hits[0].score < WEAK_SCORE.who ? 'weak' : 'found';
    default:
      return a.best.score < WEAK_SCORE.title ? 'weak' : 'found';
  }
}

export function answerSummary(a: Answer): { question: string; intent: Intent; outcome: Outcome; results: Array<{ id: string; title: string; score: number }> } {
  const json = toAskJson(a);
  return { question: a.question, intent: json.intent, outcome: outcomeOf(a), results: json.results.slice(0, KEPT_RESULTS) };
}
