/**
 * Posts without a name line: a form whose title label names the post (`岗位名称：`, `職稱：`, `Position:`), and
 * list items that each name a post and its work (`- 会计：负责日常账务处理`), when several sit together.
 */
import type { RoleDraft } from '../../roles/schema.js';
import { looksLikeName } from '../labels.js';
import { chinesePart, parseBody, valueItems } from './body.js';
import { draft, headName } from './draft.js';
import type { Unit } from './units.js';
import { looksLikeAnyTitle, looksLikeUnit } from './vocab.js';

/** Forms with a title label and no name line above: each title label starts a post. */
export function formRoles(units: Unit[], covered: Set<number>, file: string, deptAt: (string | null)[]): RoleDraft[] {
  const out: RoleDraft[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (covered.has(k) || u.label?.kind !== 'title' || !u.label.value) continue;
    const name = headName(chinesePart(u.label.value));
    if (!(looksLikeName(name.title) || looksLikeAnyTitle(name.title)) || looksLikeUnit(name.title)) continue;
    let end = k + 1;
    while (end < units.length && !covered.has(end) && units[end].label?.kind !== 'title' && !(units[end].kind === 'heading' && !units[end].label)) end++;
    const body = parseBody(units.slice(k + 1, end), name.title);
    const d = draft(file, name, body, u, units[k + body.used] ?? u, deptAt[k]);
    if (d) out.push(d);
    for (let j = k; j <= k + body.used; j++) covered.add(j);
  }
  return out;
}

const TITLED = /^([^:]{2,16}?)\s*:\s*(.{5,})$/;

/** `1. 会计：负责…` / `- 出纳：办理…`: items naming a post and its work, two or more in a row. */
export function itemRoles(units: Unit[], covered: Set<number>, file: string, deptAt: (string | null)[]): RoleDraft[] {
  const named = units.map((u, k) => {
    if (covered.has(k) || u.label || (u.kind !== 'item' && u.marker === 'none') || !u.text.includes(':')) return null;
    const m = TITLED.exec(u.text);
    // (a name, not a run-together heading such as `技术岗位1.高级工程师`)
    return m && /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ]{1,15}$/u.test(m[1].trim()) && looksLikeAnyTitle(m[1]) ? { title: m[1].trim(), work: m[2].trim() } : null;
  });
  const out: RoleDraft[] = [];
  named.forEach((n, k) => {
    if (!n || !(named[k - 1] || named[k + 1])) return;
    const name = headName(n.title);
    out.push({
      title: name.title,
      aliases: name.aliases,
      department: name.department ?? deptAt[k],
      reportsTo: null,
      directReports: [],
      duties: valueItems(n.work).flatMap((d) => d.split(/;(?!$)/)).map((d) => d.trim()).filter(Boolean),
      requirements: [],
      source: { file, startLine: units[k].line, endLine: units[k].endLine },
    });
    covered.add(k);
  });
  return out;
}
