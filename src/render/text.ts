/** Readable Chinese console text for an answer (the console and `npm run ask` without --json). */
import type { Answer, Evidence, Field, Ranked, ReportingLine, RoleLink } from '../answer/types.js';
import type { Role } from '../roles/schema.js';
import { FIELD_LABELS, ui, understoodLine, type Lang } from './words.js';

export const FIELD_LABEL: Record<Field, string> = FIELD_LABELS.zh;
/** The role card's own shorter labels. */
const CARD_LABEL: Record<Field, string> = { department: '部门', reportsTo: '上级', directReports: '下属', duties: '岗位职责', requirements: '任职要求' };

export const HELP_TEXT = [
  '可以这样问：',
  '  客服主管              查看岗位：职责、上级、下属、任职要求',
  '  谁负责处理业主投诉    按工作内容找负责的岗位',
  '  客服管家的上级是谁    只看某一项：上级 / 下属 / 部门 / 职责 / 任职要求',
  '  市场部的客服主管      同名岗位按部门或文档区分（也可写 客服主管（市场部））',
  '  2                     打开上一个回答里编号为 2 的岗位',
  '也支持拼音（kefuzhuguan）、首字母（kfzg）和繁体输入。',
].join('\n');

export const HELP_TEXT_EN = [
  'You can ask:',
  '  cashier                               a role: duties, reporting line, requirements',
  '  who handles customer complaints?      the roles whose duties cover a task',
  '  who does the cashier report to?       one field: reports to / direct reports / department / duties / requirements',
  'Answers quote the documents as written.',
].join('\n');

let lang: Lang = 'zh';
const source = (r: Role) => `${r.source.file} ${ui(lang).lines(r.source.startLine, r.source.endLine)}`;
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
  const t = ui(lang);
  const L = lang === 'en' ? FIELD_LABELS.en : CARD_LABEL;
  const out = [`【${r.title}】${r.aliases.length ? `（${t.aka}：${r.aliases.join('、')}）` : ''}`];
  out.push(`${L.department}：${r.department ?? t.none}`);
  out.push(`${L.reportsTo}：${reporting.chain.length ? reporting.chain.map((l) => l.name).join(' → ') : (r.reportsTo ?? t.none)}`);
  out.push(`${L.directReports}：${reporting.directReports.length ? reporting.directReports.map(link).join('、') : t.none}`);
  out.push(`${L.duties}：`, ...(r.duties.length ? numbered(r.duties) : [`  ${t.none}`]));
  if (r.requirements.length) out.push(`${L.requirements}：`, ...numbered(r.requirements));
  out.push(`${t.source}：${source(r)}`);
  return out;
}

/** Numbered from 2 (the answer itself is 1), so the console opens one by its number (see choices). */
function alternatives(alts: Ranked[]): string[] {
  if (!alts.length) return [];
  return ['', ui(lang).othersNumbered, ...alts.map((a, i) => `  ${i + 2}. ${a.role.title}（${a.role.department ?? ui(lang).noDept}，${source(a.role)}）`)];
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

/** The answer as console text, labelled in the question's language, with what was understood on top. */
export function renderText(a: Answer): string {
  lang = a.lang ?? 'zh';
  const understood = understoodLine(a);
  const body = renderBody(a);
  return understood ? `（${understood}）\n${body}` : body;
}

function renderBody(a: Answer): string {
  const t = ui(lang);
  switch (a.kind) {
    case 'help':
      return lang === 'en' ? HELP_TEXT_EN : HELP_TEXT;
    case 'role':
      return [...roleCard(a.best.role, a.reporting), ...alternatives(a.alternatives)].join('\n');
    case 'field': {
      const r = a.best.role;
      const value = a.answer ? (a.answer.includes('\n') ? '\n' + a.answer : a.answer) : t.notStated;
      const lines = [lang === 'en' ? `${r.title} · ${FIELD_LABELS.en[a.field]}: ${value}` : `${r.title} 的${FIELD_LABEL[a.field]}：${value}`];
      if (a.field === 'reportsTo' && a.reporting.chain.length > 1) lines.push(`${t.chain}：${r.title} → ${a.reporting.chain.map((l) => l.name).join(' → ')}`);
      lines.push(`${t.source}：${source(r)}`);
      return [...lines, ...alternatives(a.alternatives)].join('\n');
    }
    case 'who': {
      const lines = [t.related(a.topic)];
      a.hits.forEach((h, i) => {
        lines.push(`${i + 1}. ${h.role.title}（${h.role.department ?? t.noDept}，${source(h.role)}）`);
        for (const e of h.evidence) lines.push(`     ${t.duty(e.index + 1)}：${markEvidence(e)}`);
      });
      return lines.join('\n');
    }
    case 'notFound': {
      const lines = [a.intent === 'who' ? t.notFoundWho(a.query) : t.notFoundRole(a.query)];
      // numbered with department, so two roles sharing a title can be told apart and opened
      if (a.suggestions.length) lines.push(t.didYouMeanNumbered, ...a.suggestions.map((s, i) => `  ${i + 1}. ${s.role.title}（${s.role.department ?? t.noDept}，${source(s.role)}）`));
      lines.push(t.help);
      return lines.join('\n');
    }
  }
}
