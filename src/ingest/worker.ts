/** An ingest worker thread (see IngestPool): ingestDocument for each job posted, answered with the job's id. */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedNameForms, type NameForms } from '../search/indexer.js';
import { ingestDocument, type IngestJob } from './pipeline.js';

export function serveIngestJobs(forms: (name: string) => NameForms = cachedNameForms()): void {
  const port = parentPort;
  if (!port) throw new Error('serveIngestJobs runs in a worker thread');
  port.on('message', ({ id, job }: { id: number; job: IngestJob }) => {
    ingestDocument(job, forms).then(
      (result) => port.postMessage({ id, result }),
      (e: Error) => port.postMessage({ id, error: e.message }),
    );
  });
}

// Started as the pool's script: serve. A test's own worker script imports serveIngestJobs and serves its way.
if ((workerData as { script?: string } | null)?.script === import.meta.url) serveIngestJobs();
