/** The reader thread (see ReaderThread): says it is ready once its readers are loaded, then reads each document posted, answered with the job's id. */
import { parentPort } from 'node:worker_threads';
import { readAs } from './dispatch.js';

export type ReadJob = { id: number; ext: string; bytes: Uint8Array };

const port = parentPort;
if (!port) throw new Error('the document reader runs in a worker thread');
port.on('message', ({ id, ext, bytes }: ReadJob) => {
  void readAs(ext, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then((outcome) => port.postMessage({ id, outcome }));
});
port.postMessage({ ready: true });
