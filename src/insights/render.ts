/** Insights as HR reads them: console text (npm run insights) and markdown (the refresh report's section). */
import type { Insights } from './insights.js';
import type { LoadedInsights } from './load.js';

/** How many entries of each list the readable forms show (JSON has them all). */
export const SHOWN = { unanswered: 30, negative: 20, topRoles: 20, neverAsked: 40 } as const;

const more = (n: number, shown: number, say: (k: number) => string) => (n > shown ? [say(n - shown)] : []);
const roles = (rs: Array<{ title: string }>) => rs.map((r) => r.title).join('、') || '—';
/** Titles once each, with a count where several roles share one (same title in several documents). */
function distinctTitles(rs: Array<{ title: string }>): string[] {
  const n = new Map<string, number>();
  for (const r of rs) n.set(r.title, (n.get(r.title) ?? 0) + 1);
  return [...n].map(([t, k]) => (k > 1 ? `${t} ×${k}` : t));
}

function neverAskedLines(i: Insights, line: (titles: string[]) => string, rest: (k: number) => string): string[] {
  const titles = distinctTitles(i.neverAsked);
  return titles.length ? [line(titles.slice(0, SHOWN.neverAsked)), ...more(titles.length, SHOWN.neverAsked, rest)] : [];
}

export function renderInsightsText(l: LoadedInsights, days?: number): string {
  const i = l.insights;
  const out = [
    `提问记录${days ? `（最近 ${days} 天）` : ''}：${l.questions} 个问题，${l.votes} 条反馈。`,
    ...(l.indexError ? [`（索引无法读取，最接近的岗位取自记录，未提问岗位未列出：${l.indexError}）`] : []),
    '',
    `没有答案或答案较弱的问题（${i.unanswered.length} 组）：可补文档、别名或词表`,
    ...i.unanswered.slice(0, SHOWN.unanswered).map((u) => `  ${u.count} × ${u.question}    最接近：${roles(u.closest)}`),
    ...more(i.unanswered.length, SHOWN.unanswered, (k) => `  ……另有 ${k} 组（--json 查看全部）`),
    '',
    `被标记“不对”的回答（${i.negative.length} 组）`,
    ...i.negative.slice(0, SHOWN.negative).flatMap((n) => [`  ${n.count} × ${n.question}`, ...n.comments.map((c) => `      “${c.replace(/\s+/g, ' ')}”`)]),
    ...more(i.negative.length, SHOWN.negative, (k) => `  ……另有 ${k} 组`),
    '',
    `问得最多的岗位`,
    ...i.topRoles.slice(0, SHOWN.topRoles).map((r) => `  ${r.count} × ${r.title}（${r.id}）`),
    '',
    `从未被问到的岗位（${i.neverAsked.length} 个）`,
    ...neverAskedLines(i, (t) => `  ${t.join('、')}`, (k) => `  ……另有 ${k} 个名称`),
  ];
  return out.join('\n') + '\n';
}

/** Text inside markdown: one line, no markup of its own. */
const md = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*|<>_[\]])/g, '\\$1');

/** The "Questions people asked" section of the refresh report, as markdown lines. */
export function insightsMarkdown(l: LoadedInsights, days: number): string[] {
  const i: Insights = l.insights;
  const out = ['', `## Questions people asked (last ${days} days)`, '', `${l.questions} questions, ${l.votes} feedback votes. Full list: \`npm run insights\`.`];
  out.push('', `### No answer or a weak one (${i.unanswered.length})`, '');
  if (!i.unanswered.length) out.push('None.');
  for (const u of i.unanswered.slice(0, SHOWN.unanswered)) out.push(`- ${u.count} × “${md(u.question)}”: closest ${u.closest.map((r) => md(r.title)).join(', ') || 'none'}`);
  out.push('', `### Marked wrong (${i.negative.length})`, '');
  if (!i.negative.length) out.push('None.');
  for (const n of i.negative.slice(0, SHOWN.negative)) {
    out.push(`- ${n.count} × “${md(n.question)}”${n.comments.length ? `: ${n.comments.map((c) => `“${md(c)}”`).join('; ')}` : ''}`);
  }
  out.push('', '### Most asked roles', '');
  if (!i.topRoles.length) out.push('None yet.');
  for (const r of i.topRoles.slice(0, 10)) out.push(`- ${r.count} × ${md(r.title)}`);
  out.push('', `### Never asked about (${i.neverAsked.length})`, '');
  out.push(...(i.neverAsked.length ? neverAskedLines(i, (t) => t.map(md).join(', '), (k) => `… and ${k} more titles`) : ['None.']));
  return out;
}
