/** Roles sharing a title, chosen by a department or document qualifier, or by number in the console. */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { consoleAnswer } from '../../src/console.js';
import { choices, renderText } from '../../src/render/text.js';
import { qualifiedReadings } from '../../src/search/qualifier.js';
import { departmentLead } from '../../src/search/words.js';
import { useFixtureAnswerer } from '../search/fixture.js';

const answerer = useFixtureAnswerer();
const hits = (a: Answer) => (a.kind === 'who' ? a.hits.map((h) => h.role.title) : []);
const best = (a: Answer) => (a.kind === 'role' || a.kind === 'field' ? a.best.role : null);

describe('department and document qualifiers', () => {
  it.each(['会计（财务中心）', '会计(财务中心)', '财务中心的会计', '财务中心 会计', '会计 财务中心'])('%s → the 会计 of 财务中心', (q) => {
    const a = answerer().ask(q);
    expect(a.kind).toBe('role');
    expect(best(a)?.department).toBe('财务中心');
    // the other 会计 stays reachable as an alternative
    if (a.kind === 'role') expect(a.alternatives.some((r) => r.role.title === '会计' && r.role.department === '财务部')).toBe(true);
  });

  it('works in field questions too', () => {
    const a = answerer().ask('财务部的会计的上级是谁');
    expect(a.kind).toBe('field');
    expect(best(a)?.department).toBe('财务部');
  });

  it('reads a key as title and qualifier only around an exact title', () => {
    expect(qualifiedReadings('市场部的客服主管', (keys) => new Set(keys.filter((k) => k === '客服主管')))).toEqual([{ title: '客服主管', qualifier: '市场部' }]);
    expect(qualifiedReadings('市场部的客服主管', () => new Set())).toEqual([]);
  });
});

describe('a department in a who question', () => {
  it('keeps the roles of that department when it has some', () => {
    // 排班 is a duty of 客服部主管 (客服部) and of 客服中心座席班长 (no department)
    expect(hits(answerer().ask('谁负责排班'))).toEqual(expect.arrayContaining(['客服部主管', '客服中心座席班长']));
    for (const q of ['客服部谁负责排班', '客服部里谁负责排班', '客服部的排班由谁负责']) expect(hits(answerer().ask(q))).toEqual(['客服部主管']);
  });

  it('reads a topic as department + duty only when the name ends like a department', () => {
    expect(departmentLead('市场管理中心投诉')).toEqual({ department: '市场管理中心', rest: '投诉' });
    expect(departmentLead('客服部的排班')).toEqual({ department: '客服部', rest: '排班' });
    expect(departmentLead('客户服务部里投诉')).toEqual({ department: '客户服务部', rest: '投诉' });
    for (const t of ['部门预算', '处理业主投诉', '与其它班组间的配合与协调', '对本部门的工作规划', '挂账部分不在云盘体现', '投诉处理外包公司人员管理']) {
      expect(departmentLead(t), t).toBeNull();
    }
  });

  it('searches the whole question when the department has no such role', () => {
    expect(hits(answerer().ask('环境部谁负责排班')).length).toBeGreaterThan(0);
  });
});

describe('console numbers', () => {
  it('numbers the alternatives and opens the second with 2', () => {
    const first = answerer().ask('会计');
    const text = renderText(first);
    expect(text).toMatch(/\n {2}2\. 会计（/);
    const second = consoleAnswer(answerer(), '2', first);
    expect(best(second)?.id).toBe(choices(first)[1].id);
    expect(best(second)?.id).not.toBe(best(first)?.id);
  });

  it('takes a number as a question when there is no such entry', () => {
    const a = consoleAnswer(answerer(), '9', answerer().ask('会计'));
    expect(a.kind).not.toBe('role');
  });
});
