/** Ingest in worker threads gives exactly what the in-thread path gives, and a failing document stays out. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolFromSeeds } from '../../src/bench/corpus.js';
import { writeSynthCorpus } from '../../src/bench/synth.js';
import { EXAMPLES_DIR } from '../../src/config.js';
import { createIngester, ingestDocument, ingestFolder, inOrder, PARALLEL_MIN_DOCUMENTS, type Ingested } from '../../src/ingest/pipeline.js';
import { IngestPool } from '../../src/ingest/pool.js';
import { listFiles, type SourceFile } from '../../src/ingest/read.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-parallel-'));
const corpus = path.join(work, 'corpus');
let files: SourceFile[] = [];
let sequential: Ingested[] = [];

async function collect(jobs: SourceFile[], ingest: (job: SourceFile) => Promise<Ingested>): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const d of inOrder(jobs, 16, ingest)) out.push(d);
  return out;
}

beforeAll(async () => {
  await writeSynthCorpus(corpus, await poolFromSeeds(EXAMPLES_DIR), { roles: 1200, seed: 11, perDocument: [1, 4] });
  // documents every run meets besides good ones: unsupported, empty, binary
  writeFileSync(path.join(corpus, 'scan.pdf'), '%PDF-1.4');
  writeFileSync(path.join(corpus, 'empty.txt'), '');
  writeFileSync(path.join(corpus, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
  files = await listFiles(corpus);
  expect(files.length).toBeGreaterThanOrEqual(PARALLEL_MIN_DOCUMENTS);
  sequential = await collect(files, (job) => ingestDocument(job));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parallel ingest', () => {
  it('workers give the same documents, records and search rows, in file order', async () => {
    const pool = new IngestPool(2);
    try {
      // pool.ingest rejects instead of falling back, so this proves the workers did the work
      expect(await collect(files, (job) => pool.ingest(job))).toEqual(sequential);
    } finally {
      await pool.close();
    }
    expect(sequential.filter((d) => d.row.status === 'skipped').map((d) => d.row.file).sort()).toEqual(['blob.txt', 'empty.txt', 'scan.pdf']);
    expect(sequential.reduce((n, d) => n + d.roles.length, 0)).toBeGreaterThan(1150);
  });

  it('ingestFolder (workers from PARALLEL_MIN_DOCUMENTS documents on) returns what the in-thread step gives', async () => {
    const seen: Ingested[] = [];
    const content = await ingestFolder(corpus, (d) => seen.push(d));
    expect(seen).toEqual(sequential);
    expect(content.documents).toEqual(sequential.map((d) => d.row));
    expect(content.roles).toEqual(sequential.flatMap((d) => d.roles));
    const ingester = createIngester(PARALLEL_MIN_DOCUMENTS - 1);
    expect(await collect(files.slice(0, 20), ingester.ingest)).toEqual(sequential.slice(0, 20));
    await ingester.close();
  });

  it('a document whose ingest fails in a worker is skipped with the reason, without any of its roles', async () => {
    const heading = (title: string) => `${title}岗位职责\n1、负责现场安全检查；\n2、编制作业方案并组织实施；\n`;
    const jobs = [
      { file: 'a.txt', text: heading('安全主管') },
      { file: 'b.txt', text: heading('安全主管') + heading('爆破工程师') },
      { file: 'c.txt', text: heading('施工员') },
    ].map(({ file, text }) => {
      writeFileSync(path.join(work, file), text);
      return { file, absPath: path.join(work, file) };
    });
    const pool = new IngestPool(1, new URL('./failing-worker.ts', import.meta.url));
    try {
      const got = await collect(jobs, (job) => pool.ingest(job));
      expect(got[1].row).toMatchObject({ file: 'b.txt', status: 'skipped', reason: 'extraction failed: name forms failed', roles: 0 });
      expect(got[1].roles).toEqual([]);
      expect(got[1].search).toEqual([]);
      expect([got[0], got[2]]).toEqual([await ingestDocument(jobs[0]), await ingestDocument(jobs[2])]);
      expect(got[0].roles.map((r) => r.title)).toEqual(['安全主管']);
      // a worker that dies rejects its jobs (createIngester then runs them in-thread)
      await expect(pool.ingest({ file: 'crash.txt', absPath: path.join(work, 'crash.txt') })).rejects.toThrow(/stopped \(exit code 3\)/);
      await expect(pool.ingest(jobs[0])).rejects.toThrow(/no ingest worker/);
    } finally {
      await pool.close();
    }
  });
});
