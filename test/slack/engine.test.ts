/**
 * The renderer and the Slack app over the real answer engine: every role in data/docs, questions
 * built from each role, and an index holding hostile text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LogLevel, type App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import type { Answerer } from '../../src/answer/types.js';
import { renderAnswer, type RenderOptions } from '../../src/render/blocks.js';
import { finalizeRoles, type Role } from '../../src/roles/schema.js';
import { createSlackApp } from '../../src/slack/app.js';
import { writeIndex } from '../../src/store/db.js';
import { allText, blockKitProblems } from './blockkit.js';
import { FakeSlack, sendToApp, until } from './fake-slack.js';
import { indexBundledDocs } from '../helpers/docs-index.js';

const VIEWS: RenderOptions[] = [{}, { full: true }, { shareable: true }, { full: true, sharedBy: 'U0001' }];
const HOSTILE = '<!channel> <@U0BOSS> <https://evil.example|点我> & <!subteam^S1|@all>';

let dir: string;
let roles: Role[];
let docs: Answerer & { close(): void };
let evil: Answerer & { close(): void };

function problems(a: ReturnType<Answerer['ask']>, where: string): string[] {
  return VIEWS.flatMap((v) => blockKitProblems(renderAnswer(a, v)).map((p) => `${where} ${JSON.stringify(v)}: ${p}`));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rolebot-slack-'));
  roles = await indexBundledDocs(path.join(dir, 'docs.db'));
  docs = openAnswerer(path.join(dir, 'docs.db'));
  const draft = (title: string, line: number, more: Partial<Role> = {}) => ({
    title,
    aliases: [],
    department: `${HOSTILE} 部`,
    reportsTo: `客服经理 ${HOSTILE}`,
    directReports: [`专员 ${HOSTILE}`],
    duties: [`负责处理业主投诉 ${HOSTILE}`, `${HOSTILE}`.repeat(40)],
    requirements: [`大专 ${HOSTILE}`],
    source: { file: `evil <!here>.txt`, startLine: line, endLine: line + 3 },
    ...more,
  });
  writeIndex(path.join(dir, 'evil.db'), {
    documents: [{ file: 'evil <!here>.txt', sha256: '0'.repeat(64), size: 1, status: 'ok', reason: null, roles: 2 }],
    roles: finalizeRoles([draft('客服主管', 1), draft(`客服经理 ${HOSTILE}`, 10, { reportsTo: null })]),
  });
  evil = openAnswerer(path.join(dir, 'evil.db'));
});

afterAll(() => {
  docs?.close();
  evil?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cards for every role in data/docs', () => {
  it('indexes the bundled documents', () => {
    expect(roles.length).toBeGreaterThan(10);
  });

  it('renders each role card within Block Kit limits, header = title, source cited', () => {
    const found: string[] = [];
    for (const r of roles) {
      const a = docs.roleById(r.id);
      expect(a.kind, r.title).toBe('role');
      found.push(...problems(a, r.title));
      const card = renderAnswer(a);
      const header: string = (card.blocks[0] as any).text.text;
      expect(r.title.replace(/\s+/g, ' ')).toContain(header.replace(/…$/, ''));
      expect(allText(card)).toContain(`第 ${r.source.startLine}`);
    }
    expect(found).toEqual([]);
  });

  it('renders the answers to questions about each role within the limits', () => {
    const found: string[] = [];
    for (const r of roles) {
      const duty = r.duties[0]?.replace(/^[\d.、\s]+/, '').slice(0, 6);
      const questions = [r.title, `${r.title}的上级是谁`, `${r.title}的任职要求`, ...(duty ? [`谁负责${duty}`] : [])];
      for (const q of questions) found.push(...problems(docs.ask(q), q));
    }
    found.push(...problems(docs.ask('完全不存在的岗位名称xyz'), 'nonsense'));
    expect(found).toEqual([]);
  });
});

describe('hostile document text', () => {
  it('is escaped in every kind of answer and every view', () => {
    const answers = [
      evil.ask('客服主管'),
      evil.ask('谁负责处理业主投诉'),
      evil.ask('客服主管的上级是谁'),
      evil.ask('客服主管的部门'),
      evil.ask('客服经理'),
      evil.ask(HOSTILE),
    ];
    expect(answers.map((a) => a.kind)).toContain('who');
    for (const a of answers) expect(problems(a, a.question)).toEqual([]);
    expect(allText(renderAnswer(answers[0]))).toContain('&lt;!channel&gt;');
  });
});

describe('the HTTP app on the real engine', () => {
  const slack = new FakeSlack();
  const SECRET = 'engine-test-secret';
  let app: App;
  let url: string;

  beforeAll(async () => {
    await slack.start();
    app = createSlackApp(
      { mode: 'http', botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: `${slack.url}/api/` },
      { getAnswerer: () => docs, logLevel: LogLevel.ERROR },
    );
    const server = (await app.start()) as Server;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('answers /role with the card of a bundled role', async () => {
    const target = roles.find((r) => r.duties.length > 0)!;
    const form = new URLSearchParams({ command: '/role', text: target.title, team_id: 'T1', user_id: 'U1', channel_id: 'C1', response_url: `${slack.url}/hook/1`, trigger_id: 't', api_app_id: 'A1' });
    expect((await sendToApp(url, form.toString(), { secret: SECRET })).status).toBe(200);
    const hook = await until(() => slack.hooks[0], 'the card');
    expect(blockKitProblems(hook.body as any)).toEqual([]);
    const answer = docs.ask(target.title);
    if (answer.kind !== 'role') throw new Error(`${target.title}: expected a role answer, got ${answer.kind}`);
    expect(hook.body.blocks[0].text.text).toBe(answer.best.role.title);
  });
});
