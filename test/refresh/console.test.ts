/** The running console (npm start without Slack) picks up a refresh between questions, without a restart. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { runRefresh } from '../../src/refresh/run.js';
import { jobText, workspace, type Workspace } from './fixtures.js';

let ws: Workspace;
let child: ChildProcessWithoutNullStreams | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  ws?.cleanup();
});

describe('running console and npm run refresh', () => {
  it('answers from the new index after a refresh, in the same process', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    expect((await runRefresh({ dataDir: ws.docs, dbPath: ws.db })).written).toBe(true);

    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && k !== 'PORT'));
    child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...env, ROLEBOT_DATA: ws.docs, ROLEBOT_DB: ws.db },
    });
    let out = '';
    const waiters: Array<() => void> = [];
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      for (const w of waiters.splice(0)) w();
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
    let exited = false;
    child.on('exit', () => {
      exited = true;
      for (const w of waiters.splice(0)) w();
    });
    const seen = (re: RegExp, from = 0) =>
      new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ${re} in console output:\n${out}`)), 15_000);
        const check = () => {
          const rest = out.slice(from);
          if (re.test(rest)) {
            clearTimeout(t);
            resolve(rest);
          } else if (exited) {
            clearTimeout(t);
            reject(new Error(`console exited before ${re}:\n${out}`));
          } else waiters.push(check);
        };
        check();
      });

    await seen(/控制台/);
    child.stdin.write('客服主管\n');
    expect(await seen(/来源：a\.txt/)).toContain('处理业主投诉');

    ws.write('a.txt', jobText('客服主管', ['组织业主满意度回访']));
    const mark = out.length;
    expect((await runRefresh({ dataDir: ws.docs, dbPath: ws.db })).diff.changed).toHaveLength(1);
    await seen(/索引已更新/, mark);
    const after = out.length;
    child.stdin.write('客服主管\n');
    const answer = await seen(/来源：a\.txt/, after);
    expect(answer).toContain('组织业主满意度回访');
    expect(answer).not.toContain('处理业主投诉');
    const code = new Promise((r) => child!.on('exit', r));
    child.stdin.write('exit\n');
    expect(await code).toBe(0);
  });
});
