/** Reporting lines linked within a file's own section first: one scraped file often holds several companies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import type { Answer } from '../../src/answer/types.js';
import { buildFixtureIndex, role } from '../search/fixture.js';

let fx: ReturnType<typeof buildFixtureIndex>;
let bot: ReturnType<typeof openAnswerer>;
beforeAll(() => {
  fx = buildFixtureIndex([
    // a trading company's page...
    role({ file: 'm.txt', line: 1, title: '商贸公司总经理', duties: ['负责公司整体经营管理'] }),
    role({ file: 'm.txt', line: 20, title: '稽查主管', reportsTo: '总经理', duties: ['检查门店陈列'] }),
    role({ file: 'm.txt', line: 40, title: '录单员', reportsTo: '总经理', duties: ['销售单据录入'] }),
    // ...then another company's page in the same file
    role({ file: 'm.txt', line: 200, title: '董事长', duties: ['主持董事会工作'] }),
    role({ file: 'm.txt', line: 210, title: '总经理', reportsTo: '董事长', duties: ['组织制订经营方针'] }),
    role({ file: 'm.txt', line: 220, title: '总经理助理', reportsTo: '总经理', duties: ['协助总经理'] }),
    // another file naming a boss it does not hold
    role({ file: 'n.txt', line: 1, title: '出纳', reportsTo: '总经理', duties: ['现金收付'] }),
    role({ file: 'n.txt', line: 10, title: '文员', reportsTo: '总经理办', duties: ['收发文件'] }),
    // a post and its deputy named together as the boss
    role({ file: 'p.txt', line: 1, title: '客服主管', duties: ['管理客服团队'] }),
    role({ file: 'p.txt', line: 10, title: '客服副主管', reportsTo: '客服主管', duties: ['协助主管'] }),
    role({ file: 'p.txt', line: 20, title: '客服员', reportsTo: '客服主管/副主管', duties: ['接听来电'] }),
  ]);
  bot = openAnswerer(fx.dbPath);
});
afterAll(() => {
  bot.close();
  fx.cleanup();
});

const answer = (a: Answer) => (a.kind === 'field' ? a.answer : '');
const boss = (a: Answer) => (a.kind === 'field' ? a.reporting.chain[0]?.role?.title : undefined);

describe('reporting lines inside one file', () => {
  it("gives a 总经理 only the staff of its own section", () => {
    expect(answer(bot.ask('总经理的下属')).split('、').sort()).toEqual(['总经理助理']);
  });

  it('links "总经理" to the nearest role whose title ends so (商贸公司总经理)', () => {
    expect(answer(bot.ask('商贸公司总经理的下属')).split('、').sort()).toEqual(['稽查主管', '录单员'].sort());
    expect(boss(bot.ask('稽查主管的上级'))).toBe('商贸公司总经理');
  });

  it('reads a post named with its deputy (客服主管/副主管) as the post', () => {
    expect(boss(bot.ask('客服员的上级'))).toBe('客服主管');
    expect(answer(bot.ask('客服主管的下属')).split('、').sort()).toEqual(['客服副主管', '客服员'].sort());
  });

  it('links to another file only when the names agree exactly', () => {
    expect(boss(bot.ask('出纳的上级'))).toBe('总经理');
    expect(boss(bot.ask('文员的上级'))).toBeUndefined();
  });
});
