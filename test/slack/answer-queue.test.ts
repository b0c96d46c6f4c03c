/** The queue answer work waits in: order, results, bound, and time slices that let other work run between. */
import { describe, expect, it, vi } from 'vitest';
import { AnswerQueue } from '../../src/slack/answer-queue.js';

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('AnswerQueue', () => {
  it('runs jobs in order and settles each with its result or error', async () => {
    const q = new AnswerQueue();
    const order: number[] = [];
    const a = q.run(() => (order.push(1), 'a'));
    const b = q.run(() => {
      order.push(2);
      throw new Error('no');
    });
    const c = q.run(async () => (order.push(3), 'c'));
    expect(order).toEqual([]); // nothing runs in the caller's turn
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('no');
    await expect(c).resolves.toBe('c');
    expect(order).toEqual([1, 2, 3]);
  });

  it('is full once its oldest job has waited too long, not merely because many wait', async () => {
    const q = new AnswerQueue({ maxWaitMs: 30 });
    const jobs = Array.from({ length: 500 }, (_, i) => q.run(() => i));
    expect(q.full).toBe(false); // a burst is taken in
    busyFor(40); // the loop is held up: the first job has now waited past maxWaitMs
    expect(q.full).toBe(true);
    await Promise.all(jobs);
    expect(q.full).toBe(false);
  });

  it('is full while too many started jobs have not finished (answers still being posted), and not idle', async () => {
    const q = new AnswerQueue({ maxActive: 2 });
    const posted: Array<() => void> = [];
    const posting = () => new Promise<void>((resolve) => posted.push(resolve));
    const started = [q.run(posting), q.run(posting)];
    expect(q.full).toBe(false); // queued, not started
    let idle = false;
    void q.idle().then(() => (idle = true));
    // (both jobs start within a few event-loop turns; on a loaded machine a fixed sleep can be too short)
    await vi.waitFor(() => expect(q.waiting).toBe(0));
    expect(q.full).toBe(true);
    expect(idle).toBe(false); // still posting
    posted[0]();
    await started[0];
    expect(q.full).toBe(false);
    posted[1]();
    await started[1];
    await new Promise((r) => setTimeout(r, 0));
    expect(idle).toBe(true);
  });

  it('is full at its limit and empties again', async () => {
    const q = new AnswerQueue({ limit: 2 });
    const jobs = [q.run(() => 1), q.run(() => 2)];
    expect(q.full).toBe(true);
    expect(q.waiting).toBe(2);
    await Promise.all(jobs);
    await q.idle();
    expect(q.full).toBe(false);
  });

  /** Longest run of jobs with no timer tick in between, while a timer re-arms itself (a request waiting to be read). */
  async function longestRun(q: AnswerQueue, jobs: Array<() => unknown>): Promise<number> {
    const log: string[] = [];
    let done = false;
    const tick = () => {
      log.push('tick');
      if (!done) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    await Promise.all(jobs.map((job) => q.run(async () => (await job(), log.push('job')))));
    done = true;
    return Math.max(...log.join(' ').split('tick').map((run) => run.split('job').length - 1));
  }

  it('spends at most one slice per event-loop turn, so I/O and timers get a turn in between', async () => {
    // 3 ms jobs and a 5 ms slice: at most two jobs a turn
    expect(await longestRun(new AnswerQueue({ sliceMs: 5 }), Array(8).fill(() => busyFor(3)))).toBeLessThanOrEqual(2);
  });

  it("counts a job's promise continuations against its slice", async () => {
    const job = async () => {
      await null; // the work happens after an await, as in Bolt's middleware chain
      busyFor(3);
    };
    expect(await longestRun(new AnswerQueue({ sliceMs: 5 }), Array(8).fill(job))).toBeLessThanOrEqual(2);
  });

  it('idle() waits for follow-up jobs queued by a job', async () => {
    const q = new AnswerQueue();
    let done = false;
    void q.run(async () => {
      await q.run(() => undefined);
      done = true;
    });
    await q.idle();
    expect(done).toBe(true);
  });
});
