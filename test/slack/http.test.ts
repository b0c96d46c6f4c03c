/** The real Bolt app in HTTP mode on localhost, answering signed Slack requests; Slack itself is faked. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/types.js';
import { createSlackApp } from '../../src/slack/app.js';
import { AnswerQueue } from '../../src/slack/answer-queue.js';
import { BODY_LIMIT_BYTES, BUSY_TEXT } from '../../src/slack/receiver.js';
import { blockKitProblems } from './blockkit.js';
import { FakeAnswerer } from './fake-answerer.js';
import { collectingLogger, FakeSlack, HTTP_EXAMPLES, sendToApp, sign, until } from './fake-slack.js';

const { command: COMMAND, mention: MENTION, dm: DM, click: CLICK } = HTTP_EXAMPLES;
const SECRET: string = COMMAND.signing_secret;

const slack = new FakeSlack();
const warnings: string[] = [];
const logger = collectingLogger(warnings);
let answerer: Answerer & { asked?: string[] } = new FakeAnswerer();
let app: App;
let events = '';
let base = '';

beforeAll(async () => {
  await slack.start();
  app = createSlackApp(
    { mode: 'http', botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: `${slack.url}/api/` },
    { getAnswerer: () => answerer, logger },
  );
  const server = (await app.start()) as Server;
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  events = `${base}/slack/events`;
});

afterAll(async () => {
  await app.stop();
  await slack.stop();
});

beforeEach(() => {
  answerer = new FakeAnswerer();
  slack.api.length = 0;
  slack.hooks.length = 0;
  warnings.length = 0;
});

const send = (body: string, opts: Partial<Parameters<typeof sendToApp>[2]> = {}) => sendToApp(events, body, { secret: SECRET, ...opts });

/** The example slash command with our own text and a response_url on the fake server. */
function command(text: string, hook = '/hook/cmd'): string {
  const form = new URLSearchParams(COMMAND.raw_body);
  form.set('text', text);
  form.set('response_url', `${slack.url}${hook}`);
  return form.toString();
}

function click(actionId: string, value: string, isEphemeral = true, hook = '/hook/click'): string {
  const p = structuredClone(CLICK.parsed_payload);
  p.actions[0] = { ...p.actions[0], action_id: actionId, value };
  p.container.is_ephemeral = isEphemeral;
  p.response_url = `${slack.url}${hook}`;
  return new URLSearchParams({ payload: JSON.stringify(p) }).toString();
}

function eventBody(base: any, eventId: string, event: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...base, event_id: eventId, event: { ...base.event, ...event } });
}

const headerText = (blocks: any[]) => blocks.find((b) => b.type === 'header')?.text.text;

describe('/role', () => {
  it('acks at once with an empty 200, then answers ephemerally with a card and a share button', async () => {
    const res = await send(command('客服主管'));
    expect(res).toEqual({ status: 200, text: '' });
    const hook = await until(() => slack.hooks[0], 'the response_url post');
    expect(hook.path).toBe('/hook/cmd');
    expect(hook.body.response_type).toBe('ephemeral');
    expect(headerText(hook.body.blocks)).toBe('客服主管');
    expect(blockKitProblems(hook.body as any)).toEqual([]);
    expect(JSON.stringify(hook.body.blocks)).toContain('"action_id":"share:2"');
    expect(slack.posts()).toEqual([]);
  });

  it('unescapes the text Slack sends before asking (the example request)', async () => {
    const form = new URLSearchParams(COMMAND.raw_body);
    form.set('response_url', `${slack.url}/hook/x`);
    expect((await send(form.toString())).status).toBe(200);
    await until(() => slack.hooks[0], 'the answer');
    expect(answerer.asked).toEqual(['客服主管 & 会计']);
  });

  it.each(['', 'help', '  帮助 '])('shows usage with examples for %j without searching', async (text) => {
    await send(command(text));
    const hook = await until(() => slack.hooks[0], 'usage');
    expect(JSON.stringify(hook.body.blocks)).toContain('/role 谁负责处理业主投诉');
    expect(answerer.asked).toEqual([]);
  });

  it('refuses an overlong question with a clear message', async () => {
    await send(command('长'.repeat(600)));
    const hook = await until(() => slack.hooks[0], 'the refusal');
    expect(hook.body.text).toContain('问题太长了');
    expect(answerer.asked).toEqual([]);
  });

  it('gets the answerer per request, so a swapped index serves the next question', async () => {
    await send(command('会计', '/hook/1'));
    await until(() => slack.hooks[0], 'first answer');
    answerer = new FakeAnswerer([]);
    await send(command('会计', '/hook/2'));
    const second = await until(() => slack.hooks.find((h) => h.path === '/hook/2'), 'second answer');
    expect(headerText(slack.hooks[0].body.blocks)).toBe('会计');
    expect(JSON.stringify(second.body.blocks)).toContain('没有找到');
  });

  it('apologises instead of going silent when the index cannot be opened', async () => {
    answerer = { ask: () => { throw new Error('index missing'); }, roleById: () => { throw new Error('index missing'); } };
    await send(command('会计'));
    const hook = await until(() => slack.hooks[0], 'the apology');
    expect(hook.body.text).toContain('抱歉');
    expect(warnings.join('\n')).toContain('index missing');
  });
});

describe('mentions and direct messages', () => {
  it('answers an @mention in its thread, without the mention in the question', async () => {
    expect((await send(MENTION.raw_body)).status).toBe(200);
    const post = await until(() => slack.posts()[0], 'the thread reply');
    expect(post.method).toBe('chat.postMessage');
    expect(post.body).toMatchObject({ channel: 'C0001', thread_ts: '1700000000.000100' });
    expect(headerText(post.body.blocks)).toBe('谁负责：处理业主投诉');
    expect(answerer.asked).toEqual(['谁负责处理业主投诉']);
  });

  it('answers a retried event once, and a second event about the same message not at all', async () => {
    const body = eventBody(JSON.parse(MENTION.raw_body), 'EvRetry1', { ts: '1700000100.000100' });
    await send(body);
    await until(() => slack.posts().length === 1, 'the first reply');
    expect((await send(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    // Same message delivered as a message event (different event id, same channel and ts).
    await send(eventBody(DM.body, 'EvRetry2', { channel: 'C0001', ts: '1700000100.000100', text: '<@UBOT> 谁负责处理业主投诉' }));
    // A later, different question proves the duplicates were processed (requests are handled in order).
    await send(eventBody(DM.body, 'EvSentinel', { ts: '1700000200.000100' }));
    await until(() => slack.posts().some((p) => p.body.channel === 'D0001'), 'the sentinel reply');
    expect(slack.posts().filter((p) => p.body.channel === 'C0001')).toHaveLength(1);
    expect(answerer.asked).toEqual(['谁负责处理业主投诉', '会计的上级是谁']);
  });

  it('answers a direct message in the DM (the example event)', async () => {
    await send(JSON.stringify(DM.body));
    const post = await until(() => slack.posts()[0], 'the DM reply');
    expect(post.body.channel).toBe('D0001');
    expect(post.body.thread_ts).toBeUndefined();
    expect(JSON.stringify(post.body.blocks)).toContain('汇报对象');
    expect(blockKitProblems(post.body as any)).toEqual([]);
  });

  it('ignores bot posts and edits in DMs (its own replies included)', async () => {
    await send(eventBody(DM.body, 'EvBot', { bot_id: 'BBOT', ts: '1700000300.000100' }));
    await send(eventBody(DM.body, 'EvEdit', { subtype: 'message_changed', ts: '1700000301.000100' }));
    await send(eventBody(DM.body, 'EvSentinel2', { ts: '1700000302.000100', text: '会计' }));
    await until(() => slack.posts()[0], 'the sentinel reply');
    expect(slack.posts()).toHaveLength(1);
    expect(answerer.asked).toEqual(['会计']);
  });
});

describe('buttons', () => {
  it('opens a linked role in place of the private card (the example click, with our role id)', async () => {
    await send(click('open_role', 'role:r-kfjl'));
    const hook = await until(() => slack.hooks[0], 'the card');
    expect(hook.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(headerText(hook.body.blocks)).toBe('客服经理');
  });

  it('answers a click on a public card privately, without replacing it', async () => {
    await send(click('open_role:3', 'role:r-kfzy', false));
    const hook = await until(() => slack.hooks[0], 'the card');
    expect(hook.body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(headerText(hook.body.blocks)).toBe('客服专员');
  });

  it('"show all" sends the full card', async () => {
    await send(click('show_all:4', 'role:r-long'));
    const hook = await until(() => slack.hooks[0], 'the full card');
    expect(JSON.stringify(hook.body.blocks)).toContain('第300条职责');
    expect(blockKitProblems(hook.body as any)).toEqual([]);
  });

  it('"post to channel" posts the card for everyone, credits the user, and removes the private copy', async () => {
    await send(click('share:2', 'q:谁负责业主投诉'));
    await until(() => slack.hooks.length === 2, 'the share and the delete');
    const [shared, removed] = slack.hooks;
    expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared.body.blocks)).toContain('<@U0001> 分享');
    expect(JSON.stringify(shared.body.blocks)).not.toContain('share:');
    expect(removed.body).toEqual({ delete_original: true });
  });

  it('ignores a button value it did not make', async () => {
    await send(click('open_role', 'role:../../etc'));
    await send(command('会计'));
    await until(() => slack.hooks[0], 'the later command');
    expect(slack.hooks.map((h) => h.path)).toEqual(['/hook/cmd']);
    expect(warnings.join('\n')).toContain('ignored button');
  });
});

describe('request checks', () => {
  const now = () => Math.floor(Date.now() / 1000);

  async function expectRejected(res: Promise<{ status: number }>, status = 401) {
    expect((await res).status).toBe(status);
    // A valid request afterwards is answered, and nothing came from the rejected one.
    await send(command('会计'));
    await until(() => slack.hooks[0], 'the later command');
    expect(slack.hooks).toHaveLength(1);
    expect(answerer.asked).toEqual(['会计']);
  }

  it('rejects a forged signature', async () => {
    await expectRejected(send(command('客服主管'), { signature: `v0=${'0'.repeat(64)}` }));
  });

  it('rejects a body signed with another secret', async () => {
    await expectRejected(sendToApp(events, command('客服主管'), { secret: 'another-secret-123' }));
    // the log says what the right secret looks like: a wrong SLACK_SIGNING_SECRET fails every request
    expect(warnings.join('\n')).toMatch(/signature mismatch.*SLACK_SIGNING_SECRET.*32 hexadecimal characters/);
  });

  it('rejects a body changed after signing', async () => {
    const body = command('客服主管');
    const ts = now();
    await expectRejected(send(body.replace('%E5%AE%A2', '%E4%BC%9A'), { timestamp: ts, signature: sign(SECRET, ts, body) }));
  });

  it('rejects the example request as stale (signed in 2023)', async () => {
    await expectRejected(
      fetch(events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...COMMAND.headers }, body: COMMAND.raw_body }),
    );
  });

  it('rejects a validly signed request older than 5 minutes', async () => {
    await expectRejected(send(command('客服主管'), { timestamp: now() - 301 }));
  });

  it('rejects a validly signed request dated in the future beyond the clock skew', async () => {
    await expectRejected(send(command('客服主管'), { timestamp: now() + 120 }));
    expect(warnings.join('\n')).toMatch(/in the future/);
  });

  it('accepts ordinary clock drift', async () => {
    expect((await send(command('会计'), { timestamp: now() + 20 })).status).toBe(200);
    expect((await send(command('会计'), { timestamp: now() - 200 })).status).toBe(200);
    await until(() => slack.hooks.length === 2, 'both answers');
  });

  it('rejects a request without signature headers', async () => {
    await expectRejected(fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: MENTION.raw_body }));
  });

  it('rejects an oversized body before verifying it', async () => {
    const big = `text=${'x'.repeat(BODY_LIMIT_BYTES + 10)}`;
    await expectRejected(send(big), 413);
  });

  it('serves a health check', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers Slack\'s URL verification and SSL checks, and 404s other paths', async () => {
    const challenge = await send(JSON.stringify({ type: 'url_verification', token: 't', challenge: 'abc123' }));
    expect(challenge).toEqual({ status: 200, text: JSON.stringify({ challenge: 'abc123' }) });
    const ssl = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=t' });
    expect(ssl.status).toBe(200);
    expect((await fetch(`${base}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(events)).status).toBe(404);
    expect(slack.hooks).toEqual([]);
  });
});

describe('when the answer queue is full', () => {
  let busyApp: App;
  let busyEvents = '';

  beforeAll(async () => {
    busyApp = createSlackApp(
      { mode: 'http', botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: `${slack.url}/api/` },
      { getAnswerer: () => answerer, logger, answers: new AnswerQueue({ limit: 0 }) },
    );
    const server = (await busyApp.start()) as Server;
    busyEvents = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(() => busyApp.stop());

  it('tells a /role asker at once that it is busy, and asks Slack to retry events later', async () => {
    const res = await sendToApp(busyEvents, command('客服主管'), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ response_type: 'ephemeral', text: BUSY_TEXT });
    expect((await sendToApp(busyEvents, eventBody(JSON.parse(MENTION.raw_body), 'EvBusy1'), { secret: SECRET })).status).toBe(503);
    expect((await sendToApp(busyEvents, click('open_role', 'role:r-kfzg'), { secret: SECRET })).status).toBe(503);
    // still verified first: a forged request is refused, not told busy
    expect((await sendToApp(busyEvents, command('会计'), { secret: 'another-secret-123' })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(answerer.asked ?? []).toEqual([]);
    expect(slack.hooks).toEqual([]);
    expect(slack.posts()).toEqual([]);
    expect(warnings.join('\n')).toMatch(/answer queue full/);
  });
});
