/** Ingest fuzz (short run; `npm run fuzz` runs the same properties 10k times): damaged input never crashes ingest or yields an invalid record. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../../src/config.js';
import { RoleSchema } from '../../src/roles/schema.js';
import { ingestFolderProperty, ingestTextProperty, sampleDocuments } from './properties.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-fuzz-ingest-'));
const samples = sampleDocuments([EXAMPLES_DIR]);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ingest fuzz', () => {
  it('ingestText: any text gives valid records and no throw', () => {
    fc.assert(ingestTextProperty(samples), { numRuns: 150, seed: 7 });
  });

  it('ingestFolder: random, truncated and damaged documents never throw, never yield an invalid record', async () => {
    await fc.assert(ingestFolderProperty(work, samples), { numRuns: 40, seed: 7 });
  });

  it('the index command survives a folder of damaged documents and indexes the good one', () => {
    const data = path.join(work, 'cli');
    mkdirSync(data, { recursive: true });
    const docs = fc.sample(fc.uint8Array({ maxLength: 2048 }), { numRuns: 6, seed: 3 });
    docs.forEach((d, i) => writeFileSync(path.join(data, `random${i}.${['txt', 'docx', 'html'][i % 3]}`), d));
    samples.forEach((s, i) => writeFileSync(path.join(data, `cut${i}.txt`), s.subarray(0, Math.floor(s.length * 0.37))));
    writeFileSync(path.join(data, 'good.txt'), '会计岗位职责\n1、负责日常账目登记\n2、编制月度报表\n');
    const db = path.join(work, 'cli.db');
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const index = spawnSync(tsx, ['scripts/index.ts', '--data', data, '--db', db], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(index.stderr).not.toMatch(/\n\s+at /); // no stack trace: every problem is a reported skip
    expect(index.status).toBe(0);
    const exported = spawnSync(tsx, ['scripts/export.ts', '--db', db], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(exported.status).toBe(0);
    const records = exported.stdout.trim().split('\n').map((l) => RoleSchema.parse(JSON.parse(l)));
    expect(records.some((r) => r.title === '会计' && r.source.file === 'good.txt')).toBe(true);
  });
});
