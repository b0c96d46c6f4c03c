import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { toAskJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { role, useFixtureAnswerer } from '../search/fixture.js';

const answerer = useFixtureAnswerer();

const top = (a: Answer) => toAskJson(a).results[0]?.title;

describe('role lookups', () => {
  it.each([
    ['客服部主管', '客服部主管'],
    ['客服主管', '客服部主管'], // partial title
    ['环境主管', '环境管理主管'],
    ['客服部主官', '客服部主管'], // one-character homophone typo
    ['客服部注管', '客服部主管'], // one-character typo
    ['環境管理主管', '环境管理主管'], // traditional input
    ['kefubuzhuguan', '客服部主管'], // pinyin
    ['kfbzg', '客服部主管'], // initials
    ['仓库管理员', '仓管员'], // abbreviation
    ['TAM', '技术客户经理'], // alias
    ['坐席班长', '客服中心座席班长'], // homophone + partial
    ['财务经理', '財務經理'], // traditional title in the document
    ['客服部主管是做什么的？', '客服部主管'],
  ])('%s → %s', (q, title) => {
    const a = answerer().ask(q);
    expect(a.kind).toBe('role');
    expect(top(a)).toBe(title);
  });

  it('returns roles sharing a title as alternatives with their own department and source, never merged', () => {
    const a = answerer().ask('会计');
    expect(a.kind).toBe('role');
    if (a.kind !== 'role') return;
    const same = [a.best, ...a.alternatives].filter((r) => r.role.title === '会计');
    expect(same).toHaveLength(2);
    expect(new Set(same.map((r) => r.role.department))).toEqual(new Set(['财务部', '财务中心']));
    expect(new Set(same.map((r) => r.role.source.file))).toEqual(new Set(['a.txt', 'b.txt']));
  });

  it('ranks an exact title over an exact alias, and lists near names after exact ones', () => {
    const j = toAskJson(answerer().ask('客服管家'));
    expect(j.results.slice(0, 2).map((r) => r.title)).toEqual(['客服管家', '物业管家']);
    expect(j.results[0].score).toBeGreaterThan(j.results[1].score);
    const k = toAskJson(answerer().ask('客服中心座席班长'));
    expect(k.results[0]).toMatchObject({ title: '客服中心座席班长', score: 1 });
  });

  it('resolves the reporting line upward (same document) and the direct reports', () => {
    const a = answerer().ask('客服管家');
    if (a.kind !== 'role') throw new Error(a.kind);
    expect(a.reporting.chain.map((l) => l.name)).toEqual(['客服部主管', '物业经理', '总经理']);
    expect(a.reporting.chain[0].role?.title).toBe('客服部主管');
    expect(a.reporting.chain[2].role).toBeNull(); // named but not described anywhere
    const boss = answerer().ask('客服部主管');
    if (boss.kind !== 'role') throw new Error(boss.kind);
    expect(boss.reporting.directReports.map((l) => l.name).sort()).toEqual(['客服管家', '房管专员'].sort());
  });

  it('finds a role by id, and says notFound for an unknown id', () => {
    const a = answerer().ask('仓管员');
    if (a.kind !== 'role') throw new Error(a.kind);
    const again = answerer().roleById(a.best.role.id);
    expect(again.kind === 'role' && again.best.role.title).toBe('仓管员');
    expect(answerer().roleById('nope').kind).toBe('notFound');
  });
});

describe('field questions', () => {
  it.each([
    ['客服管家的上级是谁', 'reportsTo', '客服管家', '客服部主管'],
    ['客服管家向谁汇报', 'reportsTo', '客服管家', '客服部主管'],
    ['环境管理主管属于哪个部门', 'department', '环境管理主管', '环境部'],
    ['客服部主管的任职要求', 'requirements', '客服部主管', '大专及以上学历'],
    ['客服部主管需要什么学历', 'requirements', '客服部主管', '大专'],
    ['客服部主管的下属', 'directReports', '客服部主管', '客服管家'],
    ['仓管员的职责', 'duties', '仓管员', '月度盘点库存'],
  ])('%s', (q, field, title, value) => {
    const j = toAskJson(answerer().ask(q));
    expect(j).toMatchObject({ intent: 'field', field });
    expect(j.results[0].title).toBe(title);
    expect(j.answer).toContain(value);
  });

  it('prefers, among roles sharing a title, the one that states the field', () => {
    const j = toAskJson(answerer().ask('会计的上级是谁'));
    expect(j.answer).toBe('财务经理');
  });
});

describe('who handles X', () => {
  it.each([
    ['谁负责处理业主投诉', '客服部主管'],
    ['物业费催缴是哪个岗位的事', '客服管家'],
    ['哪个岗位负责招聘', '招聘专员'],
    ['垃圾清运找谁', '环境管理主管'],
    ['工单的审核和派送由谁负责', '客服中心座席班长'],
  ])('%s → %s', (q, title) => {
    const a = answerer().ask(q);
    expect(a.kind).toBe('who');
    expect(top(a)).toBe(title);
  });

  it('returns every role whose duties match, with the matched words marked in the duty line', () => {
    const a = answerer().ask('谁负责催交物业费');
    if (a.kind !== 'who') throw new Error(a.kind);
    const titles = a.hits.map((h) => h.role.title);
    expect(titles.slice(0, 2).sort()).toEqual(['客服管家', '房管专员'].sort());
    const ev = a.hits.find((h) => h.role.title === '房管专员')!.evidence[0];
    expect(ev.text).toBe('协助催交物业费');
    expect(ev.marks.map(([s, e]) => ev.text.slice(s, e))).toEqual(['催交物业费']);
    expect(renderText(a)).toContain('【催交物业费】');
  });
});

describe('not found, help and hostile input', () => {
  it('says not found and suggests the closest titles', () => {
    const a = answerer().ask('宇航员');
    expect(a.kind).toBe('notFound');
    const b = answerer().ask('客服部总经理助理秘书');
    expect(b.kind === 'notFound' || b.kind === 'role').toBe(true);
  });

  it('answers an empty question with help', () => {
    expect(answerer().ask('').kind).toBe('help');
    expect(answerer().ask('   ').kind).toBe('help');
    expect(renderText(answerer().ask(''))).toContain('可以这样问');
    // asking who without saying about what
    expect(answerer().ask('who can help?')).toMatchObject({ kind: 'help', lang: 'en' });
  });

  it.each([
    ['FTS5 syntax', '" OR * NEAR( title: ^客服 AND'],
    ['control characters', '\u0000\u0007客服\u001b[31m主管\u0000'],
    ['100 KB', '客服主管'.repeat(25_000)],
    ['100 KB who', '谁负责' + '投诉处理'.repeat(25_000)],
    ['lone surrogates', '\ud800客服\udfff'],
    ['SQL', "'; DROP TABLE roles; --"],
  ])('never throws: %s', (_, q) => {
    const a = answerer().ask(q);
    expect(['role', 'who', 'field', 'notFound', 'help']).toContain(a.kind);
    expect(() => JSON.parse(JSON.stringify(toAskJson(a)))).not.toThrow();
    expect(typeof renderText(a)).toBe('string');
  });

  it('still answers after hostile input', () => {
    answerer().ask('" OR * NEAR(');
    expect(top(answerer().ask('仓管员'))).toBe('仓管员');
  });
});

describe('a pasted duty sentence', () => {
  it('is answered as who handles it', () => {
    const a = answerer().ask('负责处理业主投诉，跟进投诉回访');
    expect(a.kind).toBe('who');
    expect(top(a)).toBe('客服部主管');
  });
});

describe('weak name matches', () => {
  const weak = useFixtureAnswerer([
    role({ file: 'c.txt', line: 1, title: '技术客户经理', aliases: ['Technical Account Manager'], duties: ['为大客户提供技术支持'] }),
    role({ file: 'c.txt', line: 10, title: '出品督导', duties: ['负责厨房出品质量'] }),
    role({ file: 'c.txt', line: 20, title: '会计', duties: ['成本核算'] }),
  ]);

  it('lists a guess as candidates instead of showing its card as the answer', () => {
    const a = weak().ask('技术支持经理');
    expect(a.kind).toBe('notFound');
    expect(renderText(a)).toContain('你是不是要找');
  });

  it('answers an English title by its translation, not by the nearest English alias (accountant is no account manager)', () => {
    const a = weak().ask('accountant');
    expect(a.kind === 'role' && a.best.role.title).toBe('会计');
  });

  it('does not offer a name that only shares a character', () => {
    const a = weak().ask('出纳');
    expect(a.kind).toBe('notFound');
    if (a.kind === 'notFound') expect(a.suggestions.map((s) => s.role.title)).not.toContain('出品督导');
  });

  it('still answers a near name it is sure of', () => {
    expect(top(weak().ask('会记'))).toBe('会计');
  });
});
