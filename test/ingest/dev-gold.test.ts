/**
 * Regression floor on the dev gold (../shared/eval, beside the checkout in CI): the ingest targets, through
 * the same command-line contracts the scorer uses. Skipped, saying so, when the dev set is not there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const EVAL = path.join(PROJECT_ROOT, '..', 'shared', 'eval');
const present = existsSync(path.join(EVAL, 'score.mjs'));
if (!present) console.warn(`dev gold not found at ${EVAL}: skipping the ingest regression floor`);

type Fields = Record<string, { acc: number | null }>;
type Scores = { recall: number; precision: number; fields: Fields };

describe.skipIf(!present)('ingest on the dev gold', () => {
  it('meets the targets: recall and precision ≥ 0.97, reportsTo ≥ 0.95, department ≥ 0.9, duties exact ≥ 0.9; the seeds stay whole', () => {
    const args = [path.join(EVAL, 'score.mjs'), '--project', PROJECT_ROOT, '--data', path.join(EVAL, '..', 'corpus'), '--gold', path.join(EVAL, 'gold'), '--queries', path.join(EVAL, 'queries'), '--json'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const { overall, per_seed } = JSON.parse(run.stdout).ingest as { overall: Scores; per_seed: Record<string, Scores> };
    expect(overall.recall).toBeGreaterThanOrEqual(0.97);
    expect(overall.precision).toBeGreaterThanOrEqual(0.97);
    expect(overall.fields.reports_to.acc).toBeGreaterThanOrEqual(0.95);
    expect(overall.fields.department.acc).toBeGreaterThanOrEqual(0.9);
    expect(overall.fields.duties_exact.acc).toBeGreaterThanOrEqual(0.9);
    for (const [seed, s] of Object.entries(per_seed).filter(([f]) => /^\d{3}_/.test(f))) {
      expect([seed, s.recall, s.precision]).toEqual([seed, 1, 1]);
    }
  }, 300_000);
});
