/**
 * A reader process for tests: '.hang' never answers, '.hog' allocates until the heap limit, '.fatal' grows an
 * array until V8 aborts (what a damaged .doc once did to word-extractor); anything else is read.
 */
import { readAs } from '../../src/documents/dispatch.js';
import type { ReadJob } from '../../src/documents/reader-main.js';

process.on('message', ({ id, ext, bytes }: ReadJob) => {
  if (ext === '.hang') for (;;);
  if (ext === '.hog') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e6 }, (_, i) => i));
  }
  if (ext === '.fatal') {
    const runaway: number[] = [];
    for (;;) runaway.push(1);
  }
  void readAs(ext, Buffer.from(bytes)).then((outcome) => process.send!({ id, outcome }));
});
process.send!({ ready: true });
