/** `npm start` (src/main.ts) in a child process: the mode comes from the environment. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, PROJECT_ROOT } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';
import { FakeSlack, sendToApp, until } from './fake-slack.js';

const SLACK_VARS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT', 'SLACK_API_URL'];
let dir: string;
let db: string;

/**
 * Start main.ts with exactly these Slack variables: the others are blank (which counts as unset),
 * so neither the machine's environment nor a developer's .env can leak in.
 */
function start(vars: Record<string, string>) {
  const blank = Object.fromEntries(SLACK_VARS.map((k) => [k, '']));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ROLEBOT_DB: db, ...blank, ...vars },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rolebot-start-'));
  db = path.join(dir, 'index.db');
  writeIndex(db, await ingestFolder(EXAMPLES_DIR));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('stops at once on a partial configuration, naming the missing variable', async () => {
    const run = start({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('error: SLACK_APP_TOKEN: required');
  });

  it('runs HTTP mode with a bot token and signing secret, and stops cleanly on SIGTERM', async () => {
    const slack = new FakeSlack();
    await slack.start();
    const port = await freePort();
    const secret = 'start-test-secret';
    const run = start({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: secret, PORT: String(port), SLACK_API_URL: `${slack.url}/api` });
    try {
      await until(() => run.output().includes('listening'), 'the app to listen', 20_000);
      expect(slack.api.map((c) => c.method)).toEqual(['auth.test']);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const form = new URLSearchParams({ command: '/role', text: 'help', team_id: 'T1', user_id: 'U1', channel_id: 'C1', response_url: `${slack.url}/hook/1` });
      expect((await sendToApp(`http://127.0.0.1:${port}/slack/events`, form.toString(), { secret })).status).toBe(200);
      await until(() => slack.hooks[0], 'the usage message');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
      await slack.stop();
    }
  });

  it('writes the pid of the process doing the work, which takes SIGHUP; SIGTERM to npm start stops it', async () => {
    const slack = new FakeSlack();
    await slack.start();
    const port = await freePort();
    const pidFile = path.join(dir, 'app.pid');
    const blank = Object.fromEntries(SLACK_VARS.map((k) => [k, '']));
    const vars = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'pid-test-secret', PORT: String(port), SLACK_API_URL: `${slack.url}/api` };
    const npm = spawn('npm', ['start', '--silent'], { cwd: PROJECT_ROOT, env: { ...process.env, ROLEBOT_DB: db, ROLEBOT_PID: pidFile, ...blank, ...vars } });
    let output = '';
    npm.stdout.on('data', (d) => (output += d));
    npm.stderr.on('data', (d) => (output += d));
    const npmExited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    let pid = 0;
    try {
      await until(() => output.includes('listening'), 'the app to listen', 30_000);
      pid = Number(readFileSync(pidFile, 'utf8'));
      expect(pid).toBeGreaterThan(0);
      // SIGHUP asks for a reload (nothing changed here): the app keeps serving
      process.kill(pid, 'SIGHUP');
      await new Promise((r) => setTimeout(r, 300));
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // SIGTERM to the npm process reaches the app (npm start execs node, and npm forwards TERM to its child)
      npm.kill('SIGTERM');
      await npmExited;
      await until(() => !alive(pid), 'the app to stop');
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
      npm.kill('SIGKILL');
      await slack.stop();
    }
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
