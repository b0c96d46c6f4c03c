/** A reader thread for tests: '.hang' never answers, '.hog' allocates until the memory cap; anything else is read. */
import { parentPort } from 'node:worker_threads';
import { readAs } from '../../src/documents/dispatch.js';
import type { ReadJob } from '../../src/documents/worker.js';

parentPort!.on('message', ({ id, ext, bytes }: ReadJob) => {
  if (ext === '.hang') for (;;);
  if (ext === '.hog') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e6 }, (_, i) => i));
  }
  void readAs(ext, Buffer.from(bytes)).then((outcome) => parentPort!.postMessage({ id, outcome }));
});
parentPort!.postMessage({ ready: true });
