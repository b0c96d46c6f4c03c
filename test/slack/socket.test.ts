/**
 * Socket Mode: the same app built for Socket Mode, fed the example envelopes' payloads the way its
 * receiver hands them over (no websocket: tests stay offline).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LogLevel, type App, type Logger } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionLog } from '../../src/log/question-log.js';
import { checkBotToken, createSlackApp } from '../../src/slack/app.js';
import { FakeAnswerer } from './fake-answerer.js';
import { FakeSlack, until } from './fake-slack.js';

const ENVELOPES = JSON.parse(readFileSync(new URL('./payloads/socket_mode.envelopes.json', import.meta.url), 'utf8'));
const slack = new FakeSlack();
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
const answerer = new FakeAnswerer();
let app: App;

beforeAll(async () => {
  await slack.start();
  app = createSlackApp(
    { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: `${slack.url}/api/` },
    { getAnswerer: () => answerer, logLevel: LogLevel.ERROR },
  );
});

afterAll(() => slack.stop());

describe('Socket Mode', () => {
  it('answers the slash command envelope through its response_url', async () => {
    const acks: unknown[] = [];
    const body = { ...ENVELOPES.slash_command.payload, response_url: `${slack.url}/hook/socket` };
    await app.processEvent({ body, ack: async (r?: unknown) => void acks.push(r ?? null) });
    expect(acks).toEqual([null]);
    const hook = await until(() => slack.hooks[0], 'the answer');
    expect(hook.body.response_type).toBe('ephemeral');
    expect(answerer.asked).toContain('客服主管 & 会计');
  });

  it('answers an event once when Socket Mode redelivers it (retry_attempt)', async () => {
    const envelope = ENVELOPES.event_retry;
    const ack = async () => {};
    await app.processEvent({ body: envelope.payload, ack });
    await app.processEvent({ body: envelope.payload, ack, retryNum: envelope.retry_attempt, retryReason: envelope.retry_reason });
    await until(() => slack.posts().length === 1, 'the reply');
    expect(slack.posts()[0].body).toMatchObject({ channel: 'C0001', thread_ts: '1700000000.000100' });
    // processEvent resolves after the listeners have finished, so no second reply is on its way.
    expect(slack.posts()).toHaveLength(1);
  });
});

describe('Socket Mode feedback', () => {
  it('acks the 不对 form once and keeps its text with the vote', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rolebot-socket-log-'));
    const log = new QuestionLog(path.join(dir, 'q.db'), { days: 180 });
    try {
      const withLog = createSlackApp(
        { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: `${slack.url}/api/` },
        { getAnswerer: () => answerer, logLevel: LogLevel.ERROR, bot: { botId: 'BBOT', botUserId: 'UBOT' }, logger: silent, feedback: { log } },
      );
      const key = log.record('slash', answerer.ask('会计'))!;
      expect(log.vote(key, 'T0001:U0001', 'down')).toBe('recorded');
      const meta = JSON.stringify({ lang: 'zh', feedback: `${key}|0|role:r-kj` });
      const acks: unknown[] = [];
      const body = {
        type: 'view_submission',
        team: { id: 'T0001' },
        user: { id: 'U0001' },
        view: { id: 'V1', callback_id: 'feedback_modal', private_metadata: meta, state: { values: { comment: { comment_text: { type: 'plain_text_input', value: '找出纳' } } } } },
      };
      await withLog.processEvent({ body, ack: async (r?: unknown) => void acks.push(r ?? null) });
      expect(acks).toEqual([null]);
      expect(log.voteOf(key, 'T0001:U0001')).toEqual({ vote: 'down', comment: '找出纳' });
    } finally {
      log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkBotToken (npm start checks the token before connecting)', () => {
  const config = () => ({ mode: 'socket' as const, botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: `${slack.url}/api/` });

  it("returns the bot's identity", async () => {
    await expect(checkBotToken(config())).resolves.toEqual({ botId: 'BBOT', botUserId: 'UBOT' });
  });

  it('names SLACK_BOT_TOKEN when Slack rejects it', async () => {
    slack.authError = 'invalid_auth';
    try {
      await expect(checkBotToken(config())).rejects.toThrow(/SLACK_BOT_TOKEN: .*invalid_auth/);
    } finally {
      slack.authError = null;
    }
  });

  it('says Slack could not be reached, with the URL tried, when nothing answers there', async () => {
    const closed = { mode: 'socket' as const, botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: 'http://127.0.0.1:9/api/' };
    const e = await checkBotToken(closed).then(
      () => null,
      (x: Error) => x,
    );
    expect(e?.message).toContain('could not reach Slack at http://127.0.0.1:9/api/auth.test');
    expect(e?.message).not.toContain('did not accept');
  }, 30_000);
});

describe('Socket Mode connection', () => {
  it('opens its connection through SLACK_API_URL too (proxies)', async () => {
    const socketApp = createSlackApp(
      { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: `${slack.url}/api/` },
      { getAnswerer: () => answerer, logLevel: LogLevel.ERROR, bot: { botId: 'BBOT', botUserId: 'UBOT' }, logger: silent },
    );
    // Bolt hands clientOptions to the Socket Mode client too. The fake hands out no websocket URL, so the client keeps retrying; only the first call matters here.
    void socketApp.start().catch(() => {});
    const call = await until(() => slack.api.find((c) => c.method === 'apps.connections.open'), 'apps.connections.open');
    expect(call).toBeDefined();
    await socketApp.stop().catch(() => {});
  });
});
