/**
 * Worker threads that run the per-document ingest step (ingestDocument, in src/ingest/worker.ts) so that
 * documents are parsed on every core while the main thread takes the results in order and writes them.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Ingested, IngestJob } from './pipeline.js';

/** .ts under tsx and vitest, .js if ever compiled: the worker script is the sibling of this module. */
const EXT = path.extname(fileURLToPath(import.meta.url));
export const INGEST_WORKER = new URL(`./worker${EXT}`, import.meta.url);

/**
 * A worker thread loads its script with Node's own loader: neither the hooks tsx registered in this thread
 * nor vitest's transform reach it, and on Node 20 tsx's `--import` registers in the main thread only. So a
 * TypeScript script is started by a line of JavaScript that registers tsx in the worker, then imports it.
 */
function startWorker(script: URL): Worker {
  const workerData = { script: script.href };
  if (EXT !== '.ts') return new Worker(script, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

type Reply = { id: number; result?: Ingested; error?: string };
type Slot = { worker: Worker; pending: Map<number, { resolve: (r: Ingested) => void; reject: (e: Error) => void }> };

export class IngestPool {
  /** A worker per core, up to 4 (beyond that the single writing thread is the limit). */
  static defaultSize(): number {
    return Math.min(os.availableParallelism(), 4);
  }

  private slots: Slot[] | null = null;
  private nextId = 0;

  /** Workers start with the first job. script: the worker module (tests pass their own). */
  constructor(
    private readonly size: number,
    private readonly script: URL = INGEST_WORKER,
  ) {}

  /** Rejects when no worker can take the job or its worker fails before answering. */
  ingest(job: IngestJob): Promise<Ingested> {
    const slots = (this.slots ??= this.start());
    if (!slots.length) return Promise.reject(new Error('no ingest worker running'));
    const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job });
    });
  }

  private start(): Slot[] {
    const slots: Slot[] = [];
    for (let i = 0; i < this.size; i++) {
      const worker = startWorker(this.script);
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', ({ id, result, error }: Reply) => {
        const p = slot.pending.get(id);
        slot.pending.delete(id);
        if (error === undefined) p?.resolve(result!);
        else p?.reject(new Error(error));
      });
      const lost = (e: Error) => {
        const k = slots.indexOf(slot);
        if (k >= 0) slots.splice(k, 1);
        for (const p of slot.pending.values()) p.reject(e);
        slot.pending.clear();
      };
      worker.on('error', lost);
      worker.on('exit', (code) => lost(new Error(`ingest worker stopped (exit code ${code})`)));
      slots.push(slot);
    }
    return slots;
  }

  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
