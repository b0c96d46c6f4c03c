/** Each structure check on documents that trigger it (with the document and line to fix) and on documents that must not. */
import { afterEach, describe, expect, it } from 'vitest';
import { finalizeRoles, type Role, type RoleDraft } from '../../src/roles/schema.js';
import { runRefresh } from '../../src/refresh/run.js';
import { findWarnings, SHARED_DUTY_MAX_TITLES, type Warning } from '../../src/refresh/warnings.js';
import { workspace, type Workspace } from './fixtures.js';

let ws: Workspace;
afterEach(() => ws?.cleanup());

/** One job description: title, optional superior and direct reports, numbered duties, then a blank line. */
function jd(title: string, boss: string | null, duties: string[], reports: string[] = []): string {
  return [`${title}岗位职责`, ...(boss ? [`直接上级：${boss}`] : []), ...(reports.length ? [`直接下属：${reports.join('、')}`] : []), ...duties.map((d, i) => `${i + 1}、${d}`), ''].join('\n');
}

/** Refresh a folder of documents and return its warnings of one kind. */
async function warnings(docs: Record<string, string[]>, kind: Warning['kind']) {
  ws = workspace();
  for (const [file, parts] of Object.entries(docs)) ws.write(file, parts.join('\n'));
  const r = await runRefresh({ dataDir: ws.docs, dbPath: ws.db, check: true });
  return r.warnings.filter((w) => w.kind === kind);
}

const where = (w: Warning) => ('roles' in w ? w.roles : [w.role]).map((r) => `${r.file}:${r.startLine} ${r.title}`);

describe('structure checks', () => {
  it('a reporting cycle (A → B → A), with each role\'s line; a chain that ends at a top is none', async () => {
    const cycle = await warnings({ 'a.txt': [jd('客服经理', '客服主管', ['负责客服部管理']), jd('客服主管', '客服经理', ['负责客服日常工作'])] }, 'cycle');
    expect(cycle.map(where)).toEqual([['a.txt:1 客服经理', 'a.txt:5 客服主管']]);
    expect(await warnings({ 'a.txt': [jd('总经理', null, ['负责公司管理']), jd('客服经理', '总经理', ['负责客服部管理']), jd('客服主管', '客服经理', ['负责客服日常工作'])] }, 'cycle')).toEqual([]);
  });

  it('a cycle across documents is found too', async () => {
    const cycle = await warnings({ 'a.txt': [jd('客服经理', '工程经理', ['负责客服部管理'])], 'b.txt': [jd('工程经理', '客服经理', ['负责工程部管理'])] }, 'cycle');
    expect(cycle.map(where)).toEqual([['a.txt:1 客服经理', 'b.txt:1 工程经理']]);
  });

  it('a role reporting to itself; reporting to another role is fine', async () => {
    const self = await warnings({ 'a.txt': [jd('总经理', null, ['负责公司管理']), jd('客服经理', '客服经理', ['负责客服部管理'])] }, 'selfReport');
    expect(self.map(where)).toEqual([['a.txt:4 客服经理']]);
    expect(await warnings({ 'a.txt': [jd('总经理', null, ['负责公司管理']), jd('客服经理', '总经理', ['负责客服部管理'])] }, 'selfReport')).toEqual([]);
  });

  it('a reportsTo that names no role, with the closest role names; alternatives, traditional script and other documents count as known', async () => {
    const unknown = await warnings({ 'a.txt': [jd('物业部主管', null, ['负责物业管理']), jd('保洁员', '物业主管', ['负责公共区域清洁'])] }, 'unknownReportsTo');
    expect(unknown).toEqual([expect.objectContaining({ reportsTo: '物业主管', closest: ['物业部主管'], role: expect.objectContaining({ file: 'a.txt', startLine: 4, title: '保洁员' }) })]);
    const known = await warnings(
      { 'a.txt': [jd('保洁员', '物业部主管/副主管', ['负责公共区域清洁']), jd('保安员', '總經理', ['负责门岗值守'])], 'b.txt': [jd('物业部主管', '总经理', ['负责物业管理']), jd('总经理', null, ['负责公司管理'])] },
      'unknownReportsTo',
    );
    expect(known).toEqual([]);
  });

  it('several top roles in a document that states reporting lines; one top, or a handbook of unrelated roles, is none', async () => {
    const dept = [jd('客服经理', null, ['负责客服部管理']), jd('客服主管', '客服经理', ['负责客服日常工作']), jd('客服专员', '客服主管', ['接待业主来访'])];
    const tops = await warnings({ 'a.txt': [...dept, jd('前台文员', null, ['接听电话'])] }, 'multipleTops');
    expect(tops.map(where)).toEqual([['a.txt:1 客服经理', 'a.txt:12 前台文员']]);
    expect(await warnings({ 'a.txt': [...dept, jd('前台文员', '客服经理', ['接听电话'])] }, 'multipleTops')).toEqual([]);
    // named as a direct report of the manager: not a top either
    expect(await warnings({ 'a.txt': [jd('客服经理', null, ['负责客服部管理'], ['前台文员']), jd('客服主管', '客服经理', ['负责客服日常工作']), jd('前台文员', null, ['接听电话'])] }, 'multipleTops')).toEqual([]);
    const handbook = [jd('会计', null, ['负责记账']), jd('出纳', null, ['负责现金收付']), jd('保安员', null, ['负责门岗值守']), jd('保洁员', '物业主管', ['负责清洁'])];
    expect(await warnings({ 'a.txt': handbook }, 'multipleTops')).toEqual([]);
  });

  it('the same title twice in one document with different duties; the same duties twice, or two titles, are none', async () => {
    const dup = await warnings({ 'a.txt': [jd('客服主管', null, ['负责客服日常工作']), jd('客服主管', null, ['负责投诉回访'])] }, 'duplicateInDocument');
    expect(dup).toEqual([expect.objectContaining({ title: '客服主管', file: 'a.txt' })]);
    expect(dup.map(where)).toEqual([['a.txt:1 客服主管', 'a.txt:4 客服主管']]);
    expect(await warnings({ 'a.txt': [jd('客服主管', null, ['负责客服日常工作']), jd('客服主管', null, ['负责客服日常工作'])] }, 'duplicateInDocument')).toEqual([]);
    expect(await warnings({ 'a.txt': [jd('客服主管', null, ['负责客服日常工作']), jd('客服经理', null, ['负责投诉回访'])] }, 'duplicateInDocument')).toEqual([]);
  });

  it('a duty word for word in roles of different titles; short, boilerplate and same-title lines are none', async () => {
    const line = '负责编制部门月度工作计划并报送审批';
    const shared = await warnings({ 'a.txt': [jd('客服主管', null, [line, '处理投诉'])], 'b.txt': [jd('工程主管', null, ['维修设备', line])] }, 'sharedDuty');
    expect(shared).toEqual([expect.objectContaining({ duty: line })]);
    expect(shared.map(where)).toEqual([['a.txt:1 客服主管', 'b.txt:1 工程主管']]);
    expect(await warnings({ 'a.txt': [jd('客服主管', null, ['值班巡查'])], 'b.txt': [jd('工程主管', null, ['值班巡查'])] }, 'sharedDuty')).toEqual([]);
    const boilerplate = '完成上级领导交办的其他工作任务';
    const many = Array.from({ length: SHARED_DUTY_MAX_TITLES + 1 }, (_, i) => jd(['会计', '出纳', '保安员', '保洁员', '前台文员', '司机'][i], null, [`负责第${i}项工作`, boilerplate]));
    expect(await warnings({ 'a.txt': many }, 'sharedDuty')).toEqual([]);
    expect(await warnings({ 'a.txt': [jd('客服主管', null, [line])], 'b.txt': [jd('客服主管', null, [line])] }, 'sharedDuty')).toEqual([]);
  });

  it('titles shared across documents: conflicting duties, or the same duties as a notice; both name the one the bot answers first', async () => {
    const conflict = await warnings({ 'a.txt': [jd('客服主管', null, ['处理投诉'])], 'b.txt': [jd('客服主管', '客服经理', ['处理投诉', '安排排班']), jd('客服经理', null, ['负责客服部管理'])] }, 'conflict');
    expect(conflict).toEqual([expect.objectContaining({ title: '客服主管', answeredFirst: expect.objectContaining({ file: 'b.txt', startLine: 1 }) })]);
    const notice = await warnings({ 'a.txt': [jd('保洁员', null, ['负责公共区域清洁'])], 'b.txt': [jd('保洁员', null, ['负责公共区域清洁'])] }, 'sharedTitle');
    expect(notice.map(where)).toEqual([['a.txt:1 保洁员', 'b.txt:1 保洁员']]);
    expect(notice[0]).toMatchObject({ answeredFirst: { file: 'a.txt' } });
    expect(await warnings({ 'a.txt': [jd('保洁员', null, ['负责公共区域清洁'])], 'b.txt': [jd('保安员', null, ['负责门岗值守'])] }, 'sharedTitle')).toEqual([]);
  });
});

describe('roles with no duties', () => {
  const role = (title: string, duties: string[]): Role => finalizeRoles([{ title, aliases: [], department: null, reportsTo: null, directReports: [], duties, requirements: [], source: { file: 'a.txt', startLine: 3, endLine: 4 } } as RoleDraft])[0];
  it('is flagged with its line; a role with duties is not', () => {
    expect(findWarnings([role('总经理', [])]).map(where)).toEqual([['a.txt:3 总经理']]);
    expect(findWarnings([role('总经理', ['负责公司管理'])])).toEqual([]);
  });
});
