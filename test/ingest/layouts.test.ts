/** Layout edge cases found by the synthetic corpus generator (src/bench/synth.ts), as small fixtures. */
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../src/ingest/clean.js';
import { extractRoles } from '../../src/ingest/extract.js';

const roles = (text: string) => extractRoles(cleanLines(text), 'doc.txt');
const titles = (text: string) => roles(text).map((r) => r.title);

describe('`一、X工作职责:` sections', () => {
  it('does not take a `岗位人员工作职责` heading over everyone for a post', () => {
    const text = ['仓储部岗位职责汇编', '', '岗位人员工作职责', '', '1、负责仓库日常管理;', '', '2、负责货物盘点;', ''].join('\n');
    expect(titles(text)).toEqual([]);
  });

  it('reads a section whose post name has a figure in it (`第12车间…`), so the block above does not swallow it', () => {
    const text = [
      '生产部岗位职责汇编',
      '',
      '岗位人员工作职责',
      '',
      '一、第12车间数控设备维修操作员工作职责:',
      '',
      '1、负责设备日常点检;',
      '',
      '2、负责设备故障维修;',
      '',
      '二、质检员工作职责:',
      '',
      '1、负责来料检验;',
      '',
    ].join('\n');
    const r = roles(text);
    expect(r.map((x) => [x.title, x.duties.length])).toEqual([
      ['第12车间数控设备维修操作员', 2],
      ['质检员', 1],
    ]);
  });
});

describe('`X岗位职责` headings whose name has no job-noun ending', () => {
  it('keeps the name without 岗位 (`岗位职责` is the post\'s duties)', () => {
    const text = ['档案整理岗位职责', '1、负责档案归档;', '2、负责档案借阅登记;'].join('\n');
    expect(titles(text)).toEqual(['档案整理']);
  });
});

describe('headings with a figure or two joined posts', () => {
  it('reads `第2分部航班调度岗位职责` but not a numbered chapter', () => {
    const items = ['1、负责航班调度;', '2、负责运行记录;'];
    expect(titles(['第2分部航班调度岗位职责', ...items].join('\n'))).toEqual(['第2分部航班调度']);
    expect(titles(['第3章岗位职责', ...items].join('\n'))).toEqual([]);
  });

  it('reads `一、…工程师及助理工程师工作职责:` as one post, not a list of units', () => {
    const items = ['1、负责施工图审核;', '2、负责现场技术交底;'];
    expect(titles(['一、市场营销部高级工程师及助理工程师工作职责:', ...items].join('\n'))).toEqual(['市场营销部高级工程师及助理工程师']);
    expect(titles(['组织架构及客服部岗位职责', ...items].join('\n'))).toEqual([]);
  });
});

describe('label-line-then-value-line tables', () => {
  it('takes a long title with a figure from under 职位名称', () => {
    const text = ['职位说明书', '职位名称', '第2分部华东大区高级驻地监理工程师', '所属部门', '工程部', '工作职责', '1、 负责现场监理;', '2、 负责监理日志;'].join('\n');
    expect(titles(text)).toEqual(['第2分部华东大区高级驻地监理工程师']);
  });

  it('takes any post name under a bare 职位 cell that follows a 部门 / value pair', () => {
    const text = ['会员与积分运营岗位职责', '部门', '市场部', '职位', '会员与积分运营', '汇报对象', '市场经理', '1.负责会员积分规则;', '2.负责积分活动策划;'].join('\n');
    const r = roles(text);
    expect(r.map((x) => [x.title, x.department, x.reportsTo, x.duties.length])).toEqual([['会员与积分运营', '市场部', '市场经理', 2]]);
  });

  it('still needs a post-like value under a bare 职位 column header', () => {
    expect(titles(['招聘计划', '职位', '人数', '5'].join('\n'))).toEqual([]);
  });
});

describe('consecutive label-line tables', () => {
  it('leaves the previous table its trailing fields', () => {
    const text = [
      '职位名称', '仓储主管', '工作职责', '1、 负责仓库管理;', '2、 负责盘点;', '所属部门', '物流部', '直接上级', '物流经理',
      '职位名称', '仓管员', '工作职责', '1、 负责收发货;',
    ].join('\n');
    const r = roles(text);
    expect(r.map((x) => [x.title, x.department, x.reportsTo])).toEqual([
      ['仓储主管', '物流部', '物流经理'],
      ['仓管员', null, null],
    ]);
  });
});

describe('inline title labels', () => {
  it('keeps a trailing 岗位 of the post name when no colon follows it', () => {
    const text = ['1.档案管理岗位', '职位名称:档案管理岗位职位代码直属上级:行政经理', '工作内容:', '1、负责档案归档;'].join('\n');
    expect(titles(text)).toEqual(['档案管理岗位']);
  });
});
