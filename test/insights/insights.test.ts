/** Insights: grouping and counting (pure), `npm run insights` as HR runs it, and the refresh report section. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { computeInsights } from '../../src/insights/insights.js';
import { insightsReportSection } from '../../src/insights/report-section.js';
import { defaultLogPath } from '../../src/log/config.js';
import { QuestionLog, type LogRow, type VoteRow } from '../../src/log/question-log.js';
import { writeIndex } from '../../src/store/db.js';
import { ROLES } from '../slack/fake-answerer.js';

const DAY = 24 * 60 * 60 * 1000;

let id = 0;
function row(question: string, outcome: LogRow['outcome'], results: Array<[string, string]> = [], surface: LogRow['surface'] = 'slash'): LogRow {
  return { id: `row${id++}`, at: 0, surface, question, intent: 'role', outcome, results: results.map(([rid, title]) => ({ id: rid, title, score: 0.5 })) };
}

describe('computeInsights', () => {
  const rows = [
    row('首席幸福官', 'none', [['r-kfzg', '客服主管']]),
    row('首席幸福官？', 'none'),
    row(' 首席 幸福官 ', 'none'),
    row('首席幸福官', 'none'),
    row('XYZ岗位', 'weak', [['r-kj', '会计']]),
    row('xyz 岗位', 'none'),
    row('夜班經理', 'none'),
    row('会计', 'found', [['r-kj', '会计']]),
    row('會計', 'found', [['r-kj', '会计']]),
    row('客服主管', 'found', [['r-kfzg', '客服主管'], ['r-kfjl', '客服经理']]),
    row('客服专员', 'found', [['r-kfzy', '客服专员']], 'button'),
    row('不存在', 'found', [['r-gone', '已删除岗位']]),
  ];
  const votes: VoteRow[] = [
    { answer: rows[7].id, vote: 'down', comment: '想找的是出纳', at: 1 },
    { answer: rows[8].id, vote: 'down', comment: ' ', at: 2 },
    { answer: rows[9].id, vote: 'up', comment: null, at: 3 },
    { answer: 'gone', vote: 'down', comment: 'orphan', at: 4 },
  ];
  const index = { roles: ROLES.map(({ id, title }) => ({ id, title })) };
  const i = computeInsights(rows, votes, index);

  it('groups unanswered and weak questions after normalization, counted, most frequent wording shown', () => {
    expect(i.unanswered.map((u) => [u.question, u.count])).toEqual([
      ['首席幸福官', 4],
      ['XYZ岗位', 2],
      ['夜班經理', 1],
    ]);
  });

  it('gives the closest roles still in the index', () => {
    expect(i.unanswered[0].closest).toEqual([{ id: 'r-kfzg', title: '客服主管' }]);
    expect(i.unanswered[1].closest).toEqual([{ id: 'r-kj', title: '会计' }]);
  });

  it('groups 不对 votes by question with their non-empty comments', () => {
    expect(i.negative).toEqual([{ question: '会计', count: 2, comments: ['想找的是出纳'] }]);
  });

  it('counts the most asked roles (buttons included) and lists roles never asked about', () => {
    expect(i.topRoles.slice(0, 2)).toEqual([
      { id: 'r-kj', title: '会计', count: 2 },
      expect.objectContaining({ count: 1 }),
    ]);
    expect(i.topRoles.map((r) => r.id)).not.toContain('r-gone');
    expect(i.neverAsked.map((r) => r.id).sort()).toEqual(['r-evil', 'r-long']);
  });
});

describe('npm run insights and the refresh report section', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rolebot-insights-'));
    db = path.join(dir, 'rolebot.db');
    writeIndex(db, { documents: [{ file: 'fixture.txt', sha256: 'x', size: 1, status: 'ok', reason: null, roles: ROLES.length }], roles: ROLES });
    const answerer = openAnswerer(db);
    const now = Date.now();
    let clock = now - 40 * DAY;
    const log = new QuestionLog(defaultLogPath(db), { days: 180, now: () => clock });
    log.record('slash', answerer.ask('首席幸福官')); // 40 days ago
    clock = now;
    for (const q of ['首席幸福官', '首席幸福官？', '客服主管', '客服主管', '会计']) log.record('dm', answerer.ask(q));
    const key = log.record('mention', answerer.ask('会计'))!;
    log.vote(key, 'T:U1', 'down');
    log.comment(key, 'T:U1', '想找的是出纳');
    log.close();
    answerer.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'insights.ts'), ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ROLEBOT_LOG: '', ROLEBOT_LOG_DB: '', ROLEBOT_LOG_DAYS: '' },
    });

  it('--json prints exactly {unanswered, negative, topRoles, neverAsked}', () => {
    const r = run('--db', db, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['unanswered', 'negative', 'topRoles', 'neverAsked']);
    expect(out.unanswered[0]).toEqual({ question: '首席幸福官', count: 3, closest: expect.any(Array) });
    for (const c of out.unanswered[0].closest) expect(Object.keys(c)).toEqual(['id', 'title']);
    expect(out.negative).toEqual([{ question: '会计', count: 1, comments: ['想找的是出纳'] }]);
    expect(out.topRoles.slice(0, 2)).toEqual(expect.arrayContaining([{ id: 'r-kfzg', title: '客服主管', count: 2 }, { id: 'r-kj', title: '会计', count: 2 }]));
    expect(out.neverAsked.every((x: object) => Object.keys(x).join() === 'id,title')).toBe(true);
    expect(out.neverAsked.map((x: { id: string }) => x.id)).not.toContain('r-kj');
  });

  it('--days N looks at the last N days only', () => {
    const out = JSON.parse(run('--db', db, '--days', '7', '--json').stdout);
    expect(out.unanswered[0]).toMatchObject({ question: '首席幸福官', count: 2 });
  });

  it('prints readable text without --json', () => {
    const r = run('--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('没有答案或答案较弱的问题');
    expect(r.stdout).toMatch(/3 × 首席幸福官/);
    expect(r.stdout).toContain('“想找的是出纳”');
  });

  it('says clearly when there is no log', () => {
    const r = run('--db', path.join(dir, 'other.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no question log at .*other\.questions\.db/);
  });

  it('adds a section to the refresh report; nothing when logging is off or nothing was logged', () => {
    const lines = insightsReportSection(db, {}).join('\n');
    expect(lines).toContain('## Questions people asked (last 180 days)');
    expect(lines).toMatch(/3 × “首席幸福官”/);
    expect(lines).toContain('“想找的是出纳”');
    expect(insightsReportSection(db, { ROLEBOT_LOG: 'off' })).toEqual([]);
    expect(insightsReportSection(path.join(dir, 'none.db'), {})).toEqual([]);
  });
});
