/**
 * The fixed question mix the benchmarks time: drawn (seeded) from the records actually in the
 * index, so every question targets something that exists whatever the extractor recovered.
 */
import type { Role } from '../roles/schema.js';
import { createRng } from './random.js';

export type QuestionKind = 'title' | 'who' | 'field';
export type Question = { kind: QuestionKind; q: string };

const QUALIFIER = /[(（][^)）]*[)）]$/u;
const CLAUSES = /[,，;；。:：、()（）!！?？]/u;

const WHO = [(t: string) => `谁负责${t}`, (t: string) => `${t}是哪个岗位负责的`, (t: string) => `${t}由谁负责`, (t: string) => `${t}归哪个岗位管`];
const FIELD = [
  (t: string) => `${t}的直接上级是谁`,
  (t: string) => `${t}在哪个部门`,
  (t: string) => `${t}的任职要求是什么`,
  (t: string) => `${t}的直接下属有哪些`,
  (t: string) => `${t}的岗位职责`,
];

/** A duty topic as a person would type it: one clause of a duty, without its leading verb of duty. */
function topicOf(duty: string): string | null {
  const clause = duty
    .split(CLAUSES)
    .map((c) => c.replace(/^(负责|协助|参与|做好|完成)/u, '').trim())
    .find((c) => c.length >= 4 && c.length <= 14 && /\p{Script=Han}{3}/u.test(c));
  return clause ?? null;
}

/** title lookups (exact, without a site qualifier, one character dropped), "who handles" and field questions. */
export function questionMix(roles: Role[], perKind: number, seed: number): Question[] {
  if (roles.length === 0) throw new Error('no roles to ask about');
  const rng = createRng(seed);
  const out: Question[] = [];
  for (let i = 0; i < perKind; i++) {
    const title = rng.pick(roles).title;
    const mode = i % 4;
    let q = title;
    if (mode === 2) q = title.replace(QUALIFIER, '') || title;
    if (mode === 3 && Array.from(title).length > 3) {
      const chars = Array.from(title);
      chars.splice(rng.int(1, chars.length - 2), 1);
      q = chars.join('');
    }
    out.push({ kind: 'title', q });
  }
  const withDuties = roles.filter((r) => r.duties.length > 0);
  for (let i = 0, tries = 0; i < perKind && withDuties.length && tries < perKind * 20; tries++) {
    const topic = topicOf(rng.pick(rng.pick(withDuties).duties));
    if (!topic) continue;
    out.push({ kind: 'who', q: WHO[i % WHO.length](topic) });
    i++;
  }
  for (let i = 0; i < perKind; i++) out.push({ kind: 'field', q: FIELD[i % FIELD.length](rng.pick(roles).title) });
  return out;
}
