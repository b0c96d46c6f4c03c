/**
 * WAL checkpoints of the question log, in a worker thread. A checkpoint copies the WAL into the database
 * and syncs it to disk: 20–90 ms per 4 MB on a busy machine. Left to SQLite it runs inside whichever commit
 * crosses the threshold, on the event loop that acknowledges Slack's requests; here it runs on its own
 * thread and connection (WAL lets it run beside the app's writes), and the app's connection never does one.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Plain CommonJS so it runs as an eval'd worker under tsx and compiled alike. */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')'); } catch (e) { parentPort.postMessage(String(e && e.message)); } };
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export type Checkpointer = { stop(): Promise<void> };

export function startCheckpointer(file: string, everyMs: number, onError: (e: Error) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, everyMs, driver } });
  worker.unref();
  worker.on('message', (m) => onError(new Error(`checkpoint: ${String(m)}`)));
  worker.on('error', onError);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      worker.postMessage('stop');
      return exited;
    },
  };
}
