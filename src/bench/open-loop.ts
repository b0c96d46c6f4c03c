/**
 * Open-loop load for `npm run bench:http`: requests at a steady rate, spread evenly in time, whether or
 * not earlier ones have been answered (as Slack sends them). autocannon's rate option cannot stand in:
 * each connection sends its whole per-second quota back to back when the second starts, so every
 * second begins with one burst of `rate` requests. Latency counts from when a request was due, so a
 * load generator that falls behind shows up in the figures instead of hiding them.
 */
import { Agent, request } from 'node:http';
import { percentile } from './stats.js';

export type LoadRequest = { body: string; headers: Record<string, string> };

export type OpenLoopOptions = {
  url: string;
  rate: number;
  durationSeconds: number;
  /** Sockets at most (keep-alive); a request waits for a free one when all are busy. */
  connections: number;
  timeoutMs: number;
  /** The i-th request of the run. */
  next: (i: number) => LoadRequest;
  onResponse?: (status: number, body: string) => void;
};

export type OpenLoopResult = {
  sent: number;
  completed: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / o.rate;
  const total = Math.round(o.rate * o.durationSeconds);
  const start = performance.now();

  const send = (i: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const due = start + i * interval;
      const { body, headers } = o.next(i);
      const req = request(o.url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies.push(performance.now() - due);
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) non2xx++;
          o.onResponse?.(status, Buffer.concat(chunks).toString());
          resolve();
        });
      });
      req.setTimeout(o.timeoutMs, () => {
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', (e) => {
        if (e.message !== 'timeout') errors++;
        resolve();
      });
      req.end(body);
    });

  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      for (; sent < due; sent++) {
        const p = send(sent);
        inFlight.add(p);
        void p.then(() => inFlight.delete(p));
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    sent,
    completed: latencies.length,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? NaN),
    },
    errors,
    timeouts,
    non2xx,
  };
}
