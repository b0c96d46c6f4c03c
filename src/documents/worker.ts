/** The reader thread (see ReaderThread): says it is ready once its readers are loaded, then reads each binary document posted, answered with the job's id. */
import { parentPort } from 'node:worker_threads';
import { readBinary } from './binary.js';

export type ReadJob = { id: number; ext: string; bytes: Uint8Array };

const port = parentPort;
if (!port) throw new Error('the document reader runs in a worker thread');
port.on('message', ({ id, ext, bytes }: ReadJob) => {
  void readBinary(ext, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then((outcome) => port.postMessage({ id, outcome }));
});
port.postMessage({ ready: true });
