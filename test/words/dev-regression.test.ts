/**
 * No dev question (../shared/eval/queries over ../shared/corpus) may score worse than recorded in
 * dev-baseline.json (title top-1, duty hit@3 and recall@5, field correct; re-recorded when the post and task
 * lexicons went in: 189 → 201, then 202 of 210 right, no question worse). Skipped when ../shared is not beside the checkout.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import { toAskJson } from '../../src/render/json.js';
import { devSetPresent, resultKey, scoreDev, SHARED_CORPUS, type DevResult } from './dev-eval.js';
import { indexWithGlossary } from './index-with-glossary.js';

const baseline = JSON.parse(readFileSync(new URL('./dev-baseline.json', import.meta.url), 'utf8')) as DevResult[];
let dir: string | undefined;
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!devSetPresent())('dev questions regression', () => {
  it('scores no question below its baseline', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rolebot-dev-'));
    const db = path.join(dir, 'index.db');
    await indexWithGlossary(SHARED_CORPUS, db);
    const answerer = openAnswerer(db);
    let now: DevResult[];
    try {
      now = await scoreDev((q) => toAskJson(answerer.ask(q)));
    } finally {
      answerer.close();
    }
    const byKey = new Map(now.map((r) => [resultKey(r), r]));
    const worse = baseline.flatMap((b) => {
      const r = byKey.get(resultKey(b));
      // a question no longer in the dev set is not a regression
      if (!r) return [];
      return r.score < b.score || (r.recall5 ?? 0) < (b.recall5 ?? 0) ? [`${b.seed} ${b.kind} ${b.q}: ${b.score}/${b.recall5 ?? '-'} → ${r.score}/${r.recall5 ?? '-'}`] : [];
    });
    const found = baseline.filter((b) => b.score > 0).length;
    const gained = now.filter((r) => r.score > (baseline.find((b) => resultKey(b) === resultKey(r))?.score ?? 0)).length;
    console.log(`dev questions: ${found} right before, ${now.filter((r) => r.score > 0).length} now (${gained} gained)`);
    expect(worse).toEqual([]);
  }, 120_000);
});
