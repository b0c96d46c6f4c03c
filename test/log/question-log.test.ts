import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { defaultLogPath, loadFeedbackConfig } from '../../src/log/config.js';
import { NO_LOG, openAnswerLog, QuestionLog } from '../../src/log/question-log.js';
import { FakeAnswerer } from '../slack/fake-answerer.js';
import { until } from '../slack/fake-slack.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rolebot-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 24 * 60 * 60 * 1000;
const answers = new FakeAnswerer();
const answer = (q: string): Answer => answers.ask(q);
let n = 0;
const file = () => path.join(dir, `log-${n++}.db`);

describe('QuestionLog', () => {
  it('keeps rows for the retention limit: older ones go when the log is opened', () => {
    const f = file();
    let now = Date.UTC(2026, 0, 1);
    const a = new QuestionLog(f, { days: 180, now: () => now });
    const old = a.record('slash', answer('会计'))!;
    now += 100 * DAY;
    a.record('dm', answer('客服主管'));
    a.close();
    now += 90 * DAY; // the first row is now 190 days old, the second 90
    const b = new QuestionLog(f, { days: 180, now: () => now });
    expect(b.rows().map((r) => r.question)).toEqual(['客服主管']);
    expect(b.vote(old, 'T:U1', 'up')).toBe('unknown');
    b.close();
  });

  it('enforces the limit daily while running, votes going with their question', async () => {
    let now = Date.UTC(2026, 0, 1);
    const log = new QuestionLog(file(), { days: 30, now: () => now, purgeEveryMs: 20 });
    const key = log.record('slash', answer('会计'))!;
    expect(log.vote(key, 'T:U1', 'down')).toBe('recorded');
    log.comment(key, 'T:U1', 'x');
    now += 31 * DAY;
    await new Promise((r) => setTimeout(r, 60));
    expect(log.rows()).toEqual([]);
    expect(log.votes()).toEqual([]);
    log.close();
  });

  it('stores users only as salted hashes: not the id, different in another log file', () => {
    const f1 = file();
    const f2 = file();
    const a = new QuestionLog(f1, { days: 180 });
    const b = new QuestionLog(f2, { days: 180 });
    const ka = a.record('slash', answer('会计'))!;
    a.vote(ka, 'T0001:U0123ABC', 'up');
    expect(a.userHash('T0001:U0123ABC')).not.toBe(b.userHash('T0001:U0123ABC'));
    a.close();
    b.close();
    const raw = new Database(f1, { readonly: true });
    const dump = JSON.stringify([raw.prepare('SELECT * FROM votes').all(), raw.prepare('SELECT * FROM questions').all()]);
    raw.close();
    expect(dump).not.toContain('U0123ABC');
  });

  it('one vote per user per answer; another answer or user counts again', () => {
    const log = new QuestionLog(file(), { days: 180 });
    const k1 = log.record('slash', answer('会计'))!;
    const k2 = log.record('slash', answer('会计'))!;
    expect(log.vote(k1, 'T:U1', 'up')).toBe('recorded');
    expect(log.vote(k1, 'T:U1', 'down')).toBe('duplicate');
    expect(log.vote(k1, 'T:U2', 'down')).toBe('recorded');
    expect(log.vote(k2, 'T:U1', 'down')).toBe('recorded');
    expect(log.vote('unknownKey123', 'T:U1', 'up')).toBe('unknown');
    expect(log.voteOf(k1, 'T:U1')).toEqual({ vote: 'up', comment: null });
    log.close();
  });

  it('records outcome and the roles answered; help is not logged', () => {
    const log = new QuestionLog(file(), { days: 180 });
    log.record('console', answer('谁负责处理业主投诉'));
    log.record('console', answer('没有这个'));
    expect(log.record('console', { kind: 'help', question: '', intent: 'role' })).toBeNull();
    const rows = log.rows();
    expect(rows.map((r) => [r.intent, r.outcome])).toEqual([
      ['who', 'found'],
      ['role', 'none'],
    ]);
    expect(rows[0].results[0]).toMatchObject({ id: 'r-kfzg', title: '客服主管' });
    log.close();
  });

  it('record() only queues: the write happens later, in one transaction, and a failing write never throws', async () => {
    const errors: Error[] = [];
    const f = file();
    const log = new QuestionLog(f, { days: 180, flushMs: 10, onError: (e) => errors.push(e) });
    log.record('slash', answer('会计'));
    const peek = new Database(f, { readonly: true });
    expect(peek.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 0 });
    await new Promise((r) => setTimeout(r, 40));
    expect(peek.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 1 });
    peek.close();
    // the file vanishes under the app (a careless cleanup): answers go on, the failure is reported once
    (log as unknown as { db: Database.Database }).db.close();
    expect(() => log.record('slash', answer('会计'))).not.toThrow();
    await new Promise((r) => setTimeout(r, 40));
    expect(errors.length).toBe(1);
    expect(log.vote('whatever123', 'T:U', 'up')).toBe('unknown');
  });
});

describe('WAL checkpoints', () => {
  const fill = (log: QuestionLog) => {
    // 27,000 rows, over SQLite's own checkpoint threshold of 1,000 WAL pages; flushed as they come (the queue is bounded)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9_000; i++) log.record('slash', answer('会计'));
      log.flush();
    }
  };

  it('never happen in the app\'s commits', () => {
    const f = file();
    const log = new QuestionLog(f, { days: 180, checkpointEveryMs: 0 });
    const before = statSync(f).size;
    fill(log);
    expect(statSync(f).size).toBe(before); // all rows still in the WAL
    expect(log.rows()).toHaveLength(27_000);
    log.close();
  });

  it('are done by the worker thread', async () => {
    const f = file();
    const log = new QuestionLog(f, { days: 180, checkpointEveryMs: 30 });
    const before = statSync(f).size;
    fill(log);
    await until(() => statSync(f).size > before, 'the worker\'s checkpoint');
    log.close();
  });
});

describe('settings', () => {
  it('puts the log beside the index, in its own file', () => {
    expect(defaultLogPath('/srv/rolebot/data/rolebot.db')).toBe('/srv/rolebot/data/rolebot.questions.db');
    expect(loadFeedbackConfig('/x/i.db', {})).toEqual({ log: { path: '/x/i.questions.db', days: 180 }, hrChannel: null, admins: [], channels: null });
  });

  it('reads ROLEBOT_LOG, ROLEBOT_LOG_DAYS, ROLEBOT_HR_CHANNEL, ROLEBOT_ADMINS, ROLEBOT_CHANNELS', () => {
    const c = loadFeedbackConfig('/x/i.db', {
      ROLEBOT_LOG_DAYS: '30',
      ROLEBOT_HR_CHANNEL: 'C0HR',
      ROLEBOT_ADMINS: 'U01, U02',
      ROLEBOT_CHANNELS: 'C01 G02',
      ROLEBOT_LOG_DB: '/var/log/q.db',
    });
    expect(c).toEqual({ log: { path: '/var/log/q.db', days: 30 }, hrChannel: 'C0HR', admins: ['U01', 'U02'], channels: ['C01', 'G02'] });
    expect(loadFeedbackConfig('/x/i.db', { ROLEBOT_LOG: 'off' }).log).toBeNull();
  });

  it.each([
    [{ ROLEBOT_LOG: 'maybe' }, /ROLEBOT_LOG: must be on or off/],
    [{ ROLEBOT_LOG_DAYS: '0' }, /ROLEBOT_LOG_DAYS/],
    [{ ROLEBOT_LOG_DAYS: 'half a year' }, /ROLEBOT_LOG_DAYS: must be a number/],
    [{ ROLEBOT_HR_CHANNEL: '#hr' }, /ROLEBOT_HR_CHANNEL: must be a channel id/],
    [{ ROLEBOT_ADMINS: 'zhangsan' }, /ROLEBOT_ADMINS/],
    [{ ROLEBOT_CHANNELS: 'general' }, /ROLEBOT_CHANNELS/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => loadFeedbackConfig('/x/i.db', env)).toThrow(message);
  });

  it('ROLEBOT_LOG=off: no log, no file', () => {
    const f = file();
    expect(openAnswerLog(loadFeedbackConfig(f, { ROLEBOT_LOG: 'off' }).log)).toBe(NO_LOG);
    expect(NO_LOG.record('slash', answer('会计'))).toBeNull();
    expect(existsSync(defaultLogPath(f))).toBe(false);
  });

  it('a log that cannot be opened is reported and the app runs without it', () => {
    const errors: string[] = [];
    // a plain file where the log's folder would be: opening fails on any system, root included
    const blocked = path.join(dir, 'not-a-dir');
    writeFileSync(blocked, '');
    const log = openAnswerLog({ path: path.join(blocked, 'q.db'), days: 180 }, { onError: (e) => errors.push(e.message) });
    expect(log).toBe(NO_LOG);
    expect(errors[0]).toMatch(/question log .* could not be opened/);
  });
});
