/**
 * npm run fuzz -- [--runs 10000] [--seed <n>] [--db <index>]
 *
 * The long run of the properties in test/fuzz (the test suite runs a few hundred): the question
 * path and role cards against an index of the seed documents plus hostile documents, ingest on
 * random, truncated and damaged documents, and the document readers on damaged files of every format.
 * A failure prints fast-check's shrunk counterexample and the seed to replay it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { openAnswerer } from '../src/answer/engine.js';
import { parseArgs } from '../src/cli/args.js';
import { EXAMPLES_DIR } from '../src/config.js';
import { ingestFolder } from '../src/ingest/pipeline.js';
import { writeIndex } from '../src/store/db.js';
import { hostileDocuments, ingestFolderProperty, ingestTextProperty, questionProperty, roleCardProperty, sampleDocuments } from '../test/fuzz/properties.js';
import { closeReaders } from '../src/documents/read.js';
import { readerProperty, readerSamples } from '../test/fuzz/reader-properties.js';

const args = parseArgs(
  process.argv.slice(2),
  z.object({
    runs: z.coerce.number().int().positive().default(10_000),
    seed: z.coerce.number().int().default(() => Date.now() % 2 ** 31),
    data: z.string().default(EXAMPLES_DIR),
  }),
  'usage: npm run fuzz -- [--runs 10000] [--seed <n>] [--data <documents folder>]',
);

const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-fuzz-'));
let failed = 0;

async function check(name: string, runs: number, run: (params: { numRuns: number; seed: number }) => Promise<void> | void): Promise<void> {
  const t = performance.now();
  try {
    await run({ numRuns: runs, seed: args.seed });
    process.stdout.write(`ok    ${name}: ${runs} runs in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  } catch (e) {
    failed++;
    // Counterexamples can be 100 KB questions: keep the report readable.
    process.stdout.write(`FAIL  ${name}\n${(e as Error).message.slice(0, 3000)}\n`);
  }
}

try {
  process.stdout.write(`fuzz seed ${args.seed} (replay with --seed ${args.seed})\n`);
  const hostileDir = path.join(work, 'hostile');
  mkdirSync(hostileDir);
  for (const [name, text] of Object.entries(hostileDocuments())) writeFileSync(path.join(hostileDir, name), text);
  const seeds = await ingestFolder(args.data);
  const hostile = await ingestFolder(hostileDir);
  const db = path.join(work, 'fuzz.db');
  writeIndex(db, { documents: [...seeds.documents, ...hostile.documents], roles: [...seeds.roles, ...hostile.roles] });
  const answerer = openAnswerer(db);
  const ids = [...seeds.roles, ...hostile.roles].map((r) => r.id);
  const samples = sampleDocuments([args.data, hostileDir]);

  await check('question path (ask + Slack reply + cards)', args.runs, (p) => fc.assert(questionProperty(answerer), p));
  await check('role cards by id', Math.ceil(args.runs / 5), (p) => fc.assert(roleCardProperty(answerer, ids), p));
  await check('ingestText on any text', args.runs, (p) => fc.assert(ingestTextProperty(samples), p));
  // Each run writes and reads a folder of files, so fewer runs keep this part to about a minute.
  await check('ingestFolder on damaged folders', Math.ceil(args.runs / 10), (p) => fc.assert(ingestFolderProperty(work, samples), p));
  const readerDocs = await readerSamples();
  await check('readers on damaged documents of every format', args.runs, (p) => fc.assert(readerProperty(readerDocs), p));
  answerer.close();
} finally {
  await closeReaders();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
