/** The open-loop load generator of bench:http: the rate it promises, spread evenly, statuses counted. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLoop, type LoadRequest } from '../../src/bench/open-loop.js';

let server: Server;
let url = '';
const arrivals: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    req.on('end', () => res.writeHead(req.headers['x-fail'] ? 503 : 200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends rate × duration requests evenly spread, not in one burst per second, and counts non-2xx', async () => {
  const statuses: number[] = [];
  const r = await openLoop({
    url,
    rate: 100,
    durationSeconds: 0.5,
    connections: 10,
    timeoutMs: 2000,
    next: (i): LoadRequest => ({ body: `n=${i}`, headers: i % 10 === 0 ? { 'x-fail': '1' } : {} }),
    onResponse: (status) => statuses.push(status),
  });
  expect(r).toMatchObject({ sent: 50, completed: 50, errors: 0, timeouts: 0, non2xx: 5 });
  expect(statuses.filter((s) => s === 503)).toHaveLength(5);
  // 10 ms apart on average: the 50 requests take about 0.5 s to arrive, a burst would take a few ms
  expect(arrivals[arrivals.length - 1] - arrivals[0]).toBeGreaterThan(400);
  expect(r.latencyMs.p50).toBeGreaterThan(0);
});
