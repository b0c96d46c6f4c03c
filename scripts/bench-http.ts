/**
 * npm run bench:http -- [--phases 100,100@300,100@600,1] [--duration 10] [--roles 10000] [--mentions 0.2] [--log on|off] [--out bench] [--profile <dir>]
 *
 * The Slack app in HTTP mode on loopback under load: autocannon sends correctly signed `/role`
 * slash commands (and a share of app_mention events) with questions from the benchmark mix;
 * replies go to a local fake Slack API (response_url and chat.postMessage) in a process of its own.
 * Each phase is C connections under autocannon (closed loop: each sends again as soon as it is acked,
 * a flood) or C@R (R requests/s evenly spaced over at most C connections, open loop as Slack's traffic
 * is; see src/bench/open-loop.ts), one after the other.
 * Reports requests/s, ack latency, answers delivered, requests turned away and errors, into
 * bench/results.md and results.json. The question log is on (as ROLEBOT_LOG's default), so its writes are measured too.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { z } from 'zod';
import { parseArgs } from '../src/cli/args.js';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../src/config.js';
import { buildSynthIndex, poolFromSeeds } from '../src/bench/corpus.js';
import { openLoop, type LoadRequest, type OpenLoopResult } from '../src/bench/open-loop.js';
import { questionMix } from '../src/bench/questions.js';
import { httpFailures, phaseName, saveResults, TARGETS, type HttpRun } from '../src/bench/report.js';
import { BUSY_TEXT } from '../src/slack/receiver.js';
import { sign } from '../test/slack/fake-slack.js';

const args = parseArgs(
  process.argv.slice(2),
  z.object({
    /** C (closed loop) or C@R (R req/s, open loop, over at most C connections), comma-separated, run in turn. */
    phases: z
      .string()
      .default('100,100@300,100@600,1')
      .transform((s, ctx) =>
        s.split(',').map((p) => {
          const m = /^(\d+)(?:@(\d+))?$/.exec(p.trim());
          if (!m || Number(m[1]) < 1 || Number(m[1]) > 1000) ctx.addIssue({ code: 'custom', message: `not a phase (C or C@R, C in 1..1000): ${p}` });
          return { connections: Number(m?.[1]), ...(m?.[2] ? { rate: Number(m[2]) } : {}) };
        }),
      ),
    duration: z.coerce.number().int().min(1).max(120).default(10),
    roles: z.coerce.number().int().min(10).max(200_000).default(10_000),
    mentions: z.coerce.number().min(0).max(1).default(0.2),
    /** The app's question log (on by default, as in production). */
    log: z.enum(['on', 'off']).default('on'),
    seed: z.coerce.number().int().default(7),
    data: z.string().default(EXAMPLES_DIR),
    out: z.string().default(path.join(PROJECT_ROOT, 'bench')),
    /** Write a V8 CPU profile of the app process into this folder (to see where the time under load goes). */
    profile: z.string().optional(),
  }),
  'usage: npm run bench:http -- [--phases 100,100@300,100@600,1] [--duration 10] [--roles 10000] [--mentions 0.2] [--log on|off] [--out bench] [--profile <dir>]',
);

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const payload = (name: string): { raw_body: string } =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'slack', 'payloads', `http.${name}.json`), 'utf8'));
/** Made up for this run; never a real workspace's secret. */
const SECRET = `bench-${process.pid}-${Date.now()}`;

const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-bench-http-'));
const children: ChildProcess[] = [];

/** A TypeScript child process that sends one message when ready. */
function startChild<T>(file: string, argv: string[], execArgv: string[] = []): { child: ChildProcess; ready: Promise<T> } {
  const child = fork(path.join(PROJECT_ROOT, 'src', 'bench', file), argv, { execArgv: ['--import', 'tsx', ...execArgv], stdio: 'inherit' });
  children.push(child);
  const ready = new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  return { child, ready };
}

/** Ask the fake Slack how many answers it has received so far. */
function answersReceived(fake: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    fake.once('message', (m) => resolve((m as { answers: number }).answers));
    fake.send('count');
  });
}

async function main(): Promise<void> {
  log(`building a ${args.roles}-role synthetic index`);
  const built = await buildSynthIndex(await poolFromSeeds(args.data), work, args.roles, args.seed);
  rmSync(built.corpusDir, { recursive: true, force: true });
  const questions = questionMix(built.content.roles, 300, args.seed).map((q) => q.q);

  const fake = startChild<{ url: string }>('fake-slack-app.ts', []);
  const slackUrl = (await fake.ready).url;
  const app = startChild<{ port: number }>(
    'http-app.ts',
    [built.dbPath, SECRET, `${slackUrl}/api/`, ...(args.log === 'on' ? [path.join(work, 'bench.questions.db')] : [])],
    args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [],
  );
  const { port } = await app.ready;
  log(`app listening on 127.0.0.1:${port}; phases of ${args.duration} s: ${args.phases.map(phaseName).join('; ')}`);

  const command = new URLSearchParams(payload('slash_command').raw_body);
  command.set('response_url', `${slackUrl}/hook/command`);
  const mention = JSON.parse(payload('app_mention').raw_body);
  let n = 0;
  let mentionsSent = 0;
  /** The n-th request of the run: a signed /role command, or now and then an app_mention event. */
  const nextRequest = (): LoadRequest => {
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
      body,
      headers: {
        'content-type': isMention ? 'application/json' : 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(now),
        'x-slack-signature': sign(SECRET, now, body),
      },
    };
  };
  const phases: HttpRun[] = [];
  for (const { connections, rate } of args.phases) {
    const before = { answers: await answersReceived(fake.child), n, mentions: mentionsSent };
    let busy = 0;
    let refused503 = 0;
    const onResponse = (status: number, body: string): void => {
      if (status === 503) refused503++;
      else if (status === 200 && body.includes(BUSY_TEXT)) busy++;
    };
    const url = `http://127.0.0.1:${port}/slack/events`;
    const result: Omit<OpenLoopResult, 'sent'> = rate
      ? await openLoop({ url, rate, durationSeconds: args.duration, connections, timeoutMs: 10_000, next: nextRequest, onResponse })
      : await autocannon({
          url: `http://127.0.0.1:${port}`,
          connections,
          duration: args.duration,
          timeout: 10,
          requests: [{ method: 'POST', path: '/slack/events', setupRequest: (req) => ({ ...req, ...nextRequest() }), onResponse }],
        }).then((r) => ({
          completed: r.requests.total,
          latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
        }));
    // Answers are sent after the ack: wait for the accepted requests' answers (until they stop coming).
    const sent = n - before.n;
    let answers = 0;
    for (let waited = 0, last = -1; waited <= 10_000 && answers < sent - busy - refused503; waited += 500) {
      answers = (await answersReceived(fake.child)) - before.answers;
      if (answers === last) break;
      last = answers;
      await new Promise((r) => setTimeout(r, 500));
    }
    const run: HttpRun = {
      connections,
      ...(rate ? { rate } : {}),
      durationSeconds: args.duration,
      sent,
      requests: result.completed,
      requestsPerSecond: result.completed / args.duration,
      latencyMs: result.latencyMs,
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      mentions: mentionsSent - before.mentions,
      answersDelivered: answers,
      busy,
      refused503,
    };
    phases.push(run);
    log(
      `${phaseName(run)}: ${run.requests} requests (${run.mentions} mentions), ${Math.round(run.requestsPerSecond)} req/s, ` +
        `ack p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms (target < ${TARGETS.httpP99Ms}); answered ${answers}, busy ${busy}, ` +
        `503 ${refused503}; errors ${run.errors}, timeouts ${run.timeouts}, failures ${httpFailures(run)}`,
    );
  }
  // The app reports its memory and exits by itself (so a CPU profile, when asked for, gets written).
  const appMem = await new Promise<{ maxRssBytes: number; logRows: number | null }>((resolve) => {
    let mem = { maxRssBytes: NaN, logRows: null as number | null };
    app.child.once('message', (m) => (mem = m as typeof mem));
    app.child.once('exit', () => resolve(mem));
    app.child.send('stop');
  });
  const cpus = os.cpus();
  saveResults(args.out, {
    http: {
      ranAt: new Date().toISOString(),
      machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
      load: os.loadavg()[0],
      indexRoles: built.content.roles.length,
      appMaxRssBytes: appMem.maxRssBytes,
      questionLogRows: appMem.logRows,
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
    for (const child of children) if (child.exitCode === null) child.kill();
    rmSync(work, { recursive: true, force: true });
  });
