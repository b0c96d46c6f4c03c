/**
 * npm run bench:http -- [--connections 100,1] [--duration 10] [--roles 10000] [--mentions 0.2] [--out bench] [--profile <dir>]
 *
 * The Slack app in HTTP mode on loopback under load: autocannon sends correctly signed `/role`
 * slash commands (and a share of app_mention events) with questions from the benchmark mix;
 * replies go to a local fake Slack API (response_url and chat.postMessage). Each --connections count
 * is one phase; every connection always has a request in flight, so with many connections the app
 * is saturated and latency is mostly queueing (about connections / throughput), while one
 * connection shows the cost of a single request.
 * Reports requests/s, ack latency and errors, and appends them to bench/results.md and results.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import { intList, parseArgs } from '../src/cli/args.js';
import { PROJECT_ROOT } from '../src/config.js';
import { buildSynthIndex, poolFromSeeds } from '../src/bench/corpus.js';
import { questionMix } from '../src/bench/questions.js';
import { saveResults, TARGETS, type HttpRun } from '../src/bench/report.js';
import { FakeSlack, sign } from '../test/slack/fake-slack.js';

const args = parseArgs(
  process.argv.slice(2),
  z.object({
    /** One phase per count, one after the other: 100 is the load figure; 1 (no queueing) shows what one request costs. */
    connections: intList('100,1', 1, 1000),
    duration: z.coerce.number().int().min(1).max(120).default(10),
    roles: z.coerce.number().int().min(10).max(200_000).default(10_000),
    mentions: z.coerce.number().min(0).max(1).default(0.2),
    seed: z.coerce.number().int().default(7),
    data: z.string().default(path.join(PROJECT_ROOT, 'data', 'docs')),
    out: z.string().default(path.join(PROJECT_ROOT, 'bench')),
    /** Write a V8 CPU profile of the app process into this folder (to see where the time under load goes). */
    profile: z.string().optional(),
  }),
  'usage: npm run bench:http -- [--connections 100,1] [--duration 10] [--roles 10000] [--mentions 0.2] [--out bench] [--profile <dir>]',
);

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const payload = (name: string): { raw_body: string } =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'slack', 'payloads', `http.${name}.json`), 'utf8'));
/** Made up for this run; never a real workspace's secret. */
const SECRET = `bench-${process.pid}-${Date.now()}`;

const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-bench-http-'));
const slack = new FakeSlack();
let app: ChildProcess | undefined;

async function main(): Promise<void> {
  log(`building a ${args.roles}-role synthetic index`);
  const built = await buildSynthIndex(await poolFromSeeds(args.data), work, args.roles, args.seed);
  rmSync(built.corpusDir, { recursive: true, force: true });
  const questions = questionMix(built.content.roles, 300, args.seed).map((q) => q.q);

  await slack.start();
  // The fake keeps every call it receives; count and drop them as they come so memory stays flat.
  let apiCalls = 0;
  let hookCalls = 0;
  const drain = setInterval(() => {
    apiCalls += slack.posts().length;
    hookCalls += slack.hooks.length;
    slack.api.length = 0;
    slack.hooks.length = 0;
  }, 200);

  const child = fork(path.join(PROJECT_ROOT, 'src', 'bench', 'http-app.ts'), [built.dbPath, SECRET, `${slack.url}/api/`], {
    execArgv: ['--import', 'tsx', ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [])],
    stdio: 'inherit',
  });
  app = child;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`app exited with ${code} before listening`)));
  });
  log(`app listening on 127.0.0.1:${port}; phases of ${args.duration} s with ${args.connections.join(', ')} connection(s)`);

  const command = new URLSearchParams(payload('slash_command').raw_body);
  command.set('response_url', `${slack.url}/hook/command`);
  const mention = JSON.parse(payload('app_mention').raw_body);
  let n = 0;
  const phases: HttpRun[] = [];
  for (const connections of args.connections) {
    const before = { api: apiCalls, hooks: hookCalls, n };
    let mentionsSent = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: args.duration,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: '/slack/events',
          setupRequest: (req) => {
            const i = n++;
            const q = questions[i % questions.length];
            const isMention = (i * 0.618034) % 1 < args.mentions; // evenly spread, deterministic
            let body: string;
            if (isMention) {
              mentionsSent++;
              const ts = `1700000000.${String(i).padStart(6, '0')}`;
              body = JSON.stringify({ ...mention, event_id: `EvBench${i}`, event: { ...mention.event, text: `<@UBOT> ${q}`, ts, event_ts: ts } });
            } else {
              command.set('text', q);
              command.set('trigger_id', `bench.${i}`);
              body = command.toString();
            }
            const now = Math.floor(Date.now() / 1000);
            return {
              ...req,
              body,
              headers: {
                'content-type': isMention ? 'application/json' : 'application/x-www-form-urlencoded',
                'x-slack-request-timestamp': String(now),
                'x-slack-signature': sign(SECRET, now, body),
              },
            };
          },
        },
      ],
    });
    // Answers are sent after the ack: give the last ones a moment to arrive at the fake.
    const sent = n - before.n;
    for (let waited = 0; waited < 10_000 && apiCalls + hookCalls - before.api - before.hooks < sent; waited += 200) await new Promise((r) => setTimeout(r, 200));
    const run: HttpRun = {
      connections,
      durationSeconds: args.duration,
      sent,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      mentions: mentionsSent,
      answersDelivered: apiCalls + hookCalls - before.api - before.hooks,
    };
    phases.push(run);
    log(
      `${connections} connection(s): ${run.requests} requests (${mentionsSent} mentions), ${Math.round(run.requestsPerSecond)} req/s, ` +
        `ack p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms (target < ${TARGETS.httpP99Ms}), errors ${run.errors}, non-2xx ${run.non2xx}, ` +
        `timeouts ${run.timeouts}; answers delivered ${run.answersDelivered}`,
    );
  }
  clearInterval(drain);

  // The app reports its memory and exits by itself (so a CPU profile, when asked for, gets written).
  const appMem = await new Promise<{ maxRssBytes: number }>((resolve) => {
    let mem = { maxRssBytes: NaN };
    child.once('message', (m) => (mem = m as { maxRssBytes: number }));
    child.once('exit', () => resolve(mem));
    child.send('stop');
  });
  const cpus = os.cpus();
  saveResults(args.out, {
    http: {
      ranAt: new Date().toISOString(),
      machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
      load: os.loadavg()[0],
      indexRoles: built.content.roles.length,
      appMaxRssBytes: appMem.maxRssBytes,
      runs: phases,
    },
  });
  process.stdout.write(readFileSync(path.join(args.out, 'results.md'), 'utf8'));
}

main()
  .catch((e: Error) => {
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (app && app.exitCode === null) app.kill();
    await slack.stop();
    rmSync(work, { recursive: true, force: true });
  });
