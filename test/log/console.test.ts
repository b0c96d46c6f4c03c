/** Feedback in the console (npm start without Slack): + / - after an answer, logged like Slack's. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { defaultLogPath } from '../../src/log/config.js';
import { QuestionLog } from '../../src/log/question-log.js';
import { indexBundledDocs } from '../helpers/docs-index.js';

const SLACK_BLANK = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', PORT: '', SLACK_API_URL: '' };
let dir: string;
let db: string;
let title: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rolebot-console-log-'));
  db = path.join(dir, 'rolebot.db');
  title = (await indexBundledDocs(db))[0].title;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function consoleRun(input: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...SLACK_BLANK, ROLEBOT_DB: db, ROLEBOT_LOG: '', ROLEBOT_LOG_DB: '', ROLEBOT_LOG_DAYS: '', ...env },
  });
}

describe('console feedback', () => {
  it('logs the question, takes one vote per answer with an optional note', () => {
    const r = consoleRun(`${title}\n-  想找的是别的岗位\n+\n没有这种岗位吧xyz\n+\nexit\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('输入 + 表示有用');
    expect(r.stdout).toContain('感谢反馈！HR 会据此改进岗位资料。');
    expect(r.stdout).toContain('你已经对这个回答反馈过了。');
    expect(r.stdout).toContain('感谢反馈！');
    const log = new QuestionLog(defaultLogPath(db), { days: 180 });
    try {
      expect(log.rows().map((x) => [x.surface, x.question, x.outcome])).toEqual([
        ['console', title, 'found'],
        ['console', '没有这种岗位吧xyz', 'none'],
      ]);
      expect(log.votes().map((v) => [v.vote, v.comment])).toEqual([
        ['down', '想找的是别的岗位'],
        ['up', null],
      ]);
    } finally {
      log.close();
    }
  });

  it('with ROLEBOT_LOG=off asks for no feedback and logs nothing', () => {
    const off = path.join(dir, 'off.questions.db');
    const r = consoleRun(`${title}\n+\nexit\n`, { ROLEBOT_LOG: 'off', ROLEBOT_LOG_DB: off });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('输入 + 表示有用');
    expect(r.stdout).not.toContain('感谢反馈');
    expect(existsSync(off)).toBe(false);
  });
});
