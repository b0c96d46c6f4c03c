/** A small index built from hand-written role records in a temp dir (no ingest involved). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import { finalizeRoles, type RoleDraft } from '../../src/roles/schema.js';
import { writeIndex } from '../../src/store/db.js';

type Draft = Partial<RoleDraft> & { title: string; file: string; line: number };

export function role(d: Draft): RoleDraft {
  return {
    title: d.title,
    aliases: d.aliases ?? [],
    department: d.department ?? null,
    reportsTo: d.reportsTo ?? null,
    directReports: d.directReports ?? [],
    duties: d.duties ?? [],
    requirements: d.requirements ?? [],
    source: { file: d.file, startLine: d.line, endLine: d.line + 5 },
  };
}

const A = 'a.txt';
const B = 'b.txt';

export const FIXTURE: RoleDraft[] = [
  role({ file: A, line: 1, title: '物业经理', department: '物业部', reportsTo: '总经理', duties: ['全面负责物业管理工作', '审批部门预算'] }),
  role({ file: A, line: 10, title: '客服部主管', department: '客服部', reportsTo: '物业经理', directReports: ['客服管家'], duties: ['负责处理业主投诉，跟进投诉回访', '安排客服前台排班'], requirements: ['大专及以上学历', '三年以上物业客服经验'] }),
  role({ file: A, line: 20, title: '客服管家', department: '客服部', reportsTo: '客服部主管', duties: ['负责物业费催缴工作', '定期走访业主，收集意见'] }),
  role({ file: A, line: 30, title: '房管专员', department: '客服部', reportsTo: '客服部主管', duties: ['办理业主入住和装修手续', '协助催交物业费'] }),
  role({ file: A, line: 40, title: '环境管理主管', department: '环境部', reportsTo: '物业经理', duties: ['负责保洁、绿化工作的检查', '垃圾清运的监督'] }),
  role({ file: A, line: 50, title: '仓管员', department: '行政部', duties: ['物料出入库登记', '月度盘点库存'] }),
  role({ file: A, line: 60, title: '招聘专员', department: '人力资源部', reportsTo: '人力资源经理', duties: ['负责员工招聘、面试安排', '维护招聘渠道'] }),
  role({ file: A, line: 70, title: '技术客户经理', aliases: ['TAM'], duties: ['为大客户提供技术支持'] }),
  role({ file: A, line: 80, title: '客服中心座席班长', aliases: ['座席班长'], duties: ['工单的审核和派送', '座席代表排班'] }),
  // the same title in two documents: two roles, never merged
  role({ file: A, line: 90, title: '会计', department: '财务部', reportsTo: '财务经理', duties: ['记账、编制凭证'], requirements: ['会计专业本科'] }),
  role({ file: B, line: 5, title: '会计', department: '财务中心', duties: ['成本核算', '税务申报', '编制月度报表'] }),
  role({ file: B, line: 20, title: '財務經理', department: '财务中心', duties: ['审核财务报表'] }),
  role({ file: B, line: 30, title: '物业管家', aliases: ['客服管家'], department: '客户服务中心', duties: ['日常巡楼'] }),
];

export function buildFixtureIndex(drafts: RoleDraft[] = FIXTURE): { dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolebot-search-'));
  const dbPath = path.join(dir, 'roles.db');
  const roles = finalizeRoles(drafts);
  const files = [...new Set(roles.map((r) => r.source.file))];
  const documents = files.map((file) => ({ file, sha256: file, size: 1, status: 'ok' as const, reason: null, roles: roles.filter((r) => r.source.file === file).length }));
  writeIndex(dbPath, { documents, roles });
  return { dbPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Registers beforeAll/afterAll around a describe block or file: an answerer over these records (the fixture's by default). */
export function useFixtureAnswerer(drafts: RoleDraft[] | (() => RoleDraft[]) = FIXTURE): () => ReturnType<typeof openAnswerer> {
  let fx: ReturnType<typeof buildFixtureIndex>;
  let bot: ReturnType<typeof openAnswerer>;
  beforeAll(() => {
    fx = buildFixtureIndex(typeof drafts === 'function' ? drafts() : drafts);
    bot = openAnswerer(fx.dbPath);
  });
  afterAll(() => {
    bot.close();
    fx.cleanup();
  });
  return () => bot;
}
