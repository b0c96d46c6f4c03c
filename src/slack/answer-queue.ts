/**
 * Where answer work (search + render) waits its turn, so that under load reading and acknowledging new
 * requests comes first: each event-loop turn spends at most `sliceMs` computing answers, then lets
 * the requests that arrived meanwhile be read and acked. At low load a job runs on the next turn.
 *
 * `full` is what the HTTP receiver checks before accepting a request: true once the oldest job has
 * waited `maxWaitMs` (the queue holds more than that much work: a new question would be answered too
 * late), or `limit` jobs wait, or `maxActive` jobs have started and not finished (answers still being
 * posted to a slow or rate-limiting Slack: memory bounds). A burst the app can work through in time is
 * absorbed; under a flood a quick "busy" is better for everyone than answers that come late or not at all.
 */
export type AnswerQueueOptions = {
  /** Jobs waiting before `full` turns true whatever their age. */
  limit?: number;
  /** How long the oldest job may have waited before `full` turns true, ms. */
  maxWaitMs?: number;
  /** Jobs whose promise has not settled yet (their answer still being posted) before `full` turns true. */
  maxActive?: number;
  /** Answer work per event-loop turn, ms. */
  sliceMs?: number;
};

export const DEFAULT_QUEUE_LIMIT = 10_000;
export const DEFAULT_MAX_WAIT_MS = 2_000;
export const DEFAULT_MAX_ACTIVE = 1_000;
export const DEFAULT_SLICE_MS = 8;
/** Upper bound on the jobs one turn can run (each gets its own setImmediate). */
const MAX_JOBS_PER_TURN = 64;

export class AnswerQueue {
  readonly limit: number;
  readonly maxWaitMs: number;
  readonly maxActive: number;
  private readonly sliceMs: number;
  /** Jobs started whose promise has not settled. */
  private active = 0;
  /** Waiting jobs in order, with when each was queued (performance.now()). */
  private jobs: Array<{ run: () => void; queuedAt: number }> = [];
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];

  constructor(opts: AnswerQueueOptions = {}) {
    this.limit = opts.limit ?? DEFAULT_QUEUE_LIMIT;
    this.maxWaitMs = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.maxActive = opts.maxActive ?? DEFAULT_MAX_ACTIVE;
    this.sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS;
  }

  get waiting(): number {
    return this.jobs.length;
  }

  get full(): boolean {
    return (
      this.jobs.length >= this.limit ||
      this.active >= this.maxActive ||
      (this.jobs.length > 0 && performance.now() - this.jobs[0].queuedAt > this.maxWaitMs)
    );
  }

  /** Run fn in a later turn; the promise settles with its result or error (its synchronous part counts against the slice). */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        try {
          const result = fn();
          if (result instanceof Promise) {
            this.active++;
            // the caller gets a rejection through resolve(); this chain only keeps the count
            result.finally(() => (this.active--, this.wakeIfIdle())).catch(() => {});
          }
          resolve(result);
        } catch (e) {
          reject(e);
        }
      };
      this.jobs.push({ run, queuedAt: performance.now() });
      this.schedule();
    });
  }

  /** Resolves once no job is waiting or still running (for a clean stop: answers already accepted get sent). */
  idle(): Promise<void> {
    if (this.jobs.length === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIfIdle(): void {
    if (this.jobs.length === 0 && this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /**
   * One setImmediate per job that may fit this turn: Node runs each one's promise continuations before
   * the next, so a job's whole synchronous cost (its async middleware included) counts against the
   * slice. Jobs that do not fit wait for the next turn, after the pending requests have been read.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const slots = Math.min(this.jobs.length, MAX_JOBS_PER_TURN);
    let started = 0;
    for (let i = 0; i < slots; i++) {
      setImmediate(() => {
        if (i === 0) started = performance.now();
        if (this.jobs.length === 0 || performance.now() - started >= this.sliceMs) return;
        this.jobs.shift()!.run();
      });
    }
    // after the last job's continuations, which may have queued follow-up jobs
    setImmediate(() => {
      this.scheduled = false;
      if (this.jobs.length > 0) this.schedule();
      else this.wakeIfIdle();
    });
  }
}
