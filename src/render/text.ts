/** Readable Chinese console text for an answer (the console and `npm run ask` without --json). */
import type { Answer, Evidence, Field, Ranked, ReportingLine, RoleLink } from '../answer/types.js';
import type { Role } from '../roles/schema.js';

export const FIELD_LABEL: Record<Field, string> = {
  reportsTo: '直属上级',
  department: '所属部门',
  directReports: '直接下属',
  duties: '岗位职责',
  requirements: '任职要求',
};

export const HELP_TEXT = [
  '可以这样问：',
  '  客服主管              查看岗位：职责、上级、下属、任职要求',
  '  谁负责处理业主投诉    按工作内容找负责的岗位',
  '  客服管家的上级是谁    只看某一项：上级 / 下属 / 部门 / 职责 / 任职要求',
  '  市场部的客服主管      同名岗位按部门或文档区分（也可写 客服主管（市场部））',
  '  2                     打开上一个回答里编号为 2 的岗位',
  '也支持拼音（kefuzhuguan）、首字母（kfzg）和繁体输入。',
].join('\n');

const source = (r: Role) => `${r.source.file} 第 ${r.source.startLine}–${r.source.endLine} 行`;
const link = (l: RoleLink) => (l.role ? `${l.name}（${l.role.department ?? source(l.role)}）` : l.name);
const numbered = (items: string[]) => items.map((d, i) => `  ${i + 1}. ${d}`);

/** Console width budget for one evidence line: scraped pages glue whole lists into one "duty". */
const EVIDENCE_CHARS = 160;

/** Evidence text with the matched words in 【】; a long line keeps a window from just before the first match. */
export function markEvidence(e: Evidence, max = EVIDENCE_CHARS): string {
  let start = 0;
  let end = e.text.length;
  if (end > max) {
    start = Math.max(0, (e.marks[0]?.[0] ?? 0) - 40);
    end = Math.min(e.text.length, start + max);
  }
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, t] of e.marks) {
    if (t <= at || s >= end) continue;
    const from = Math.max(s, at);
    const to = Math.min(t, end);
    out += e.text.slice(at, from) + '【' + e.text.slice(from, to) + '】';
    at = to;
  }
  return out + e.text.slice(at, end) + (end < e.text.length ? '…' : '');
}

function roleCard(r: Role, reporting: ReportingLine): string[] {
  const out = [`【${r.title}】${r.aliases.length ? `（又称：${r.aliases.join('、')}）` : ''}`];
  out.push(`部门：${r.department ?? '未注明'}`);
  out.push(`上级：${reporting.chain.length ? reporting.chain.map((l) => l.name).join(' → ') : (r.reportsTo ?? '未注明')}`);
  out.push(`下属：${reporting.directReports.length ? reporting.directReports.map(link).join('、') : '未注明'}`);
  out.push('岗位职责：', ...(r.duties.length ? numbered(r.duties) : ['  未注明']));
  if (r.requirements.length) out.push('任职要求：', ...numbered(r.requirements));
  out.push(`来源：${source(r)}`);
  return out;
}

/** Numbered from 2 (the answer itself is 1), so the console opens one by its number (see choices). */
function alternatives(alts: Ranked[]): string[] {
  if (!alts.length) return [];
  return ['', '其他同名或相近的岗位（输入编号查看）：', ...alts.map((a, i) => `  ${i + 2}. ${a.role.title}（${a.role.department ?? '部门未注明'}，${source(a.role)}）`)];
}

/** The roles an answer lists, in the order of their numbers in the text: the console's `2` opens the second. */
export function choices(a: Answer): Role[] {
  switch (a.kind) {
    case 'role':
    case 'field':
      return [a.best, ...a.alternatives].map((r) => r.role);
    case 'who':
      return a.hits.map((h) => h.role);
    case 'notFound':
      return a.suggestions.map((r) => r.role);
    case 'help':
      return [];
  }
}

export function renderText(a: Answer): string {
  switch (a.kind) {
    case 'help':
      return HELP_TEXT;
    case 'role':
      return [...roleCard(a.best.role, a.reporting), ...alternatives(a.alternatives)].join('\n');
    case 'field': {
      const r = a.best.role;
      const value = a.answer ? (a.answer.includes('\n') ? '\n' + a.answer : a.answer) : '文档中未注明';
      const lines = [`${r.title} 的${FIELD_LABEL[a.field]}：${value}`];
      if (a.field === 'reportsTo' && a.reporting.chain.length > 1) lines.push(`汇报线：${r.title} → ${a.reporting.chain.map((l) => l.name).join(' → ')}`);
      lines.push(`来源：${source(r)}`);
      return [...lines, ...alternatives(a.alternatives)].join('\n');
    }
    case 'who': {
      const lines = [`与「${a.topic}」相关的岗位：`];
      a.hits.forEach((h, i) => {
        lines.push(`${i + 1}. ${h.role.title}（${h.role.department ?? '部门未注明'}，${source(h.role)}）`);
        for (const e of h.evidence) lines.push(`     第 ${e.index + 1} 条职责：${markEvidence(e)}`);
      });
      return lines.join('\n');
    }
    case 'notFound': {
      const what = a.intent === 'who' ? `负责「${a.query}」的岗位` : `岗位「${a.query}」`;
      const lines = [`没有找到${what}。`];
      // numbered with department, so two roles sharing a title can be told apart and opened
      if (a.suggestions.length) lines.push('你是不是要找（输入编号查看）：', ...a.suggestions.map((s, i) => `  ${i + 1}. ${s.role.title}（${s.role.department ?? '部门未注明'}，${source(s.role)}）`));
      lines.push('输入 help 查看提问方式。');
      return lines.join('\n');
    }
  }
}
