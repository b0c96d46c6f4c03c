/** npm run ask as a script runs it: flags never swallow a question, and each argument is one question. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArgs } from '../../src/cli/args.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildFixtureIndex } from '../search/fixture.js';

describe('parseArgs', () => {
  const schema = z.object({ db: z.string().default('x.db'), json: z.boolean().default(false), _: z.array(z.string()) });
  it('does not give a boolean flag the next argument', () => {
    expect(parseArgs(['--json', '物业收银员', '--db', 'a.db'], schema, 'usage')).toEqual({ json: true, db: 'a.db', _: ['物业收银员'] });
  });
  it('still gives a value flag its value', () => {
    expect(parseArgs(['--db', 'b.db', 'q1', 'q2'], schema, 'usage')).toEqual({ json: false, db: 'b.db', _: ['q1', 'q2'] });
  });
  it('gives a number flag its value (a coerced number also accepts true, yet takes a value)', () => {
    const numbers = z.object({ days: z.coerce.number().int().optional(), _: z.array(z.string()) });
    expect(parseArgs(['--days', '7'], numbers, 'usage')).toEqual({ days: 7, _: [] });
  });
});

describe('npm run ask', () => {
  let fx: ReturnType<typeof buildFixtureIndex>;
  beforeAll(() => {
    fx = buildFixtureIndex();
  });
  afterAll(() => fx.cleanup());

  it('answers `--json q1 q2` as two questions, one JSON line each', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ask.ts', '--db', fx.dbPath, '--json', '客服部主管', '谁负责处理业主投诉'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { question: string; intent: string });
    expect(lines.map((l) => [l.question, l.intent])).toEqual([
      ['客服部主管', 'role'],
      ['谁负责处理业主投诉', 'who'],
    ]);
  });
});
