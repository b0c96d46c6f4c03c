/** The suite's own English and colloquial Chinese questions over the bundled documents, and how each is judged. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer } from '../../src/answer/types.js';

const Question = z.object({
  lang: z.enum(['zh', 'en']),
  kind: z.enum(['title', 'role', 'field', 'who', 'none']),
  q: z.string().min(1),
  expect: z.array(z.string()).default([]),
  field: z.enum(['reportsTo', 'department', 'directReports', 'duties', 'requirements']).optional(),
  value: z.string().optional(),
});
export type OwnQuestion = z.infer<typeof Question>;

export function ownQuestions(): OwnQuestion[] {
  return readFileSync(new URL('./questions.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => Question.parse(JSON.parse(l)));
}

/** title/role: the top role; field: the top role, the field and its value; who: a hit in the top 3; none: no answer. */
export function judge(q: OwnQuestion, a: Answer): boolean {
  if (a.lang !== q.lang) return false;
  switch (q.kind) {
    case 'none':
      return a.kind === 'notFound';
    case 'title':
    case 'role':
      return a.kind === 'role' && q.expect.includes(a.best.role.title);
    case 'field':
      return a.kind === 'field' && a.field === q.field && q.expect.includes(a.best.role.title) && (!q.value || a.answer.includes(q.value));
    case 'who':
      return a.kind === 'who' && a.hits.slice(0, 3).some((h) => q.expect.includes(h.role.title));
  }
}
