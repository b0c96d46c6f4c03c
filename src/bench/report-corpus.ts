/**
 * A refresh result of any size for timing and testing the report: documents of ~50 roles each, every one a
 * reporting tree (heads report to the top role of the first document, across documents), with the problems
 * the structure checks look for planted a few times, and a previous index that differs in some roles.
 * Deterministic for a seed.
 */
import { finalizeRoles, type Role, type RoleDraft } from '../roles/schema.js';
import { diffRoles } from '../refresh/diff.js';
import type { RefreshResult, TrackedWarning } from '../refresh/run.js';
import { findWarnings, warningKey } from '../refresh/warnings.js';
import { createRng } from './random.js';

const DEPARTMENTS = ['客服', '工程', '财务', '人力资源', '安保', '保洁', '绿化', '市场', '采购', '行政', '品质', '信息'];
const LEVELS = ['经理', '主管', '领班', '专员', '助理', '管理员'];
const VERBS = ['负责', '组织', '协助', '监督', '统计', '检查'];
const OBJECTS = ['业主投诉处理', '设备巡检记录', '月度预算编制', '员工培训计划', '公共区域清洁', '来访人员登记', '合同归档管理', '供应商评估', '绿化养护方案', '消防安全检查'];
const PER_DOCUMENT = 50;
/** Children per role in a document's tree. */
const FAN_OUT = 4;

export function reportCorpus(n: number, seed = 7): RefreshResult {
  const rng = createRng(seed);
  const docs = Math.max(1, Math.ceil(n / PER_DOCUMENT));
  const drafts: RoleDraft[][] = [];
  let made = 0;
  for (let d = 0; d < docs; d++) {
    const file = `${DEPARTMENTS[d % DEPARTMENTS.length]}/岗位说明书-${String(d + 1).padStart(4, '0')}.docx`;
    const count = Math.min(PER_DOCUMENT, n - made);
    const titles: string[] = [];
    const list: RoleDraft[] = [];
    for (let k = 0; k < count; k++) {
      const dept = DEPARTMENTS[(d + Math.floor(k / 7)) % DEPARTMENTS.length];
      const title = d === 0 && k === 0 ? '总经理' : `${dept}部${LEVELS[Math.min(LEVELS.length - 1, Math.floor(Math.log(k + 1) / Math.log(FAN_OUT)) + (k % 2))]}${d + 1}-${k + 1}`;
      titles.push(title);
      const duties = Array.from({ length: rng.int(3, 8) }, (_, j) => `${VERBS[(k + j) % VERBS.length]}${rng.pick(OBJECTS)}，第${j + 1}项（${title}）`);
      const boss = k === 0 ? (d === 0 ? null : '总经理') : titles[Math.floor((k - 1) / FAN_OUT)];
      list.push({ title, aliases: [], department: `${dept}部`, reportsTo: boss, directReports: [], duties, requirements: ['大专及以上学历'], source: { file, startLine: 1 + k * 12, endLine: 10 + k * 12 } });
    }
    made += count;
    drafts.push(list);
  }
  // Plant each problem every ~10 documents: a cycle, a role reporting to itself, an unknown superior,
  // a title twice in one document, a duty shared word for word.
  for (let d = 1; d < drafts.length; d += 10) {
    const list = drafts[d];
    if (list.length < 8) continue;
    list[2].reportsTo = list[5].title;
    list[5].reportsTo = list[2].title;
    list[6].reportsTo = list[6].title;
    list[7].reportsTo = `${list[7].department}总监`;
    list.push({ ...list[3], duties: ['临时顶岗'], source: { ...list[3].source, startLine: 900, endLine: 905 } });
    list[4].duties.push(list[3].duties[0]);
  }
  return refreshResultOf(drafts.flatMap((list) => finalizeRoles(list)));
}

/** A previous index for roles: about 1 % of them missing, another 1 % with other duties. */
export function previousOf(roles: Role[]): Role[] {
  return roles.filter((_, i) => i % 97 !== 5).map((r, i) => (i % 89 === 3 ? { ...r, duties: [...r.duties.slice(1), '旧的职责'] } : r));
}

/**
 * A refresh result around any roles, as runRefresh would report it: warnings (new vs the previous index)
 * and a diff against a previous index that lacks about 1 % of the roles and has other duties in another 1 %.
 */
export function refreshResultOf(roles: Role[]): RefreshResult {
  const previous = previousOf(roles);
  const oldKeys = new Set(findWarnings(previous).map(warningKey));
  const warnings = findWarnings(roles).map((w): TrackedWarning => {
    const key = warningKey(w);
    return { ...w, key, isNew: !oldKeys.has(key) };
  });
  const keys = new Set(warnings.map((w) => w.key));
  const byFile = new Map<string, string[]>();
  for (const r of roles) {
    const list = byFile.get(r.source.file);
    if (list) list.push(r.title);
    else byFile.set(r.source.file, [r.title]);
  }
  const files = [...byFile.keys()];
  return {
    dataDir: 'docs',
    dbPath: 'rolebot.db',
    check: false,
    startedAt: new Date(Date.UTC(2026, 0, 5, 9, 30)).toISOString(),
    durationMs: 1234,
    previous: { path: 'rolebot.db', exists: true, builtAt: null, documents: files.length, roles: previous.length, error: null, sameExtractor: true, warningsRecorded: true },
    documents: files.map((file) => {
      const titles = byFile.get(file)!;
      return { file, sha256: '', size: 0, status: 'ok' as const, reason: null, roles: titles.length, change: 'unchanged' as const, reused: true, format: 'docx', titles };
    }),
    deletedDocuments: [],
    roles,
    diff: diffRoles(previous, roles),
    warnings,
    resolvedWarnings: [...oldKeys].filter((k) => !keys.has(k)).length,
    written: true,
    notWritten: null,
    exitCode: 0,
  };
}
