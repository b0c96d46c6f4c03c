/**
 * Words that cross languages and forms: English names inside Chinese questions, English documents asked in
 * English, acronyms of English titles, and a synonym that names a role only with a post ending (保安 → 安保员).
 * Answered with the shipped word table.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { role, useFixtureAnswerer } from '../search/fixture.js';

const F = 'team.md';
const answerer = useFixtureAnswerer(() => [
  role({ file: F, line: 1, title: '收银员', duties: ['负责收银和找零', '核对每日营业款'] }),
  role({ file: F, line: 10, title: '厨师长', duties: ['制定菜单', '管理厨房团队'] }),
  role({ file: F, line: 20, title: '安保员', duties: ['门岗值守，登记外来车辆', '夜间巡逻'] }),
  role({ file: F, line: 30, title: '出纳', duties: ['管理零用金和备用金', '办理银行收付'] }),
  role({ file: F, line: 40, title: 'Site Reliability Engineer', duties: ['Operate our Kubernetes clusters', 'Define SLOs and alerting', 'Lead incident reviews'] }),
  role({ file: F, line: 50, title: 'Technical Writer', duties: ['Maintain the help center articles', 'Write release notes'] }),
  role({ file: F, line: 60, title: 'Finance Assistant', duties: ['Process staff expense claims', 'Reconcile the petty cash'] }),
]);

const top = (a: Answer): string | undefined => (a.kind === 'role' || a.kind === 'field' ? a.best.role.title : a.kind === 'who' ? a.hits[0]?.role.title : undefined);

// a bilingual hotel: some duty lines only in English
const hotel = useFixtureAnswerer(() => [
  role({ file: 'hotel.txt', line: 1, title: '前厅经理', duties: ['Plan shifts for the front desk and concierge.', 'Handle overbooking and room allocation for groups.'] }),
  role({ file: 'hotel.txt', line: 10, title: '楼层领班', duties: ['检查客房卫生', '安排服务员排班'] }),
  role({ file: 'hotel.txt', line: 20, title: '夜审员', duties: ['Run the night audit and close the business day.'] }),
  role({ file: 'hotel.txt', line: 30, title: '墩子', duties: ['每天切配原料', '保持砧板卫生'] }),
]);

describe('Chinese questions over English duty lines', () => {
  it('are searched in the English too, and say so', () => {
    const a = hotel().ask('谁来调配房间');
    expect(top(a)).toBe('前厅经理');
    expect(a.kind === 'who' && a.understood).toMatchObject({ via: 'english' });
  });

  it('count a word no document has as part of the question, so a role holding only the rest is a partial answer', () => {
    // 关账 is in no document; 每天 alone (墩子) must not outrank the night audit
    const a = hotel().ask('每天夜里关账是谁做的');
    const hits = a.kind === 'who' ? a.hits : [];
    expect(hits.find((h) => h.role.title === '墩子')?.score).toBeLessThan(0.5);
    expect(hits.slice(0, 2).map((h) => h.role.title)).toContain('夜审员');
  });
});

describe('words across languages', () => {
  it('translates English names inside Chinese questions and answers in Chinese', () => {
    const a = answerer().ask('head chef主要干什么');
    expect(top(a)).toBe('厨师长');
    expect(a.lang).toBe('zh');
    expect(a.kind === 'role' && a.understood).toMatchObject({ from: 'head chef', to: '厨师长', via: 'english' });
    // cashier is either (收银员 at a till, 出纳 in accounts)
    expect(['收银员', '出纳']).toContain(top(answerer().ask('cashier的职责')));
    // the English words find the English line, their translation (零用金) the Chinese one
    const who = answerer().ask('petty cash谁管');
    expect(who.kind === 'who' && who.hits.slice(0, 2).map((h) => h.role.title).sort()).toEqual(['Finance Assistant', '出纳']);
  });

  it('finds English titles by their acronym', () => {
    expect(top(answerer().ask('SRE是做什么的'))).toBe('Site Reliability Engineer');
    expect(top(answerer().ask('what does an SRE do?'))).toBe('Site Reliability Engineer');
  });

  it("searches an English who question in the documents' own English lines, in any inflection", () => {
    const a = answerer().ask('who maintains the help center article?');
    expect(top(a)).toBe('Technical Writer');
    expect(top(answerer().ask('who processes expense claims?'))).toBe('Finance Assistant');
  });

  it('names a role through a synonym that lacks only the post ending', () => {
    const a = answerer().ask('保安');
    expect(top(a)).toBe('安保员');
    expect(a.kind === 'role' && a.understood).toMatchObject({ from: '保安', via: 'synonym' });
  });
});
