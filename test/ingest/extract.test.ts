import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../src/ingest/clean.js';
import { extractRoles } from '../../src/ingest/extract.js';

const roles = (text: string) => extractRoles(cleanLines(text), 'doc.txt');
const titles = (text: string) => roles(text).map((r) => r.title);

describe('numbered role lists', () => {
  it('makes one role per `N. title:duty` item, also several on one line', () => {
    const text = ['公司岗位一览', '一、管理岗位1. 总经理:负责公司全面管理。', '2. 财务经理:负责财务核算。', '3.仓储岗:负责收发货;4.质检岗:负责来料检验。'].join('\n');
    const r = roles(text);
    expect(r.map((x) => x.title)).toEqual(['总经理', '财务经理', '仓储岗', '质检岗']);
    expect(r.every((x) => x.duties.length === 1)).toBe(true);
    expect(r[3].source).toEqual({ file: 'doc.txt', startLine: 4, endLine: 4 });
  });

  it('ignores staff lists that give names, not duties', () => {
    expect(titles('领导班子\n1. 总经理:张三\n2. 副总经理:李四')).toEqual([]);
  });

  it('ignores a lone `1. 标签:` line such as requirement headings', () => {
    expect(titles('说明\n1.学历要求:本科\n2.工作经验:三年')).toEqual([]);
  });
});

describe('heading passages', () => {
  const doc = [
    '推荐第1篇:仓库管理员岗位职责', // 1: article title followed by the same heading
    '',
    '仓库管理员岗位职责', // 3
    '1、负责货物入库验收;',
    '2、负责库存盘点; 3、完成上级交办的其他工作。',
    '任职要求:',
    '1、高中以上学历;',
    '推荐第2篇:行政部岗位职责', // 8: a department block
    '1、负责公司行政事务。',
  ].join('\n');

  it('reads duties, items run together and requirements', () => {
    const r = roles(doc);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ title: '仓库管理员', requirements: ['高中以上学历'] });
    expect(r[0].duties).toEqual(['负责货物入库验收', '负责库存盘点', '完成上级交办的其他工作。']);
    expect(r[0].source.startLine).toBe(1);
    expect(r[0].source.endLine).toBe(7);
  });

  it('takes a superior stated in the duties', () => {
    const r = roles('监理员岗位职责\n1、在驻地工程师的领导下工作;\n2、及时向上级领导汇报。');
    expect(r[0].reportsTo).toBe('驻地工程师');
    expect(roles('文员岗位职责\n1、及时向公司领导汇报工作。')[0].reportsTo).toBeNull();
  });

  it('collapses letter-spaced headings and drops a title line that heads another', () => {
    expect(titles('工程师岗位职责\n\n测 量 工 程 师 岗 位 职 责\n1、负责测量工作。')).toEqual(['测量工程师']);
  });

  it('reads `X岗位职责` run into prose under numbered sub-headings as one duty', () => {
    const r = roles('三、岗位设置1.管理岗位(1)主任岗位职责主任负责中心的全面管理。\n(2)干事岗位职责干事负责日常事务。\n同时负责档案管理。');
    expect(r.map((x) => [x.title, x.duties.length])).toEqual([['主任', 1], ['干事', 1]]);
  });
});

describe('tables and labelled forms', () => {
  it('reads a label-line-then-value-line table', () => {
    const text = ['职位说明书', '职位名称', '采购主管', '所属部门', '采购部', '直接上级', '采购经理', '直接下属', '采购员、跟单员', '工作目的', '保证物资供应。', '工作职责', '1、制定采购计划;', '1.1 汇总需求', '2、管理供应商。', '任职要求', '1. 教育背景:大专以上'].join('\n');
    const [r] = roles(text);
    expect(r).toMatchObject({ title: '采购主管', department: '采购部', reportsTo: '采购经理', directReports: ['采购员', '跟单员'] });
    expect(r.duties).toHaveLength(2);
    expect(r.requirements.length).toBeGreaterThan(0);
    expect(r.source.startLine).toBe(1);
  });

  it('joins labels split over two lines and treats 无 as no direct reports', () => {
    const [r] = roles(['职 位', '名 称', '出纳', '直 属', '上 级', '财务经理', '直 属', '下 级', '无', '主要工作职责:', '1 现金收付', '2 登记日记账'].join('\n'));
    expect(r).toMatchObject({ title: '出纳', reportsTo: '财务经理', directReports: [] });
    expect(r.duties).toEqual(['现金收付', '登记日记账']);
  });

  it('reads recruitment posts with labels run together on one line', () => {
    const text = ['招聘公告', '1.岗位名称:结构设计工程师招录单位:某研究院招录部门:结构室工作地点:西安岗位职责:(1)开展结构设计;(2)编制报告。', '任职要求:(1)硕士以上学历;(2)三年经验。'].join('\n');
    const [r] = roles(text);
    expect(r).toMatchObject({ title: '结构设计工程师', department: '结构室' });
    expect(r.duties).toEqual(['开展结构设计', '编制报告。']);
    expect(r.requirements).toHaveLength(2);
    expect(r.source).toMatchObject({ startLine: 2, endLine: 3 });
  });

  it('reads `职位:X … 汇报职级:Y 岗位职责:` blocks', () => {
    const text = ['职位:前台接待', '工作大纲:负责接待。 汇报职级:行政主管 岗位职责:', '1. 接听电话。 2. 登记访客。', '职位:保洁员', '工作大纲:负责清洁。 汇报职级:行政主管', '1. 清洁大堂。'].join('\n');
    const r = roles(text);
    expect(r.map((x) => [x.title, x.reportsTo, x.duties.length])).toEqual([['前台接待', '行政主管', 2], ['保洁员', '行政主管', 1]]);
  });

  it('takes the department from a numbered unit heading over the posts', () => {
    const r = roles('一、总经理\n1、全面管理。\n二、财务部\n(一)财务经理\n1、审核报表;\n(二)出纳\n1、现金收付。');
    expect(r.map((x) => [x.title, x.department])).toEqual([['总经理', null], ['财务经理', '财务部'], ['出纳', '财务部']]);
  });

  it('takes the department from a 第N篇 section heading', () => {
    const r = roles('第一篇:采购部岗位职责\n采购专员 岗位职责:\n1、询价比价;\n2、跟踪订单。');
    expect(r[0]).toMatchObject({ title: '采购专员', department: '采购部' });
  });
});

describe('recruitment-site layouts', () => {
  it('reads 【】 labels, `1)` items and a 范本 heading', () => {
    const [r] = roles(['销售经理岗位职责范本', '【岗位职责】', '1)开拓市场;', '2)完成目标;', '【任职要求】', '1)大专以上学历;'].join('\n'));
    expect(r).toMatchObject({ title: '销售经理', duties: ['开拓市场', '完成目标'], requirements: ['大专以上学历'] });
  });

  it('reads a numbered bare post name followed by its items', () => {
    expect(roles('(一)行政专员\n1、采购办公用品;\n2、安排会议。').map((r) => [r.title, r.duties.length])).toEqual([['行政专员', 2]]);
  });
});

describe('post blocks without a duty label', () => {
  it('reads a numbered post name over labelled lines, not a table value over a summary', () => {
    const r = roles(['二、岗位说明', '(一)研发经理', '职位概要:领导研发团队。', '岗位职责:', '1、制定研发计划;', '2、向技术总监汇报工作。', '厨师岗位职责', '汇报对象', '厨师长', '概述:准备食品。', '1.清洁厨房'].join('\n'));
    expect(r.map((x) => [x.title, x.reportsTo, x.duties.length])).toEqual([['研发经理', '技术总监', 2], ['厨师', '厨师长', 1]]);
  });
});

describe('job ads', () => {
  it('reads a post name over 职位描述/任职要求 lists', () => {
    const [r] = roles(['高级Java开发工程师', '职位描述:', '1. 负责系统设计;', '2. 编写核心代码;', '任职要求:', '1. 本科以上学历;', '用人部门:研发中心', '汇报对象:技术总监'].join('\n'));
    expect(r).toMatchObject({ title: '高级Java开发工程师', department: '研发中心', reportsTo: '技术总监' });
    expect(r.duties).toEqual(['负责系统设计', '编写核心代码']);
    expect(r.requirements).toEqual(['本科以上学历']);
  });
});

describe('flattened pages', () => {
  it('finds `X具体岗位职责:` inside a long line and keeps items after an inline field', () => {
    const r = roles('部门建制 岗位职责 策划总监具体岗位职责: 管理责任:协调部门内工作; 1、编制方案; 2、执行活动; 策划专员具体岗位职责: 1、收集资料;');
    expect(r.map((x) => [x.title, x.duties])).toEqual([['策划总监', ['编制方案', '执行活动']], ['策划专员', ['收集资料']]]);
  });
});

describe('glued tables', () => {
  it('reads a table flattened into one line without colons', () => {
    const [r] = roles('项目经理岗位描述 岗位名称项目经理岗位编号 所属部门工程部直接上级总经理岗位目的主持管理 岗位职责1、组织施工; 2、控制成本。');
    expect(r).toMatchObject({ title: '项目经理', department: '工程部', reportsTo: '总经理', duties: ['组织施工', '控制成本。'] });
  });

  it('leaves prose that only mentions labels alone', () => {
    expect(titles('本文介绍岗位职责、任职要求和直接上级的写法。')).toEqual([]);
  });
});

describe('bulleted pages', () => {
  it('reads a post name over bullets and drops a trailing city', () => {
    const r = roles('岗位说明\n\n销售经理-北京\n\n• 负责华北区域销售\n• 管理销售团队');
    expect(r.map((x) => [x.title, x.duties])).toEqual([['销售经理', ['负责华北区域销售', '管理销售团队']]]);
  });

  it('does not take a fragment with a stray bracket for a post', () => {
    expect(titles('客服员岗位职责\n1、接待来访;\n2、3楼前台)客服员工作职责\n• 接听电话')).toEqual(['客服员']);
  });
});

describe('not roles', () => {
  it('skips department duties, work summaries and rule books', () => {
    const text = [
      '客户服务部岗位职责',
      '1、负责客户投诉处理;',
      '2、负责客户回访。',
      '第三篇:客服员工工作总结',
      '1、今年办理交房手续46户;',
      '2、学习了很多。',
      '一、部门职责',
      '1.规划年度计划。',
      '接待投诉管理制度',
      '1、不得与客户争吵;',
      '员工守则',
      '1、遵守公司规章制度;',
    ].join('\n');
    expect(roles(text)).toEqual([]);
  });
});
