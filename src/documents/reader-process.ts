/**
 * One long-lived reader process for binary (and large) documents, with a memory cap and a time limit per
 * document. A document that hits either is skipped with that reason; the process is killed and a fresh one
 * starts with the next document. A process rather than a worker thread: a parser that grows an array without
 * end on a damaged file makes V8 abort (a fatal error, not an exception, that no heap limit catches first), and
 * that takes down the whole process it runs in, worker threads included. The reader process starts with the
 * first document that needs it and holds the caller open only while a document is being read.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { READ_TIMEOUT_MS, READER_MEMORY_MB } from './limits.js';
import type { ReadOutcome } from './model.js';

/** .ts under tsx and vitest, .js if ever compiled: the reader's script is the sibling of this module. */
const EXT = path.extname(fileURLToPath(import.meta.url));
export const READER_MAIN = new URL(`./reader-main${EXT}`, import.meta.url);

/** How long a fresh process may take to load its readers (tsx compiles them on a cold start). */
const STARTUP_MS = 60_000;

/** stdout stays the caller's own (`npm run ask --json` prints only its output); library noise is not wanted either. */
function startReader(script: URL, memoryMb: number): ChildProcess {
  const execArgv = [`--max-old-space-size=${memoryMb}`];
  if (script.pathname.endsWith('.ts')) execArgv.push('--import', import.meta.resolve('tsx'));
  return fork(fileURLToPath(script), [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
}

/** Held open (ref) while a document is being read, let go (unref) while idle. */
function hold(child: ChildProcess, on: boolean): void {
  const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
  if (on) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
}

export type ReaderProcessOptions = { timeoutMs?: number; memoryMb?: number; script?: URL };

export class ReaderProcess {
  private child: Promise<ChildProcess> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly script: URL;

  constructor(opts: ReaderProcessOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
    this.memoryMb = opts.memoryMb ?? READER_MEMORY_MB;
    this.script = opts.script ?? READER_MAIN;
  }

  /** One document at a time, in call order, so a time limit is one document's own. Never rejects. */
  read(ext: string, bytes: Uint8Array): Promise<ReadOutcome> {
    const run = this.queue.then(() => this.run(ext, bytes));
    this.queue = run;
    return run;
  }

  /** A process that has loaded its readers (it says `ready`): the time limit counts reading, not starting. */
  private start(): Promise<ChildProcess> {
    const child = startReader(this.script, this.memoryMb);
    return new Promise<ChildProcess>((resolve, reject) => {
      const fail = (e: Error): void => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(e);
      };
      const timer = setTimeout(() => fail(new Error(`not ready after ${STARTUP_MS / 1000} s`)), STARTUP_MS);
      child.once('error', fail).once('exit', (code, signal) => fail(new Error(`stopped (${signal ?? `exit code ${code}`})`)));
      child.once('message', () => {
        clearTimeout(timer);
        child.removeAllListeners('error').removeAllListeners('exit');
        resolve(child);
      });
    });
  }

  private async run(ext: string, bytes: Uint8Array): Promise<ReadOutcome> {
    const starting = (this.child ??= this.start());
    let child: ChildProcess;
    try {
      child = await starting;
    } catch (e) {
      if (this.child === starting) this.child = null;
      return { ok: false, reason: `reader could not start: ${(e as Error).message}` };
    }
    const id = this.nextId++;
    hold(child, true);
    return new Promise<ReadOutcome>((resolve) => {
      const done = (outcome: ReadOutcome, broken: boolean): void => {
        clearTimeout(timer);
        child.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (broken) {
          if (this.child === starting) this.child = null; // never reused: the next document gets a fresh process
          child.kill('SIGKILL');
        } else hold(child, false);
        resolve(outcome);
      };
      const onMessage = (m: { id: number; outcome: ReadOutcome }): void => {
        if (m.id === id) done(m.outcome, false);
      };
      const onError = (e: Error): void => done({ ok: false, reason: `reader failed: ${e.message}` }, true);
      const onExit = (code: number | null, signal: string | null): void =>
        done({ ok: false, reason: `needs more than ${this.memoryMb} MB to read (limit per document), or crashes the reader (${signal ?? `exit code ${code}`})` }, true);
      const timer = setTimeout(
        () => done({ ok: false, reason: `took longer than ${Math.round(this.timeoutMs / 1000)} s to read (limit per document)` }, true),
        this.timeoutMs,
      );
      child.on('message', onMessage).on('error', onError).on('exit', onExit);
      child.send({ id, ext, bytes });
    });
  }

  /** Ends the process once queued documents are read; the next read starts a new one. */
  async close(): Promise<void> {
    await this.queue;
    const starting = this.child;
    this.child = null;
    const child = await starting?.catch(() => null);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      hold(child, true); // an idle child is let go: wait for its exit as for a read
      child.kill();
    });
  }
}
