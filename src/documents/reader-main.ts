/** The reader process (see ReaderProcess): says it is ready once its readers are loaded, then reads each document sent, answered with the job's id. */
import { readAs } from './dispatch.js';

export type ReadJob = { id: number; ext: string; bytes: Uint8Array };

const send = process.send?.bind(process);
if (!send) throw new Error('the document reader runs as a child process');
process.on('message', ({ id, ext, bytes }: ReadJob) => {
  void readAs(ext, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then((outcome) => send({ id, outcome }));
});
// the parent going away (killed, or exiting without closeReaders) ends this process too
process.on('disconnect', () => process.exit(0));
send({ ready: true });
