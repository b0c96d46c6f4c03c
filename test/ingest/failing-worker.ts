/**
 * Test worker for IngestPool: the real serveIngestJobs, but working out the name forms of a title with 爆
 * in it throws (a failure inside a document's ingest), and the job for crash.txt kills the worker.
 */
import { parentPort } from 'node:worker_threads';
import { serveIngestJobs } from '../../src/ingest/worker.js';
import { cachedNameForms } from '../../src/search/indexer.js';

parentPort?.on('message', ({ job }: { job: { file: string } }) => {
  if (job.file === 'crash.txt') process.exit(3);
});
const forms = cachedNameForms();
serveIngestJobs((name) => {
  if (name.includes('爆')) throw new Error('name forms failed');
  return forms(name);
});
