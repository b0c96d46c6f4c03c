import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/search/question.js';
import { bigramTokens, questionKey } from '../../src/text/normalize.js';

describe('questionKey', () => {
  it('unescapes Slack entities, drops mentions and punctuation, simplifies and lowercases', () => {
    expect(questionKey('<@U123ABC> 客服主管&amp;助理？')).toBe('客服主管助理');
    expect(questionKey('看 <https://x.example/a|会计> 岗位')).toBe('看会计岗位');
    expect(questionKey('<!channel> 總監（KPI）')).toBe('总监kpi');
    expect(questionKey('ＫＦＺＧ')).toBe('kfzg');
  });
});

describe('bigramTokens', () => {
  it('gives Han bigrams and whole latin/digit words, split where the script changes', () => {
    expect(bigramTokens('负责KPI管理')).toEqual(['负责', 'kpi', '管理']);
    expect(bigramTokens('100分部业务')).toEqual(['100', '分部', '部业', '业务']);
    expect(bigramTokens('Excel、Word等办公软件')).toEqual(['excel', 'word', '等办', '办公', '公软', '软件']);
  });

  it('joins Han characters across a wrapped line but not across a line break, and keeps a lone character', () => {
    expect(bigramTokens('施工 方案')).toEqual(['施工', '工方', '方案']);
    expect(bigramTokens('施工\n方案')).toEqual(['施工', '方案']);
    expect(bigramTokens('岗')).toEqual(['岗']);
  });
});

describe('parseQuestion', () => {
  const role = (q: string) => parseQuestion(q);
  it.each([
    ['客服主管', '客服主管'],
    ['客服主管做什么', '客服主管'],
    ['客服主管是干什么的？', '客服主管'],
    ['介绍一下会计', '会计'],
    ['kefuzhuguan', 'kefuzhuguan'],
    ['kfzg', 'kfzg'],
    ['客服主管要做哪些工作', '客服主管'],
  ])('role: %s', (q, subject) => {
    const p = role(q);
    expect(p.intent).toBe('role');
    expect(p.subjects[0]).toBe(subject);
  });

  it.each([
    ['谁负责处理业主投诉', '处理业主投诉'],
    ['投诉找谁', '投诉'],
    ['物业费催缴是哪个岗位的事', '物业费催缴'],
    ['哪个岗位负责招聘', '招聘'],
    ['工单的审核和派送由谁负责？', '工单的审核和派送'],
    ['厨房的清洁是谁的活', '厨房的清洁'],
    ['户口迁移手续找哪个岗位办', '户口迁移手续'],
    ['负责招聘的是哪个岗位', '负责招聘'],
    ['谁负责负责人员的招聘和培训', '负责人员的招聘和培训'],
    ['仓库归谁管', '仓库'],
    // who steps in is part of asking who (谁出面处理, 谁来办, 谁去办)
    ['客人投诉谁出面处理', '客人投诉'],
    ['合同谁去办', '合同'],
    // where to go for it asks who hands it out
    ['化肥农药去哪领', '化肥农药'],
    ['借书证在哪里办', '借书证'],
    ['借的书过期了去哪还', '借的书过期了'],
  ])('who: %s', (q, topic) => {
    const p = parseQuestion(q, () => false);
    expect(p.intent).toBe('who');
    expect(p.topic).toBe(topic);
  });

  it.each([
    ['客服管家的上级是谁', 'reportsTo', '客服管家'],
    ['客服管家向谁汇报', 'reportsTo', '客服管家'],
    ['稽查主管对谁负责', 'reportsTo', '稽查主管'],
    ['营运部总监的直属上级是谁？', 'reportsTo', '营运部总监'],
    ['客服主管的下属有哪些', 'directReports', '客服主管'],
    ['客服主管的任职要求', 'requirements', '客服主管'],
    ['会计需要什么学历', 'requirements', '会计'],
    ['客服主管属于哪个部门', 'department', '客服主管'],
    ['平台工程师在哪个部门', 'department', '平台工程师'],
    ['客服主管的职责', 'duties', '客服主管'],
    ['客服主管的学历要求', 'requirements', '客服主管'],
    ['客服主管有几个下属', 'directReports', '客服主管'],
    ['客服主管的上級是誰', 'reportsTo', '客服主管'],
    ['客服主管汇报给谁', 'reportsTo', '客服主管'],
  ])('field: %s', (q, field, subject) => {
    const p = role(q);
    expect(p.intent).toBe('field');
    expect(p.field).toBe(field);
    expect(p.subjects[0]).toBe(subject);
  });

  it('reads an ambiguous "归谁管" by whether the subject is a known title', () => {
    const titles = new Set(['客服主管']);
    expect(parseQuestion('客服主管归谁管', (k) => titles.has(k))).toMatchObject({ intent: 'field', field: 'reportsTo' });
    expect(parseQuestion('物业费归谁管', (k) => titles.has(k))).toMatchObject({ intent: 'who', topic: '物业费' });
  });

  it('strips polite scaffolding and tries the subject without a trailing 岗位', () => {
    const p = parseQuestion('请问居转户岗位是做什么的？');
    expect(p.intent).toBe('role');
    expect(p.subjects).toEqual(['居转户岗位', '居转户']);
    expect(parseQuestion('请购专员').subjects).toContain('请购专员');
    // the document asked for by its name: 岗位说明书, 职位描述, JD
    expect(parseQuestion('客服主管岗位说明书').subjects).toContain('客服主管');
    expect(parseQuestion('客服主管的JD').subjects).toContain('客服主管');
  });

  it('gives an empty key for empty or punctuation-only input', () => {
    expect(parseQuestion('').key).toBe('');
    expect(parseQuestion('  ？！…').key).toBe('');
  });
});

describe('a pasted duty sentence', () => {
  it.each([
    ['负责夜间巡逻,检查门窗', '负责夜间巡逻检查门窗'],
    ['协助主管做好来访登记', '协助主管做好来访登记'],
    ['夜间巡逻、检查门窗', '夜间巡逻检查门窗'],
    ['3、负责夜间巡逻，检查门窗', '负责夜间巡逻检查门窗'],
  ])('%s is a who question about its words', (q, topic) => {
    expect(parseQuestion(q, () => false)).toMatchObject({ intent: 'who', topic });
  });

  it.each(['负责人', '客服主管', '检查员', '客服部主管（市场管理中心）'])('%s stays a title', (q) => {
    expect(parseQuestion(q, () => false).intent).toBe('role');
  });

  it('stays a title when a role has that exact name', () => {
    expect(parseQuestion('协助主管做好来访登记', (k) => k === '协助主管做好来访登记').intent).toBe('role');
  });
});
