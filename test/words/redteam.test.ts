/**
 * Questions written by people who never saw the code, over documents other people wrote (test/fixtures/redteam:
 * five sets of job descriptions in many layouts and formats; test/words/redteam-questions.jsonl: 60 title and
 * 160 who-handles questions in colloquial Chinese, English and both). Judged through the ask --json contract:
 * title top-1, who-handles hit@3. Accuracy must stay above a floor; the figures are printed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openAnswerer } from '../../src/answer/engine.js';
import { toAskJson } from '../../src/render/json.js';
import { indexWithGlossary } from './index-with-glossary.js';

const Question = z.object({ db: z.string(), kind: z.enum(['title', 'who']), q: z.string().min(1), expect: z.array(z.string()).min(1) });
const questions = readFileSync(new URL('./redteam-questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => Question.parse(JSON.parse(l)));
const FIXTURES = new URL('../fixtures/redteam/', import.meta.url).pathname;

/** Measured 0.900 (title) and 0.863 (who) when the floors were set; the first 120 questions were written before any of this work (0.417 title, 0.667 who then), the other 100 (who) in the middle of it. */
const TITLE_FLOOR = 0.8;
const WHO_FLOOR = 0.78;

let dir: string;
const answerers = new Map<string, ReturnType<typeof openAnswerer>>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rolebot-redteam-'));
  for (const db of new Set(questions.map((q) => q.db))) {
    const file = path.join(dir, `${db}.db`);
    await indexWithGlossary(path.join(FIXTURES, db), file);
    answerers.set(db, openAnswerer(file));
  }
}, 120_000);
afterAll(() => {
  for (const a of answerers.values()) a.close();
  rmSync(dir, { recursive: true, force: true });
});

const plain = (s: string) => s.replace(/\s+/g, '');

describe('questions by others over documents by others', () => {
  it(`answers titles top-1 ≥ ${TITLE_FLOOR} and who-handles hit@3 ≥ ${WHO_FLOOR}`, () => {
    const judged = questions.map((q) => {
      const titles = toAskJson(answerers.get(q.db)!.ask(q.q)).results.map((r) => plain(r.title));
      const want = new Set(q.expect.map(plain));
      const ok = q.kind === 'title' ? want.has(titles[0] ?? '') : titles.slice(0, 3).some((t) => want.has(t));
      return { q, ok };
    });
    const rate = (kind: string) => {
      const of = judged.filter((j) => j.q.kind === kind);
      return of.filter((j) => j.ok).length / of.length;
    };
    console.log(`redteam questions: title top-1 ${rate('title').toFixed(3)}, who hit@3 ${rate('who').toFixed(3)} of ${judged.length}`);
    console.log(`missed: ${judged.filter((j) => !j.ok).map((j) => j.q.q).join(' | ')}`);
    expect(rate('title')).toBeGreaterThanOrEqual(TITLE_FLOOR);
    expect(rate('who')).toBeGreaterThanOrEqual(WHO_FLOOR);
  });
});
