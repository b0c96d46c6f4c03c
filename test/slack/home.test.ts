/** The App Home tab through the real Bolt app in HTTP mode: publish on open, paging, role cards in a modal, admins' insights. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeHomeState, homeView, VIEW_BLOCKS } from '../../src/home/view.js';
import { QuestionLog } from '../../src/log/question-log.js';
import { reportPaths } from '../../src/refresh/report.js';
import { createSlackApp } from '../../src/slack/app.js';
import { Catalog, groupByDepartment, type RoleCatalog, type RoleSummary } from '../../src/store/catalog.js';
import { writeIndex } from '../../src/store/db.js';
import { LIMITS } from '../../src/render/blocks.js';
import { FakeAnswerer, ROLES } from './fake-answerer.js';
import { collectingLogger, FakeSlack, HTTP_EXAMPLES, sendToApp, until } from './fake-slack.js';

const { command: COMMAND, click: CLICK } = HTTP_EXAMPLES;
const SECRET: string = COMMAND.signing_secret;
const ADMIN = 'U0ADMIN';

/** A 10,000-role company: 400 departments of 20 roles, one department of 2,000, and 0 roles without one. */
function bigCatalog(): RoleCatalog {
  const roles: RoleSummary[] = [];
  for (let d = 0; d < 400; d++) for (let r = 0; r < 20; r++) roles.push({ id: `d${d}-r${r}`, title: `岗位${d}-${r}${'长'.repeat(r)}`, department: `部门${d}${'<&>'.repeat(d % 3)}` });
  for (let r = 0; r < 2000; r++) roles.push({ id: `big-${r}`, title: `大部门岗位${r}`, department: '大部门' });
  const departments = groupByDepartment(roles);
  return {
    roles: () => roles,
    departments: () => departments,
    recentChanges: () => ({ at: '2026-12-01T10:00:00.000Z', added: roles.slice(0, 30), changed: roles.slice(100, 105) }),
  };
}

/** Slack's limits for a view, and our escaping. */
function viewProblems(view: any): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(view.blocks.length <= VIEW_BLOCKS, `${view.blocks.length} blocks`);
  const ids = new Set<string>();
  const text = (t: any, max: number, where: string) => {
    check(typeof t.text === 'string' && t.text.length > 0 && t.text.length <= max, `${where}: text length ${t.text?.length}`);
    if (t.type === 'mrkdwn') check(!/<(?!@[UW][A-Z0-9]+>)|&(?!(amp|lt|gt);)/.test(t.text), `${where}: unescaped ${t.text.slice(0, 60)}`);
  };
  const button = (b: any, where: string) => {
    text(b.text, LIMITS.buttonText, where);
    check(!ids.has(b.action_id), `${where}: duplicate action_id ${b.action_id}`);
    ids.add(b.action_id);
    check(b.value.length <= LIMITS.buttonValue, `${where}: value`);
  };
  view.blocks.forEach((b: any, i: number) => {
    const where = `block ${i} (${b.type})`;
    if (b.type === 'header') text(b.text, LIMITS.headerText, where);
    else if (b.type === 'section') {
      text(b.text, LIMITS.sectionText, where);
      if (b.accessory) button(b.accessory, where);
    } else if (b.type === 'context') b.elements.forEach((e: any) => text(e, LIMITS.contextText, where));
    else if (b.type === 'actions') {
      check(b.elements.length >= 1 && b.elements.length <= LIMITS.actionsElements, `${where}: ${b.elements.length} elements`);
      b.elements.forEach((e: any) => button(e, where));
    } else check(b.type === 'divider', `${where}: unexpected type`);
  });
  return problems;
}

const slack = new FakeSlack();
const logger = collectingLogger([]);
let app: App;
let events = '';
let dir: string;
let log: QuestionLog;
const catalog = bigCatalog();

beforeAll(async () => {
  await slack.start();
  dir = mkdtempSync(path.join(tmpdir(), 'rolebot-home-'));
  log = new QuestionLog(path.join(dir, 'q.db'), { days: 180, flushMs: 5 });
  const answerer = new FakeAnswerer();
  for (const q of ['首席幸福官', '首席幸福官', '会计']) log.record('slash', answerer.ask(q));
  app = createSlackApp(
    { mode: 'http', botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: `${slack.url}/api/` },
    { getAnswerer: () => new FakeAnswerer(), getCatalog: () => catalog, logger, feedback: { log, admins: [ADMIN] } },
  );
  const server = (await app.start()) as Server;
  events = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
  await slack.stop();
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => slack.clear());

const send = (body: string) => sendToApp(events, body, { secret: SECRET });
const parseView = (call: { body: Record<string, any> }) => (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view);

function homeOpened(user: string, id: string, tab = 'home'): string {
  return JSON.stringify({
    token: 'verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: id,
    event_time: 1700000000,
    event: { type: 'app_home_opened', user, channel: 'D0001', tab, event_ts: '1700000000.000100' },
  });
}

function homeClick(actionId: string, value: string, view?: { id: string; type: string }): string {
  const p = structuredClone(CLICK.parsed_payload);
  delete p.channel;
  delete p.response_url;
  p.container = view ? { type: 'view', view_id: view.id } : { type: 'view', view_id: 'VHOME' };
  p.view = view ?? { id: 'VHOME', type: 'home' };
  p.actions[0] = { ...p.actions[0], action_id: actionId, value, text: { type: 'plain_text', text: 'x' } };
  return new URLSearchParams({ payload: JSON.stringify(p) }).toString();
}

const published = () => until(() => slack.api.find((c) => c.method === 'views.publish'), 'views.publish');

describe('App Home tab', () => {
  it('publishes the tab on open, within Slack limits for a 10,000-role index', async () => {
    await send(homeOpened('U0001', 'EvHome1'));
    const call = await published();
    expect(call.body.user_id).toBe('U0001');
    const view = parseView(call);
    expect(view.type).toBe('home');
    expect(viewProblems(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('怎么问');
    expect(text).toContain('401 个部门，10000 个岗位');
    expect(text).toContain('新增 30 个岗位，修改 5 个');
    expect(text).not.toContain('提问情况'); // insights are for admins
  });

  it('shows admins the insights summary', async () => {
    await send(homeOpened(ADMIN, 'EvHome2'));
    const view = parseView(await published());
    expect(viewProblems(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('提问情况');
    expect(text).toContain('2 × 首席幸福官');
  });

  it('ignores the Messages tab being opened', async () => {
    await send(homeOpened('U0001', 'EvHome3', 'messages'));
    await send(homeOpened('U0002', 'EvHome4'));
    const call = await published();
    expect(call.body.user_id).toBe('U0002');
    expect(slack.api.filter((c) => c.method === 'views.publish')).toHaveLength(1);
  });

  it('pages through departments, and through a big department, each page within limits', async () => {
    const first = parseView(await (send(homeOpened('U0001', 'EvHome5')), published()));
    const next = first.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id === 'home_page:next');
    slack.api.length = 0;
    await send(homeClick(next.action_id, next.value));
    const second = parseView(await published());
    expect(viewProblems(second)).toEqual([]);
    expect(JSON.stringify(second.blocks)).toContain('第 2 / 51 页');

    slack.api.length = 0;
    await send(homeClick('home_department:3', 'd:26:=大部门'));
    const dept = parseView(await published());
    expect(viewProblems(dept)).toEqual([]);
    expect(JSON.stringify(dept.blocks)).toContain('第 27 / 27 页');
    expect(JSON.stringify(dept.blocks)).toContain('大部门岗位');
  });

  it('opens a role card in a modal, and a linked role in the same modal', async () => {
    await send(homeClick('home_role:5', 'role:r-kfzg'));
    const open = await until(() => slack.api.find((c) => c.method === 'views.open'), 'views.open');
    const modal = parseView(open);
    expect(modal.type).toBe('modal');
    expect(modal.blocks.find((b: any) => b.type === 'header').text.text).toBe('客服主管');
    await send(homeClick('open_role:0', 'role:r-kfjl', { id: 'VMODAL', type: 'modal' }));
    const update = await until(() => slack.api.find((c) => c.method === 'views.update'), 'views.update');
    expect(update.body.view_id).toBe('VMODAL');
    expect(parseView(update).blocks.find((b: any) => b.type === 'header').text.text).toBe('客服经理');
  });
});

describe('homeView', () => {
  it('stays within limits for any page, and a forged page number shows the last page', () => {
    const data = { departments: catalog.departments(), changes: catalog.recentChanges(), insights: null };
    for (const state of [{ kind: 'overview', page: 0 }, { kind: 'overview', page: 999999 }, { kind: 'department', name: '大部门', page: 5 }, { kind: 'department', name: '没有', page: 0 }] as const) {
      expect(viewProblems(homeView(data, state))).toEqual([]);
    }
    expect(decodeHomeState('d:0:')).toEqual({ kind: 'department', name: null, page: 0 });
    expect(decodeHomeState('p:x')).toBeNull();
  });

  it('an empty index says what HR should do', () => {
    expect(JSON.stringify(homeView({ departments: [], changes: null, insights: null }, { kind: 'overview', page: 0 }).blocks)).toContain('npm run refresh');
  });
});

describe('Catalog', () => {
  it('lists the index by department and reads the last refresh report for recent changes', () => {
    const db = path.join(dir, 'cat.db');
    writeIndex(db, { documents: [{ file: 'fixture.txt', sha256: 'x', size: 1, status: 'ok', reason: null, roles: ROLES.length }], roles: ROLES });
    const c = new Catalog(db);
    expect(c.departments().find((d) => d.name === '客服部')!.roles.map((r) => r.title).sort()).toEqual(['客服专员', '客服主管', '客服经理']);
    expect(c.recentChanges()).toBeNull();
    const ref = (id: string) => ({ id, title: 't', file: 'fixture.txt', startLine: 1 });
    writeFileSync(reportPaths(db).json, JSON.stringify({ startedAt: '2026-12-01T00:00:00Z', written: true, diff: { added: [ref('r-kj'), ref('r-gone')], removed: [], changed: [ref('r-kfzg')] } }));
    expect(c.recentChanges()).toEqual({ at: '2026-12-01T00:00:00Z', added: [{ id: 'r-kj', title: '会计', department: '财务部' }], changed: [expect.objectContaining({ id: 'r-kfzg' })] });
  });
});
