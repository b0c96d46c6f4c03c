/**
 * One long-lived reader thread for binary documents, with a memory cap and a time limit per document. A
 * document that hits either is skipped with that reason; the thread is terminated and a fresh one starts
 * with the next document. The thread starts with the first binary document and holds the process open only
 * while a document is being read, so a caller that forgets close() still exits.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { READ_TIMEOUT_MS, READER_MEMORY_MB } from './limits.js';
import type { ReadOutcome } from './model.js';

/** .ts under tsx and vitest, .js if ever compiled: the worker script is the sibling of this module. */
const EXT = path.extname(fileURLToPath(import.meta.url));
export const READER_WORKER = new URL(`./worker${EXT}`, import.meta.url);

/**
 * A worker thread loads its script with Node's own loader, which tsx's hooks in this thread do not reach (see
 * src/ingest/pool.ts): a TypeScript script starts from a line of JavaScript that registers tsx, then imports it.
 */
export function startModuleWorker(script: URL, resourceLimits?: ResourceLimits): Worker {
  const workerData = { script: script.href };
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

export type ReaderThreadOptions = { timeoutMs?: number; memoryMb?: number; script?: URL };

/** How long a fresh thread may take to load its readers (tsx compiles them on a cold start). */
const STARTUP_MS = 60_000;

export class ReaderThread {
  private worker: Promise<Worker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly script: URL;

  constructor(opts: ReaderThreadOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
    this.memoryMb = opts.memoryMb ?? READER_MEMORY_MB;
    this.script = opts.script ?? READER_WORKER;
  }

  /** One document at a time, in call order, so a time limit is one document's own. Never rejects. */
  read(ext: string, bytes: Uint8Array): Promise<ReadOutcome> {
    const run = this.queue.then(() => this.run(ext, bytes));
    this.queue = run;
    return run;
  }

  /** A thread that has loaded its readers (it says `ready`): the time limit counts reading, not starting. */
  private start(): Promise<Worker> {
    const worker = startModuleWorker(this.script, { maxOldGenerationSizeMb: this.memoryMb });
    return new Promise<Worker>((resolve, reject) => {
      const fail = (e: Error): void => {
        clearTimeout(timer);
        void worker.terminate();
        reject(e);
      };
      const timer = setTimeout(() => fail(new Error(`not ready after ${STARTUP_MS / 1000} s`)), STARTUP_MS);
      worker.once('error', fail).once('exit', (code) => fail(new Error(`exit code ${code}`)));
      worker.once('message', () => {
        clearTimeout(timer);
        worker.removeAllListeners('error').removeAllListeners('exit');
        resolve(worker);
      });
    });
  }

  private async run(ext: string, bytes: Uint8Array): Promise<ReadOutcome> {
    const starting = (this.worker ??= this.start());
    let worker: Worker;
    try {
      worker = await starting;
    } catch (e) {
      if (this.worker === starting) this.worker = null;
      return { ok: false, reason: `reader could not start: ${(e as Error).message}` };
    }
    const id = this.nextId++;
    worker.ref();
    return new Promise<ReadOutcome>((resolve) => {
      const done = (outcome: ReadOutcome, broken: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (broken) {
          if (this.worker === starting) this.worker = null; // never reused: the next document gets a fresh thread
          void worker.terminate();
        } else worker.unref();
        resolve(outcome);
      };
      const onMessage = (m: { id: number; outcome: ReadOutcome }): void => {
        if (m.id === id) done(m.outcome, false);
      };
      const onError = (e: Error & { code?: string }): void =>
        done({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `needs more than ${this.memoryMb} MB to read (limit per document)` : `reader failed: ${e.message}` }, true);
      const onExit = (code: number): void => done({ ok: false, reason: `reader stopped (exit code ${code})` }, true);
      const timer = setTimeout(
        () => done({ ok: false, reason: `took longer than ${Math.round(this.timeoutMs / 1000)} s to read (limit per document)` }, true),
        this.timeoutMs,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, ext, bytes });
    });
  }

  /** Ends the thread once queued documents are read; the next read starts a new one. */
  async close(): Promise<void> {
    await this.queue;
    const w = this.worker;
    this.worker = null;
    await w?.then((worker) => worker.terminate(), () => undefined);
  }
}
