/**
 * The block reader on documents written for it in layouts seen in the wild (test/fixtures/layouts): each file's
 * posts, in order, with the fields the layout states. None of these layouts is one the line reader was built for.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../../src/documents/readers/html.js';
import { markdownBlocks } from '../../src/documents/readers/markdown.js';
import { lineBlocks } from '../../src/documents/readers/text.js';
import { detectRoles } from '../../src/ingest/blocks/detect.js';
import { documentFromBytes } from '../../src/ingest/read.js';
import { ingestRead } from '../../src/ingest/pipeline.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'layouts');

async function rolesOf(file: string) {
  const r = await documentFromBytes(file, readFileSync(path.join(DIR, file)));
  return ingestRead(r).roles;
}

type Want = { title: string; department?: string | null; reportsTo?: string | null; directReports?: string[]; aliases?: string[]; duties?: number; requirements?: number; startLine?: number };

const EXPECTED: Record<string, Want[]> = {
  'handbook-nested.md': [
    { title: '行政主管', department: '行政部', reportsTo: '总经理', directReports: ['前台文员', '司机'], duties: 3, requirements: 2, startLine: 11 },
    { title: '前台文员', department: '行政部', reportsTo: '行政主管', duties: 2, requirements: 0 },
    { title: '视频剪辑师', department: '内容部', reportsTo: '内容总监', duties: 2, requirements: 1 },
  ],
  'rowtable.html': [
    { title: '门店店长', reportsTo: '区域经理', duties: 3, requirements: 1, startLine: 9 },
    { title: '执业药师', reportsTo: '门店店长', duties: 3 },
    { title: '营业员', reportsTo: '门店店长', duties: 2 },
  ],
  'bracket-forms.txt': [
    { title: '仓库主管', department: '物流部', reportsTo: '物流经理', duties: 3, requirements: 1, startLine: 4 },
    { title: '质检员', department: '品质部', reportsTo: '品质主管', duties: 2, requirements: 1 },
  ],
  'english.md': [
    { title: 'Sous Chef', reportsTo: 'Executive Chef', duties: 3, requirements: 1 },
    { title: 'Line Cook', reportsTo: 'Sous Chef', duties: 2, requirements: 0 },
    { title: 'Dishwasher', reportsTo: 'Sous Chef', duties: 2 },
  ],
  'inline-labels.txt': [
    { title: '收银员', department: '前台部', reportsTo: '前台主管', duties: 2 },
    { title: '理货员', department: '营运部', reportsTo: '营运主管', duties: 2 },
  ],
  'ads.txt': [
    { title: '销售经理', duties: 2, requirements: 2, startLine: 3 },
    { title: '行政助理', duties: 2, requirements: 1 },
  ],
  'names-then-items.txt': [
    { title: '会计', department: '财务部', duties: 3 },
    { title: '出纳', department: '财务部', duties: 2 },
    { title: '成本核算员', department: '财务部', duties: 2 },
  ],
  'prose.txt': [
    { title: '店长', reportsTo: '区域经理', duties: 1, requirements: 1, startLine: 5 },
    { title: '图书导购', reportsTo: '店长', duties: 1, requirements: 0 },
    { title: '仓管员', reportsTo: '店长', duties: 1 },
  ],
  'colloquial.txt': [
    { title: '拉面师傅', aliases: ['面案'], reportsTo: '厨师长', duties: 2 },
    { title: '小工', aliases: ['帮厨'], reportsTo: null, duties: 2 },
    { title: '跑堂', reportsTo: '店长', duties: 2 },
  ],
  'bold-titles.html': [
    { title: '会计', duties: 2, requirements: 1, startLine: 3 },
    { title: '采购专员', reportsTo: '采购经理', duties: 3, requirements: 0 },
  ],
  'career-divs.html': [
    { title: '前端开发工程师', department: '技术部', duties: 3, requirements: 2 },
    { title: '测试工程师', department: '技术部', duties: 2, requirements: 1 },
    { title: '销售代表', department: '销售部', duties: 3, requirements: 0 },
  ],
  'tab-separated.txt': [
    { title: '机修工', reportsTo: '车间主管', duties: 2, startLine: 4 },
    { title: '钣金工', reportsTo: '车间主管', duties: 2, startLine: 5 },
  ],
  'gov-sections-gbk.txt': [
    { title: '综合科科员', department: '综合科', reportsTo: '综合科科长', duties: 4, requirements: 1 },
    { title: '执法稽查员', department: '执法稽查科', reportsTo: '执法稽查科科长', duties: 3, requirements: 1 },
  ],
  'single-post-form.md': [{ title: '实验室主任', department: '质量中心', reportsTo: '质量总监', directReports: ['化验员', '微生物检验员'], duties: 5, requirements: 1, startLine: 1 }],
  'nested-list.md': [
    { title: '保洁主管', reportsTo: '服务中心经理', duties: 3 },
    { title: '绿化工', reportsTo: '保洁主管', duties: 2 },
    { title: '工程维修员', reportsTo: '工程主管' },
  ],
  'continued-rows.md': [
    { title: '分拣员', department: '操作部', reportsTo: '分拣组长', duties: 3 },
    { title: '装卸工', department: '操作部', reportsTo: '装卸组长', duties: 2 },
    { title: '客服专员', department: '客服部', reportsTo: '客服主管', duties: 2 },
  ],
  'job-posting.html': [{ title: '高级前端工程师', duties: 3, requirements: 2, startLine: 5 }],
  'titled-items.md': [
    { title: '客服主管', department: '客服组', duties: 2, startLine: 5 },
    { title: '客服专员', department: '客服组', duties: 1 },
    { title: '收费员', department: '客服组', duties: 1 },
    { title: '工程主管', department: '工程组', duties: 1 },
    { title: '维修工', department: '工程组', duties: 1 },
  ],
  'toc-and-summary.txt': [
    { title: '审计经理', reportsTo: '合伙人', duties: 2, requirements: 1, startLine: 14 },
    { title: '审计助理', reportsTo: '审计经理', duties: 2 },
    { title: '行政文员', reportsTo: '办公室主任', duties: 2 },
  ],
};

describe('block reader: layouts from the wild', () => {
  it('every fixture has expectations', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: ${want.map((w) => w.title).join(', ')}`, async () => {
      const roles = await rolesOf(file);
      expect(roles.map((r) => r.title)).toEqual(want.map((w) => w.title));
      want.forEach((w, i) => {
        const r = roles[i];
        if (w.department !== undefined) expect(r.department, `${w.title} department`).toBe(w.department);
        if (w.reportsTo !== undefined) expect(r.reportsTo, `${w.title} reportsTo`).toBe(w.reportsTo);
        if (w.directReports) expect(r.directReports).toEqual(w.directReports);
        if (w.aliases) expect(r.aliases).toEqual(w.aliases);
        if (w.duties !== undefined) expect(r.duties, `${w.title} duties`).toHaveLength(w.duties);
        if (w.requirements !== undefined) expect(r.requirements, `${w.title} requirements`).toHaveLength(w.requirements);
        if (w.startLine !== undefined) expect(r.source.startLine).toBe(w.startLine);
      });
    });
  }
});

const detect = (text: string) => detectRoles(lineBlocks(text), 'x.txt');

describe('block reader: what is not a post', () => {
  it('a table of contents, a staffing list and a document title name no post', () => {
    const roles = detect(readFileSync(path.join(DIR, 'toc-and-summary.txt'), 'utf8'));
    expect(roles.map((r) => r.source.startLine)).toEqual([14, 21, 28]);
  });

  it('a rule book with short headings and bullets describes no post', () => {
    const text = ['考勤管理', '- 每天九点前打卡', '- 迟到三次扣绩效', '', '请假流程', '- 提前一天申请', '- 主管审批', '', '报销规定', '- 发票须在一个月内提交'].join('\n');
    expect(detect(text)).toEqual([]);
  });

  it('department sections name the department of the posts under them, and are not posts', () => {
    const text = ['一、工程部', '部门职责：负责设备维护。', '', '（一）维修工', '1. 维修公共设施；', '2. 巡检设备。', '', '二、客服部', '（一）客服专员', '1. 接听业主来电；', '2. 回访维修结果。'].join('\n');
    const roles = detect(text);
    expect(roles.map((r) => [r.title, r.department])).toEqual([['维修工', '工程部'], ['客服专员', '客服部']]);
  });

  it('a bilingual heading gives English aliases; a bilingual field value keeps the Chinese', () => {
    const text = ['1. 礼宾员（Concierge / Bellman）', 'Department: 前厅部 Front Office', 'Reports to: 大堂副理 Assistant Manager', 'Responsibilities:', '- 迎送宾客', '- Store luggage', '', '2. 夜审员（Night Auditor）', 'Reports to: 财务经理', 'Responsibilities:', '- Run the night audit'].join('\n');
    const [a, b] = detect(text);
    expect(a).toMatchObject({ title: '礼宾员', aliases: ['Concierge', 'Bellman'], department: '前厅部', reportsTo: '大堂副理' });
    expect(a.duties).toHaveLength(2);
    expect(b).toMatchObject({ title: '夜审员', aliases: ['Night Auditor'], reportsTo: '财务经理' });
  });

  it('category headings (前台服务类) are neither posts nor departments; a dash can stand for a colon', () => {
    const text = ['# 岗位说明', '## 前台服务类', '### 前台接待', '直属领导——行政经理', '- 接待访客', '- 登记来访', '### 总机话务员', '直属领导——行政经理', '- 接转电话',
      '## 后勤保障类', '### 司机', '直属领导——行政经理', '- 驾驶公司车辆'].join('\n');
    const roles = detectRoles(markdownBlocks(text), 'x.md');
    expect(roles.map((r) => [r.title, r.reportsTo, r.department])).toEqual([['前台接待', '行政经理', null], ['总机话务员', '行政经理', null], ['司机', '行政经理', null]]);
  });

  const md = (lines: string[]) => detectRoles(markdownBlocks(lines.join('\n')), 'x.md');

  it('trade names no lexicon knows count when three or more of one shape each head a full description', () => {
    const roles = md(['# 后厨分工', '## 砧板', '- 切配原料', '- 备好小料', '## 水台', '- 宰杀活鲜', '- 清洗海鲜', '## 上什', '- 蒸制菜品', '- 管理蒸柜']);
    expect(roles.map((r) => [r.title, r.duties.length])).toEqual([['砧板', 2], ['水台', 2], ['上什', 2]]);
  });

  it('a run of items naming posts counts whole when most names read as posts', () => {
    const roles = md(['## 后勤处', '- 宿管员：负责学生宿舍管理', '- 门卫：负责校门出入登记', '- 保洁员：负责公共区域清洁']);
    expect(roles.map((r) => [r.title, r.department])).toEqual([['宿管员', '后勤处'], ['门卫', '后勤处'], ['保洁员', '后勤处']]);
  });

  it('a rule book names posts without describing them: no post from its sections or items', () => {
    expect(md(['# 员工考勤管理制度', '### 部门经理', '- 审批本部门请假', '- 每月核对考勤', '### 人事专员', '- 统计考勤数据', '- 发布考勤通报'])).toEqual([]);
    expect(md(['# 费用审批权限表', '1. 部门经理：负责审核本部门费用的真实性', '2. 财务经理：负责审核费用的合规性'])).toEqual([]);
  });

  it('sub-headings inside a post group its items or open sections that are not duties; its form is not a second post', () => {
    const roles = md(['## 一、质量经理', '### 1. 基本信息', '- 岗位名称：质量经理', '- 直接上级：生产副总经理', '### 2. 岗位职责', '1. 建立质量体系', '2. 组织质量审核',
      '### 3. 工作权限', '1. 不合格品判定权', '### 4. 工作关系', '- 内部协调：生产部', '## 二、化验员', '### 日常工作', '- 原料取样化验', '### 周期性工作', '- 每月校准仪器']);
    expect(roles.map((r) => [r.title, r.reportsTo, r.duties.length])).toEqual([['质量经理', '生产副总经理', 2], ['化验员', null, 2]]);
  });

  it('tags and ordinals before a name, bilingual labels, and a field ended by the next one', () => {
    const roles = md(['# 【急招】高级Java开发工程师（25-40K·14薪）', 'Reports to 汇报对象: 技术总监 CTO', '## 岗位职责', '- 负责核心系统开发', '- 参与架构设计',
      '# 岗位二：行政助理', '直接上级：行政经理 定编人数：2人', '## 岗位职责', '- 处理日常行政事务', '- 会议安排']);
    expect(roles.map((r) => [r.title, r.reportsTo])).toEqual([['高级Java开发工程师', '技术总监'], ['行政助理', '行政经理']]);
  });

  it('words that head documents (资料, 培训, 计划, 审核) still name posts when a job noun ends the name', () => {
    const roles = md(['# 项目部岗位', '## 资料员', '- 收集整理工程资料', '- 归档竣工资料', '## 培训专员', '- 组织新员工培训', '- 统计培训学时', '## 计划员', '- 编制生产计划', '- 跟踪计划完成']);
    expect(roles.map((r) => r.title)).toEqual(['资料员', '培训专员', '计划员']);
  });

  it('a table with a post per column; a form whose value spans the row is no such table', () => {
    const roles = md(['# 门店管理岗位对照表', '| 项目 | 店长 | 副店长 |', '|---|---|---|', '| 直接上级 | 区域经理 | 店长 |', '| 岗位职责 | 1. 经营目标达成<br>2. 人员管理 | 1. 协助店长<br>2. 排班考勤 |', '| 任职要求 | 三年经验 | 两年经验 |']);
    expect(roles.map((r) => [r.title, r.reportsTo, r.duties.length, r.requirements.length])).toEqual([['店长', '区域经理', 2, 1], ['副店长', '店长', 2, 1]]);
    const form = detectRoles(
      [{ kind: 'table', line: 1, endLine: 4, rows: [
        { line: 1, cells: [{ text: '岗位名称', rowspan: 1, colspan: 1 }, { text: '责任护士', rowspan: 1, colspan: 3 }] },
        { line: 2, cells: [{ text: '直接上级', rowspan: 1, colspan: 1 }, { text: '护士长', rowspan: 1, colspan: 3 }] },
        { line: 3, cells: [{ text: '工作职责', rowspan: 2, colspan: 1 }, { text: '1. 执行医嘱', rowspan: 1, colspan: 3 }] },
        { line: 4, cells: [{ text: '2. 健康宣教', rowspan: 1, colspan: 3 }] },
      ] }], 'x.html');
    expect(form.map((r) => [r.title, r.reportsTo, r.duties.length])).toEqual([['责任护士', '护士长', 2]]);
  });

  it('symbols and table numbers before a name, English-first bilingual names, a unit heading, a reporting sentence after the list', () => {
    const roles = md(['# 锦江湾酒店 餐饮部员工手册', '', '## ★ 迎宾员（10名）', '', '- 迎接客人', '- 引导入座', '', '迎宾员向中餐厅经理汇报。', '', '## Front Office Manager 前厅经理', '', '- 排班', '- 培训', '',
      '## Team: Platform', '', '### Site Reliability Engineer', '', "**You'll report to:** Head of Platform", '', '- Run the on-call rota', '- Keep the SLOs']);
    expect(roles.map((r) => [r.title, r.department, r.reportsTo, r.duties.length])).toEqual([
      ['迎宾员', '餐饮部', '中餐厅经理', 2], ['前厅经理', '餐饮部', null, 2], ['Site Reliability Engineer', 'Platform', 'Head of Platform', 2],
    ]);
    expect(roles[1].aliases).toEqual(['Front Office Manager']);
  });

  it('an unknown field line or a separator after the list ends the post', () => {
    const roles = detect(['岗位名称: 仓管员', '岗位职责:', '1. 收货入库', '2. 盘点库存', '编制人数: 2', '======', '共 1 条记录'].join('\n'));
    expect(roles.map((r) => [r.title, r.duties.length])).toEqual([['仓管员', 2]]);
  });

  it('the last numbered duty under a label is no name line; a post named only by its bold paragraph over a field table still is', () => {
    const text = ['馆藏部', '藏品保管员', '所属部门：藏品部', '岗位职责：', '1. 藏品出入库登记', '2. 库房温湿度记录', '3. 清点核对账目', '任职资格：文博专业本科。',
      '文物修复师', '所属部门：藏品部', '岗位职责：', '1. 病害调查和修复', '2. 编写修复档案', '3. 参与保护方案', '任职资格：文物保护专业。',
      '讲解员', '所属部门：社教部', '岗位职责：', '1. 定时讲解', '2. 编写讲解词', '任职资格：普通话二甲。'].join('\n');
    // (as a Word file gives them: a paragraph a line)
    const paragraphs = htmlBlocks(text.split('\n').map((l) => `<p>${l}</p>`).join('\n'));
    expect(detectRoles(paragraphs, 'x.docx').map((r) => [r.title, r.duties.length])).toEqual([['藏品保管员', 3], ['文物修复师', 3], ['讲解员', 2]]);
  });

  it('prose with a reporting clause before the work; an organisation is no unit; a hiring list is no post table; fields split at ·', () => {
    const prose = ['农业合作社岗位', '', '技术员在生产技术组组长领导下工作，主要负责讲解果树修剪技术，定期查看苗情。', '', '销售专员向合作社理事长汇报，负责联系超市和电商客户，签订销售合同。'];
    expect(detect(prose.join('\n')).map((r) => [r.title, r.reportsTo, r.duties.length])).toEqual([['技术员', '生产技术组组长', 1], ['销售专员', '合作社理事长', 1]]);
    expect(md(['# 微笑口腔诊所', '## 牙医助理', '- 准备器械', '- 消毒器械', '## 前台', '- 预约登记', '- 收费']).map((r) => r.department)).toEqual([null, null]);
    expect(md(['# 招聘会岗位', '| 单位名称 | 招聘岗位 | 人数 | 学历要求 |', '|---|---|---|---|', '| 新华书店 | 图书营业员 | 3 | 大专 |', '| 人民医院 | 护士 | 5 | 本科 |'])).toEqual([]);
    const dotted = md(['## Backend Engineer', '**Team:** Platform · **Reports to:** Engineering Manager · **Location:** Remote', '', '### Responsibilities', '- Build APIs', '- Review code']);
    expect(dotted.map((r) => [r.department, r.reportsTo])).toEqual([['Platform', 'Engineering Manager']]);
    // (a value holding a comma stays whole when the fields are separated by ·)
    const comma = md(['## Backend Engineer', '**Team:** Platform · **Reports to:** Engineering Manager, Platform', '', '### Responsibilities', '- Build APIs']);
    expect(comma.map((r) => [r.department, r.reportsTo])).toEqual([['Platform', 'Engineering Manager, Platform']]);
  });

  it('a name in brackets on its own line, two fields joined by ；, and ・ bullets', () => {
    const text = ['汽车销售服务公司岗位', '', '【销售顾问】', '所属部门：销售部；直接上级：销售经理。', '・接待到店客户', '・安排试乘试驾', '',
      '【服务顾问】', '所属部门：售后部；直接上级：售后经理。', '・接待维修客户', '・开具维修工单'].join('\n');
    expect(detect(text).map((r) => [r.title, r.department, r.reportsTo, r.duties.length])).toEqual([
      ['销售顾问', '销售部', '销售经理', 2], ['服务顾问', '售后部', '售后经理', 2],
    ]);
  });
});
