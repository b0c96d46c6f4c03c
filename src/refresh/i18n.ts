/** The report's words in Chinese (default: what HR, the bot and the documents speak) and English (--lang en). */
import { NO_ROLE_HOW } from '../ingest/unread.js';
import type { ComparedField, RoleRef } from './diff.js';
import type { Warning, WarningKind } from './warnings.js';

export type Lang = 'zh' | 'en';
export const LANGS = ['zh', 'en'] as const;

/** Inline text with an optional bold lead ("客服主管" then the rest), escaped by each renderer. */
export type Line = { strong?: string; text: string };

export type Words = {
  reportTitle(when: string): string;
  updated: string;
  notUpdated(why: string): string;
  checkOnly: string;
  failedSaved: string;
  summary: string;
  documents(read: number, skipped: number, total: number, unchanged: number): string;
  roles(total: number, added: number, removed: number, changed: number, previous: string): string;
  rolesKept(previous: string): string;
  warnings(fresh: number, open: number, resolved: number, notices: number, recorded: boolean): string;
  took(seconds: number): string;
  folder(dir: string): string;
  noPrevious: string;
  unreadable: string;
  extractorChanged: string;
  previousError(e: string): string;
  documentsHeading: string;
  docHead: [string, string, string];
  docResult(change: string): string;
  skipped(reason: string): string;
  removedFromFolder: string;
  noRoleFound: string;
  glossaryHeading: string;
  /** a document with text but no post: what the reader saw, and how to make it readable */
  noRoleSeen: (seen: string) => string;
  more(n: number): string;
  changesHeading: string;
  notApplied: string;
  noChange: string;
  added: string;
  removed: string;
  changed: string;
  field: Record<ComparedField, string>;
  none: string;
  sameItemsNewOrder: string;
  listCounts(added: number, removed: number): string;
  warningsHeading: string;
  noWarnings: string;
  newTag: string;
  kind: Record<WarningKind, string>;
  at(r: Pick<RoleRef, 'file' | 'startLine'>): string;
  line(n: number): string;
  warning(w: Warning): Line;
  search: string;
  roleHead: [string, string, string, string, string];
  orgHeading: string;
  crossDocuments: string;
  legend: { cycle: string; unknown: string; self: string };
  count(n: number, what: 'roles' | 'documents' | 'warnings'): string;
};

/** Roles named in one warning line; the JSON report lists them all. */
const FEW = 8;
/** The first FEW items, and how many more (a title shared by 30 documents stays one readable line). */
const list = (xs: string[], sep: string, more = '') => (xs.length > FEW ? `${xs.slice(0, FEW).join(sep)}${sep}${more.replace('{n}', String(xs.length - FEW))}` : xs.join(sep));

const zh: Words = {
  reportTitle: (when) => `岗位索引更新报告（${when} UTC）`,
  updated: '索引已更新',
  notUpdated: (why) => `索引未更新（${why}），继续使用原来的索引`,
  checkOnly: '仅检查（--check）：没有写入任何文件，继续使用原来的索引',
  failedSaved: '这次失败的报告另存为 .report.failed.*；上一次成功的报告保持不变。',
  summary: '摘要',
  documents: (read, skipped, total, unchanged) => `文档：读取 ${read} 个，跳过 ${skipped} 个（共 ${total} 个，其中 ${unchanged} 个未改动）`,
  roles: (total, added, removed, changed, previous) => `岗位：${total} 个（上次 ${previous}）；新增 ${added}，删除 ${removed}，修改 ${changed}`,
  rolesKept: (previous) => `岗位：未更新，仍是上次的 ${previous} 个`,
  warnings: (fresh, open, resolved, notices, recorded) =>
    `警告：新出现 ${fresh} 条，仍未解决 ${open} 条，已解决 ${resolved} 条` + (notices ? `；另有提示 ${notices} 条` : '') + (recorded ? '' : '（上次运行没有记录警告，全部算作新出现）'),
  took: (s) => `用时 ${s.toFixed(1)} 秒`,
  folder: (dir) => `文档目录：${dir}`,
  noPrevious: '无',
  unreadable: '无法读取',
  extractorChanged: '注意：提取规则自上次以来有变化（或上次索引由其他方式建立），所有文档都重新读取了。',
  previousError: (e) => `注意：无法读取上次的索引（${e}），所有岗位都算作新增。`,
  documentsHeading: '文档',
  docHead: ['文档', '结果', '岗位'],
  docResult: (c) => `已读取（${{ new: '新文档', changed: '有改动', unchanged: '未改动' }[c] ?? c}）`,
  skipped: (reason) => `跳过：${reason}`,
  removedFromFolder: '已从目录中删除',
  noRoleFound: '0（没有找到岗位）',
  glossaryHeading: '公司词表',
  noRoleSeen: (seen) =>
    `0：没有找到岗位。读到的开头：${seen}。要让它可读：每个岗位一个标题或单独一行（如“会计”），下面列出职责（或用“岗位职责：”“任职要求：”标注），或用表头写明“岗位”和“职责”的表格`,
  more: (n) => `等，另有 ${n} 个`,
  changesHeading: '与上次索引相比的变更',
  notApplied: '索引没有更新，以下变更都没有生效。',
  noChange: '没有岗位变化。',
  added: '新增',
  removed: '删除',
  changed: '修改',
  field: { title: '岗位名称', aliases: '别名', department: '部门', reportsTo: '上级', directReports: '直接下属', duties: '职责', requirements: '任职要求' },
  none: '（无）',
  sameItemsNewOrder: '内容相同，顺序有变',
  listCounts: (a, r) => `新增 ${a} 条，删除 ${r} 条`,
  warningsHeading: '警告',
  noWarnings: '没有警告。',
  newTag: '新',
  kind: {
    cycle: '汇报关系成环',
    selfReport: '上级写成了自己',
    unknownReportsTo: '上级不是任何文档中的岗位',
    multipleTops: '一个文档里有多个最高岗位',
    duplicateInDocument: '同一文档内同名岗位职责不同',
    conflict: '同名岗位在不同文档中职责不同：请确认哪份正确',
    sharedDuty: '多个岗位有逐字相同的职责：到底由谁负责？',
    noDuties: '没有职责的岗位',
    sharedTitle: '提示：多个文档中的同名岗位（机器人先回答哪一个）',
  },
  at: (r) => `${r.file} 第 ${r.startLine} 行`,
  line: (n) => `第 ${n} 行`,
  warning: (w) => {
    const at = zh.at;
    switch (w.kind) {
      case 'cycle':
        return { strong: w.roles[0].title, text: `汇报关系成环：${[...w.roles.map((r) => `${r.title}（${at(r)}）`), w.roles[0].title].join(' → ')}` };
      case 'selfReport':
        return { strong: w.role.title, text: `（${at(w.role)}）的上级写成了“${w.reportsTo}”，即它自己` };
      case 'unknownReportsTo':
        return { strong: w.role.title, text: `（${at(w.role)}）的上级“${w.reportsTo}”不是任何文档中的岗位` + (w.closest.length ? `；最接近的岗位：${w.closest.join('、')}` : '') };
      case 'multipleTops':
        return { strong: w.file, text: `有 ${w.roles.length} 个没有上级的岗位：${list(w.roles.map((r) => `${r.title}（第 ${r.startLine} 行）`), '、', '另有 {n} 个')}` };
      case 'duplicateInDocument':
        return { strong: w.title, text: `在 ${w.file} 中出现 ${w.roles.length} 次，职责不同：${list(w.roles.map((r) => `第 ${r.startLine} 行（${r.duties} 条职责）`), '；', '另有 {n} 处')}` };
      case 'conflict':
        return { strong: w.title, text: `职责不同：${list(w.roles.map((r) => `${at(r)}（${r.duties} 条职责）`), '；', '另有 {n} 处')}。机器人先回答 ${at(w.answeredFirst)} 的版本` };
      case 'sharedDuty':
        return { strong: `“${w.duty}”`, text: `逐字出现在：${list(w.roles.map((r) => `${r.title}（${at(r)}）`), '、', '另有 {n} 处')}` };
      case 'noDuties':
        return { strong: w.role.title, text: `（${at(w.role)}）没有找到职责` };
      case 'sharedTitle':
        return { strong: w.title, text: `出现在 ${w.roles.length} 个文档中（职责相同）：${list(w.roles.map(at), '；', '另有 {n} 处')}。机器人先回答 ${at(w.answeredFirst)} 的版本` };
    }
  },
  search: '搜索岗位、部门、文档……',
  roleHead: ['岗位', '部门', '上级', '职责', '位置'],
  orgHeading: '汇报结构',
  crossDocuments: '跨文档的汇报关系',
  legend: { cycle: '汇报成环', unknown: '上级不存在', self: '上级是自己' },
  count: (n, what) => `${n} ${{ roles: '个岗位', documents: '个文档', warnings: '条警告' }[what]}`,
};

const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const en: Words = {
  reportTitle: (when) => `Role index refresh, ${when} UTC`,
  updated: 'Index updated',
  notUpdated: (why) => `Index NOT updated (${why}); the previous index keeps serving`,
  checkOnly: 'Check only (--check): nothing was written; the previous index keeps serving',
  failedSaved: 'This failed run\'s report is saved as .report.failed.*; the last good report is left as it was.',
  summary: 'Summary',
  documents: (read, skipped, total, unchanged) => `Documents: ${read} read, ${skipped} skipped (${total} found, ${unchanged} unchanged)`,
  roles: (total, added, removed, changed, previous) => `Roles: ${total} (previous index: ${previous}); ${added} added, ${removed} removed, ${changed} changed`,
  rolesKept: (previous) => `Roles: not updated, still the previous ${previous}`,
  warnings: (fresh, open, resolved, notices, recorded) =>
    `Warnings: ${fresh} new, ${open} still open, ${resolved} resolved` + (notices ? `; ${s(notices, 'notice')}` : '') + (recorded ? '' : ' (the previous run recorded none, so all count as new)'),
  took: (sec) => `Took ${sec.toFixed(1)} s`,
  folder: (dir) => `Documents folder: ${dir}`,
  noPrevious: 'none',
  unreadable: 'unreadable',
  extractorChanged: 'Note: the extraction rules changed since the previous index (or it was built another way), so every document was read again.',
  previousError: (e) => `Note: the previous index could not be read (${e}), so every role counts as added.`,
  documentsHeading: 'Documents',
  docHead: ['Document', 'Result', 'Roles found'],
  docResult: (c) => (c === 'unchanged' ? 'indexed (unchanged)' : `indexed (${c})`),
  skipped: (reason) => `skipped: ${reason}`,
  removedFromFolder: 'removed from the folder',
  noRoleFound: '0 (no role found)',
  glossaryHeading: 'Glossary',
  noRoleSeen: (seen) =>
    `0: no role found; it starts with ${seen}. ${NO_ROLE_HOW[0].toUpperCase()}${NO_ROLE_HOW.slice(1)}`,
  more: (n) => `and ${n} more`,
  changesHeading: 'Changes since the previous index',
  notApplied: 'The index was not updated: none of these changes took effect.',
  noChange: 'No role changed.',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  field: { title: 'title', aliases: 'aliases', department: 'department', reportsTo: 'reports to', directReports: 'direct reports', duties: 'duties', requirements: 'requirements' },
  none: '(none)',
  sameItemsNewOrder: 'same items, new order',
  listCounts: (a, r) => `${a} added, ${r} removed`,
  warningsHeading: 'Warnings',
  noWarnings: 'None.',
  newTag: 'new',
  kind: {
    cycle: 'Reporting cycles',
    selfReport: 'Reporting to itself',
    unknownReportsTo: 'Reporting to a role that exists nowhere',
    multipleTops: 'Several top roles in one document',
    duplicateInDocument: 'Same title twice in one document, different duties',
    conflict: 'Same title, different duties: decide which document is right',
    sharedDuty: 'The same duty word for word in several roles: who owns it?',
    noDuties: 'Roles with no duties',
    sharedTitle: 'Notice: titles in several documents (which one the bot answers first)',
  },
  at: (r) => `${r.file} line ${r.startLine}`,
  line: (n) => `line ${n}`,
  warning: (w) => {
    const at = en.at;
    switch (w.kind) {
      case 'cycle':
        return { strong: w.roles[0].title, text: `reporting cycle: ${[...w.roles.map((r) => `${r.title} (${at(r)})`), w.roles[0].title].join(' → ')}` };
      case 'selfReport':
        return { strong: w.role.title, text: `(${at(w.role)}) reports to “${w.reportsTo}”, itself` };
      case 'unknownReportsTo':
        return { strong: w.role.title, text: `(${at(w.role)}) reports to “${w.reportsTo}”, which is no role in any document` + (w.closest.length ? `; closest: ${w.closest.join(', ')}` : '') };
      case 'multipleTops':
        return { strong: w.file, text: `has ${w.roles.length} roles with no superior: ${list(w.roles.map((r) => `${r.title} (line ${r.startLine})`), ', ', '{n} more')}` };
      case 'duplicateInDocument':
        return { strong: w.title, text: `appears ${w.roles.length} times in ${w.file} with different duties: ${list(w.roles.map((r) => `line ${r.startLine} (${s(r.duties, 'duty', 'duties')})`), '; ', '{n} more')}` };
      case 'conflict':
        return { strong: w.title, text: `has different duties in: ${list(w.roles.map((r) => `${at(r)} (${s(r.duties, 'duty', 'duties')})`), '; ', '{n} more')}. The bot answers ${at(w.answeredFirst)} first` };
      case 'sharedDuty':
        return { strong: `“${w.duty}”`, text: `is a duty of: ${list(w.roles.map((r) => `${r.title} (${at(r)})`), ', ', '{n} more')}` };
      case 'noDuties':
        return { strong: w.role.title, text: `(${at(w.role)}): no duties found` };
      case 'sharedTitle':
        return { strong: w.title, text: `is in ${w.roles.length} documents (same duties): ${list(w.roles.map(at), '; ', '{n} more')}. The bot answers ${at(w.answeredFirst)} first` };
    }
  },
  search: 'Search roles, departments, documents…',
  roleHead: ['Role', 'Department', 'Reports to', 'Duties', 'Where'],
  orgHeading: 'Reporting structure',
  crossDocuments: 'Reporting lines across documents',
  legend: { cycle: 'in a cycle', unknown: 'unknown superior', self: 'reports to itself' },
  count: (n, what) => s(n, { roles: 'role', documents: 'document', warnings: 'warning' }[what]),
};

export const WORDS: Record<Lang, Words> = { zh, en };
