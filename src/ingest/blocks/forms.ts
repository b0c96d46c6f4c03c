/**
 * Posts without a name line: a form whose title label names the post (`岗位名称：`, `職稱：`, `Position:`), and
 * list items that each name a post and its work (`- 会计：负责日常账务处理`), when several sit together.
 */
import type { RoleDraft } from '../../roles/schema.js';
import { looksLikeName } from '../labels.js';
import { parseBody } from './body.js';
import { chinesePart, valueItems } from './text.js';
import { draft, headName } from './draft.js';
import type { Unit } from './units.js';
import { looksLikeAnyTitle, looksLikeUnit, notAPost } from './vocab.js';

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
    // the next form's own heading line (`一、岗位基本情况`) is not this post's
    if (end < units.length && units[end].label?.kind === 'title' && end - 1 > k && headingLike(units[end - 1])) end--;
    const body = parseBody(units.slice(k + 1, end), name.title);
    const d = draft(file, name, body, u, units[k + body.used] ?? u, deptAt[k]);
    if (d) out.push(d);
    for (let j = k; j <= k + body.used; j++) covered.add(j);
  }
  return out;
}

const TITLED = /^([^:]{2,16}?)\s*:\s*(.{5,})$/;

/**
 * `1. 会计：负责…` / `- 出纳：办理…`: items naming a post and its work. Two or more in a row, judged together as name
 * lines are: a run most of whose names read as posts counts whole (`门卫` beside `宿管员`, `保洁员`).
 */
export function itemRoles(units: Unit[], covered: Set<number>, file: string, deptAt: (string | null)[]): RoleDraft[] {
  const named = units.map((u, k) => {
    if (covered.has(k) || u.label || (u.kind !== 'item' && u.marker === 'none') || !u.text.includes(':')) return null;
    const m = TITLED.exec(u.text);
    const title = m?.[1].trim() ?? '';
    // (a name, not a run-together heading such as `技术岗位1.高级工程师`)
    return m && /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ]{1,11}$/u.test(title) && !notAPost(title) && !looksLikeUnit(title)
      ? { title, work: m[2].trim(), post: looksLikeAnyTitle(title) }
      : null;
  });
  const out: RoleDraft[] = [];
  for (let k = 0; k < named.length; k++) {
    if (!named[k]) continue;
    let end = k;
    while (named[end + 1]) end++;
    const run = named.slice(k, end + 1) as NonNullable<(typeof named)[number]>[];
    if (run.length >= 2 && run.filter((n) => n.post).length >= 0.6 * run.length) {
      run.forEach((n, i) => {
        const name = headName(n.title);
        out.push({
          title: name.title,
          aliases: name.aliases,
          department: name.department ?? deptAt[k + i],
          reportsTo: null,
          directReports: [],
          duties: valueItems(n.work).flatMap((d) => d.split(/;(?!$)/)).map((d) => d.trim()).filter(Boolean),
          requirements: [],
          source: { file, startLine: units[k + i].line, endLine: units[k + i].endLine },
        });
        covered.add(k + i);
      });
    }
    k = end;
  }
  return out;
}

/** A short line that is no sentence and no label: a section heading. */
function headingLike(u: Unit): boolean {
  return !u.label && u.kind !== 'item' && ['none', 'cjk', 'chapter', 'decimal'].includes(u.marker) && u.text.length <= 20 && !/[。;,!?:]/.test(u.text);
}
