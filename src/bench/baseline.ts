/**
 * The naive baseline the engine is compared with: what a quick build would do, fuse.js over every
 * record with title and duty text as keys, the question passed in as typed.
 */
import Fuse from 'fuse.js';
import type { Role } from '../roles/schema.js';

export type Baseline = { ask(question: string): Array<{ id: string; title: string; score: number }> };

export function naiveBaseline(roles: Role[]): Baseline {
  const fuse = new Fuse(roles, { keys: ['title', 'duties'], includeScore: true });
  return {
    ask: (question) =>
      fuse
        .search(question, { limit: 5 })
        .map((r) => ({ id: r.item.id, title: r.item.title, score: 1 - (r.score ?? 1) })),
  };
}
