/**
 * Feedback, the question log, "ask HR" and the mention allow-list, through the real Bolt app in HTTP
 * mode on localhost with Slack's API faked (as http.test.ts does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QuestionLog } from '../../src/log/question-log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { NOT_HERE_TEXT } from '../../src/slack/listeners/events/index.js';
import { blockKitProblems, buttons } from './blockkit.js';
import { FakeAnswerer } from './fake-answerer.js';
import { collectingLogger, FakeSlack, HTTP_EXAMPLES, sendToApp, until } from './fake-slack.js';

const { command: COMMAND, mention: MENTION, dm: DM, click: CLICK } = HTTP_EXAMPLES;
const SECRET: string = COMMAND.signing_secret;
const HR = 'C0HR01';

const slack = new FakeSlack();
const warnings: string[] = [];
const logger = collectingLogger(warnings);
let dir: string;
let log: QuestionLog;
const apps: App[] = [];

/** A running app with these feedback settings; returns its events URL. */
async function start(feedback: Parameters<typeof createSlackApp>[1]['feedback']): Promise<string> {
  const app = createSlackApp(
    { mode: 'http', botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: `${slack.url}/api/` },
    { getAnswerer: () => new FakeAnswerer(), logger, feedback },
  );
  apps.push(app);
  const server = (await app.start()) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

let events = '';
let noHrEvents = '';
let allowListEvents = '';

beforeAll(async () => {
  await slack.start();
  dir = mkdtempSync(path.join(tmpdir(), 'rolebot-feedback-'));
  log = new QuestionLog(path.join(dir, 'q.db'), { days: 180, flushMs: 5 });
  events = await start({ log, hrChannel: HR });
  noHrEvents = await start({ log });
  allowListEvents = await start({ log, channels: ['C0ALLOW'] });
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  await slack.stop();
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  slack.clear();
  warnings.length = 0;
});

const send = (url: string, body: string) => sendToApp(url, body, { secret: SECRET });

function command(text: string, hook = '/hook/cmd'): string {
  const form = new URLSearchParams(COMMAND.raw_body);
  form.set('text', text);
  form.set('response_url', `${slack.url}${hook}`);
  return form.toString();
}

/** A click on a button of a card: private (ephemeral) by default, or in a DM / channel with the card's blocks. */
function click(button: { action_id: string; value: string; text: string }, where: { ephemeral?: boolean; channel?: string; blocks?: unknown[]; user?: string } = {}): string {
  const p = structuredClone(CLICK.parsed_payload);
  p.actions[0] = { ...p.actions[0], action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: button.text } };
  p.container.is_ephemeral = where.ephemeral ?? true;
  p.channel.id = where.channel ?? 'C0001';
  p.user.id = where.user ?? 'U0001';
  if (where.blocks) p.message = { type: 'message', text: 'card', blocks: where.blocks };
  p.response_url = `${slack.url}/hook/click`;
  return new URLSearchParams({ payload: JSON.stringify(p) }).toString();
}

function submit(privateMetadata: string, comment: string | null, user = 'U0001'): string {
  const p = {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'example' },
    user: { id: user, team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: '2.3.ghi',
    view: {
      id: 'V0001',
      type: 'modal',
      callback_id: 'feedback_modal',
      private_metadata: privateMetadata,
      state: { values: { comment: { comment_text: { type: 'plain_text_input', value: comment } } } },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(p) }).toString();
}

/** Ask with /role and return the private card's buttons. */
async function ask(url: string, text: string) {
  await send(url, command(text));
  const hook = await until(() => slack.hooks.find((h) => h.path === '/hook/cmd'), 'the answer');
  slack.clear();
  return { body: hook.body, buttons: buttons(hook.body as any) };
}

const byAction = (bs: ReturnType<typeof buttons>, a: string) => bs.find((b) => b.action_id === a)!;
const rowsFor = (question: string) => log.rows().filter((r) => r.question === question);

describe('question log', () => {
  it('writes one row per answer: surface, question, intent, roles with scores, outcome', async () => {
    await ask(events, '客服主管');
    await send(events, command('不存在的岗位xyz', '/hook/2'));
    await until(() => slack.hooks[0], 'the second answer');
    await until(() => rowsFor('不存在的岗位xyz').length === 1, 'the logged rows');
    const [found] = rowsFor('客服主管');
    expect(found).toMatchObject({ surface: 'slash', intent: 'role', outcome: 'found', results: [{ id: 'r-kfzg', title: '客服主管', score: 1 }] });
    expect(rowsFor('不存在的岗位xyz')[0]).toMatchObject({ surface: 'slash', outcome: 'none' });
  });

  it('logs mentions and DMs with their surface, and keeps no user id in the question rows', async () => {
    await send(events, JSON.stringify({ ...JSON.parse(MENTION.raw_body), event_id: 'EvLog1', event: { ...JSON.parse(MENTION.raw_body).event, ts: '1700000400.000100' } }));
    await send(events, JSON.stringify({ ...DM.body, event_id: 'EvLog2', event: { ...DM.body.event, ts: '1700000401.000100' } }));
    await until(() => slack.posts().length === 2, 'both replies');
    await until(() => rowsFor('会计的上级是谁').length > 0 && rowsFor('谁负责处理业主投诉').length > 0, 'rows');
    expect(rowsFor('谁负责处理业主投诉').at(-1)!.surface).toBe('mention');
    expect(rowsFor('会计的上级是谁').at(-1)!.surface).toBe('dm');
    expect(JSON.stringify(log.rows())).not.toMatch(/U0001|U0002/);
  });
});

describe('votes', () => {
  it('有用 on a private card: recorded, and the card is shown again with thanks instead of the buttons', async () => {
    const card = await ask(events, '会计');
    expect(card.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['👍 有用', '👎 不对']));
    expect(blockKitProblems(card.body as any)).toEqual([]);
    await send(events, click(byAction(card.buttons, 'feedback_up')));
    const hook = await until(() => slack.hooks[0], 'the updated card');
    expect(hook.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(hook.body.blocks)).toContain('感谢反馈');
    expect(buttons(hook.body as any).map((b) => b.action_id)).not.toContain('feedback_up');
    expect(hook.body.blocks.find((b: any) => b.type === 'header').text.text).toBe('会计');
    const key = rowsFor('会计')[0].id;
    expect(log.votes().filter((v) => v.answer === key)).toEqual([expect.objectContaining({ vote: 'up', comment: null })]);
  });

  it('one vote per user per answer: a second click is refused, another user still counts', async () => {
    const card = await ask(events, '客服经理');
    const down = byAction(card.buttons, 'feedback_down');
    await send(events, click(byAction(card.buttons, 'feedback_up')));
    await until(() => slack.hooks[0], 'the first vote');
    await send(events, click(down));
    await until(() => slack.hooks[1], 'the refusal');
    expect(slack.hooks[1].body).toMatchObject({ replace_original: false, text: '你已经对这个回答反馈过了。' });
    expect(slack.api.some((c) => c.method === 'views.open')).toBe(false);
    await send(events, click(down, { user: 'U0002' }));
    await until(() => slack.hooks[2], 'the other user');
    const key = rowsFor('客服经理')[0].id;
    expect(log.votes().filter((v) => v.answer === key).map((v) => v.vote).sort()).toEqual(['down', 'up']);
  });

  it('不对 opens the form; the card thanks and offers HR; the submitted text is kept with the vote', async () => {
    const card = await ask(events, '客服专员');
    await send(events, click(byAction(card.buttons, 'feedback_down')));
    const open = await until(() => slack.api.find((c) => c.method === 'views.open'), 'the form');
    const view = typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'feedback_modal', title: { text: '哪里不对？' } });
    expect(view.blocks[0]).toMatchObject({ type: 'input', optional: true });
    const hook = await until(() => slack.hooks[0], 'the updated card');
    expect(buttons(hook.body as any).map((b) => b.action_id)).toEqual(expect.arrayContaining(['ask_hr']));
    expect(JSON.stringify(hook.body.blocks)).toContain('感谢反馈');

    expect((await send(events, submit(view.private_metadata, '  我想找的是客服专员的排班规定  '))).status).toBe(200);
    const key = rowsFor('客服专员')[0].id;
    await until(() => log.votes().find((v) => v.answer === key)?.comment, 'the comment');
    expect(log.votes().find((v) => v.answer === key)).toMatchObject({ vote: 'down', comment: '我想找的是客服专员的排班规定' });
  });

  it('an empty form keeps the vote without a comment; a forged form is ignored', async () => {
    const card = await ask(events, '超长岗位');
    await send(events, click(byAction(card.buttons, 'feedback_down')));
    const open = await until(() => slack.api.find((c) => c.method === 'views.open'), 'the form');
    await until(() => slack.hooks[0], 'the updated card');
    const view = typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view;
    await send(events, submit(view.private_metadata, null));
    await send(events, submit('{"lang":"zh","feedback":"../x"}', 'forged'));
    await until(() => warnings.some((w) => w.includes('unreadable metadata')), 'the warning');
    expect(log.votes().find((v) => v.answer === rowsFor('超长岗位')[0].id)).toMatchObject({ vote: 'down', comment: null });
  });

  it('a card in a channel stays for others to rate: the voter is thanked privately', async () => {
    const card = await ask(events, '客服主管');
    await send(events, click(byAction(card.buttons, 'feedback_up'), { ephemeral: false, blocks: card.body.blocks }));
    const hook = await until(() => slack.hooks[0], 'the thanks');
    expect(hook.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: '感谢反馈！' });
  });

  it('a card in a DM gets its feedback row replaced by the thanks', async () => {
    const card = await ask(events, '会计');
    await send(events, click(byAction(card.buttons, 'feedback_up'), { ephemeral: false, channel: 'D0001', blocks: card.body.blocks, user: 'U0009' }));
    const hook = await until(() => slack.hooks[0], 'the updated card');
    expect(hook.body.replace_original).toBe(true);
    expect(hook.body.blocks.slice(0, -1)).toEqual(card.body.blocks.filter((b: any) => b.block_id !== 'feedback'));
    expect(JSON.stringify(hook.body.blocks.at(-1))).toContain('感谢反馈');
  });

  it('keeps the vote row inside the 50-block limit on the longest card, and logs cards opened by a button', async () => {
    await send(events, click({ action_id: 'show_all:4', value: 'role:r-long', text: '显示全部' }));
    const hook = await until(() => slack.hooks[0], 'the full card');
    expect(blockKitProblems(hook.body as any)).toEqual([]);
    expect(buttons(hook.body as any).map((b) => b.action_id)).toEqual(expect.arrayContaining(['feedback_up', 'feedback_down']));
    await until(() => log.rows().some((r) => r.surface === 'button' && r.question === 'r-long'), 'the logged click');
  });

  it('labels the buttons in English for an English question', async () => {
    const card = await ask(events, 'cashier');
    expect(card.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['👍 Helpful', '👎 Wrong', 'Ask HR']));
  });

  it('ignores a feedback value it did not make', async () => {
    await send(events, click({ action_id: 'feedback_up', value: 'x|1|role:r-kj', text: '👍 有用' }));
    await send(events, command('会计'));
    await until(() => slack.hooks[0], 'the later answer');
    expect(warnings.join('\n')).toContain('ignored feedback button');
  });
});

describe('ask HR', () => {
  it('is offered when nothing is found, and posts the question, a mention of the asker and the answer given to HR', async () => {
    const card = await ask(events, '首席幸福官');
    expect(JSON.stringify(card.body.blocks)).toContain('没有找到');
    await send(events, click(byAction(card.buttons, 'ask_hr'), { user: 'U0007' }));
    const post = await until(() => slack.posts().find((p) => p.method === 'chat.postMessage'), 'the hand-off');
    expect(post.body.channel).toBe(HR);
    const text = JSON.stringify(post.body.blocks);
    expect(text).toContain('<@U0007>');
    expect(text).toContain('首席幸福官');
    expect(text).toContain('没有找到答案');
    const told = await until(() => slack.hooks[0], 'the note to the asker');
    expect(told.body.text).toContain('转给 HR');
    // a second click tells the asker again but does not post to HR twice
    await send(events, click(byAction(card.buttons, 'ask_hr'), { user: 'U0007' }));
    await until(() => slack.hooks[1], 'the second note');
    expect(slack.posts().filter((p) => p.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('carries the 不对 comment along', async () => {
    const card = await ask(events, '客服主管');
    await send(events, click(byAction(card.buttons, 'feedback_down'), { user: 'U0008' }));
    const open = await until(() => slack.api.find((c) => c.method === 'views.open'), 'the form');
    const view = typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view;
    const updated = await until(() => slack.hooks[0], 'the updated card');
    await send(events, submit(view.private_metadata, '想问的是夜班主管', 'U0008'));
    await until(() => log.votes().some((v) => v.comment === '想问的是夜班主管'), 'the comment');
    await send(events, click(byAction(buttons(updated.body as any), 'ask_hr'), { user: 'U0008' }));
    const post = await until(() => slack.posts().find((p) => p.method === 'chat.postMessage'), 'the hand-off');
    expect(JSON.stringify(post.body.blocks)).toContain('想问的是夜班主管');
    expect(JSON.stringify(post.body.blocks)).toContain('客服主管');
    await until(() => slack.hooks.find((h) => h.body.text?.includes('转给 HR')), 'the note to the asker');
  });

  it('is not shown without ROLEBOT_HR_CHANNEL', async () => {
    const card = await ask(noHrEvents, '首席幸福官');
    expect(card.buttons.map((b) => b.action_id)).not.toContain('ask_hr');
    expect(card.buttons.map((b) => b.action_id)).toContain('feedback_down');
  });
});

describe('ROLEBOT_CHANNELS', () => {
  const mention = (channel: string, id: string) => {
    const base = JSON.parse(MENTION.raw_body);
    return JSON.stringify({ ...base, event_id: id, event: { ...base.event, channel, ts: `1700000500.${id.slice(-6)}` } });
  };

  it('answers mentions in listed channels only; elsewhere tells the asker privately', async () => {
    await send(allowListEvents, mention('C0OTHER', 'EvAllow000001'));
    const told = await until(() => slack.posts().find((p) => p.method === 'chat.postEphemeral'), 'the private note');
    expect(told.body).toMatchObject({ channel: 'C0OTHER', user: MENTION.parsed?.event?.user ?? JSON.parse(MENTION.raw_body).event.user, text: NOT_HERE_TEXT });
    await send(allowListEvents, mention('C0ALLOW', 'EvAllow000002'));
    const answered = await until(() => slack.posts().find((p) => p.method === 'chat.postMessage'), 'the answer');
    expect(answered.body.channel).toBe('C0ALLOW');
    expect(slack.posts().filter((p) => p.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('still answers DMs and /role everywhere', async () => {
    await send(allowListEvents, JSON.stringify({ ...DM.body, event_id: 'EvAllowDm', event: { ...DM.body.event, ts: '1700000600.000100' } }));
    await until(() => slack.posts().find((p) => p.method === 'chat.postMessage' && p.body.channel === 'D0001'), 'the DM answer');
    await ask(allowListEvents, '会计');
  });
});

describe('ROLEBOT_LOG=off', () => {
  it('logs nothing and shows no vote buttons (nothing would record them)', async () => {
    const offEvents = await start({ hrChannel: HR });
    const before = log.rows().length;
    const card = await ask(offEvents, '首席幸福官');
    expect(card.buttons.map((b) => b.action_id)).toEqual(expect.arrayContaining(['ask_hr']));
    expect(card.buttons.map((b) => b.action_id)).not.toContain('feedback_up');
    await new Promise((r) => setTimeout(r, 30));
    expect(log.rows().length).toBe(before);
  });
});
