/**
 * `<db>.report.html`: one self-contained page (inline style and script, a CSP that forbids loading anything)
 * with the summary, a role search, each document's roles, the reporting structure drawn as SVG, the warnings
 * by kind and the changes as a visual diff. Every piece of document text is HTML-escaped.
 */
import { diffChars } from 'diff';
import type { Role } from '../roles/schema.js';
import type { FieldChange } from './diff.js';
import { CSS, SCRIPT } from './html-assets.js';
import { WORDS, type Lang, type Line } from './i18n.js';
import { buildOrg, type Org } from './org.js';
import { esc, forest, renderForestSvg } from './orgchart.js';
import { failed, outcomeLine, summaryOf, titlesText } from './outline.js';
import type { RefreshResult } from './run.js';
import { GLUED } from './terminal.js';
import { WARNING_KINDS } from './warnings.js';
import { noRoleText } from './unread-text.js';

/** Documents with more roles than this start with their chart folded (the page stays quick to scan). */
const OPEN_CHART_MAX = 150;

const PAGE = {
  zh: { roles: '岗位', shown: '显示 {n} / {total} 个岗位', noReporting: '没有写明汇报关系的文档：', changes: '变更', documents: '文档', warnings: '警告', org: '汇报结构', problems: '个问题节点', external: '其他文档的岗位', unlinked: (n: number) => `另有 ${n} 个岗位没有写明汇报关系（见上方岗位表）。` },
  en: { roles: 'Roles', shown: 'Showing {n} of {total} roles', noReporting: 'Documents stating no reporting lines: ', changes: 'Changes', documents: 'Documents', warnings: 'Warnings', org: 'Reporting structure', problems: 'problem nodes', external: 'role in another document', unlinked: (n: number) => `${n} more roles state no reporting line (see the roles table above).` },
} as const;

const line = (l: Line) => (l.strong ? `<b>${esc(l.strong)}</b>${GLUED.test(l.text) || !l.text ? '' : ' '}` : '') + esc(l.text);
const searchText = (r: Role) => [r.title, ...r.aliases, r.department ?? '', r.reportsTo ?? '', r.source.file].join(' ').toLowerCase();

function groupByFile(roles: Role[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  roles.forEach((r, i) => {
    const list = m.get(r.source.file);
    if (list) list.push(i);
    else m.set(r.source.file, [i]);
  });
  return m;
}

function summaryCards(r: RefreshResult, lang: Lang): string {
  const s = summaryOf(r);
  const w = WORDS[lang];
  const card = (title: string, n: number, sub: string) => `<div class="card"><h2>${esc(title)}</h2><div class="n">${n}</div><div class="sub">${esc(sub)}</div></div>`;
  const [docs, roles, warns] = lang === 'zh' ? ['文档', '岗位', '警告'] : ['Documents', 'Roles', 'Warnings'];
  return `<div class="cards">${[
    card(docs, s.documents.read, w.documents(s.documents.read, s.documents.skipped, s.documents.found, s.documents.unchanged).replace(/^[^:：]*[:：]\s*/, '')),
    card(roles, s.roles.total, `+${s.roles.added} −${s.roles.removed} ~${s.roles.changed}`),
    card(warns, s.warnings.new + s.warnings.open, w.warnings(s.warnings.new, s.warnings.open, s.warnings.resolved, s.warnings.notices, r.previous.warningsRecorded).replace(/^[^:：]*[:：]\s*/, '')),
  ].join('')}</div>`;
}

function rolesSection(r: RefreshResult, org: Org, byFile: Map<string, number[]>, lang: Lang): string {
  const w = WORDS[lang];
  const p = PAGE[lang];
  const docs = [...byFile].map(([file, idx]) => {
    const rows = idx.map((i) => {
      const role = org.roles[i];
      const marks = [org.inCycle.has(i) ? `<span class="tag cycle">${esc(w.legend.cycle)}</span>` : '', org.self[i] ? `<span class="tag self">${esc(w.legend.self)}</span>` : '', org.unknown[i] ? `<span class="tag unknown">${esc(w.legend.unknown)}</span>` : ''].join('');
      const aka = role.aliases.length ? ` <span class="aka">${esc(role.aliases.join(' / '))}</span>` : '';
      return `<tr class="role" id="r-${esc(role.id)}" data-q="${esc(searchText(role))}"><td>${esc(role.title)}${aka}</td><td>${esc(role.department ?? '')}</td><td>${marks}${esc(role.reportsTo ?? '')}</td><td class="num">${role.duties.length}</td><td>${esc(w.line(role.source.startLine))}</td></tr>`;
    });
    return `<div class="doc" data-file="${esc(file)}"><h3>${esc(file)} <span class="muted">${esc(w.count(idx.length, 'roles'))}</span></h3><table><thead><tr>${w.roleHead.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  });
  return `<section id="roles"><h2>${esc(p.roles)}</h2>${docs.join('')}</section>`;
}

function chart(title: string, roots: ReturnType<typeof forest>, size: number, problems: number, lang: Lang, unlinked = 0): string {
  const p = PAGE[lang];
  const open = size <= OPEN_CHART_MAX ? ' open' : '';
  const note = problems ? ` <span class="tag cycle">${problems} ${esc(p.problems)}</span>` : '';
  const rest = unlinked ? `<p class="muted">${esc(p.unlinked(unlinked))}</p>` : '';
  return `<details class="chart"${open}><summary>${esc(title)} <span class="muted">${esc(WORDS[lang].count(size, 'roles'))}</span>${note}</summary><div class="tree">${renderForestSvg(roots, title)}</div>${rest}</details>`;
}

function orgSection(org: Org, byFile: Map<string, number[]>, lang: Lang): string {
  const w = WORDS[lang];
  const p = PAGE[lang];
  const problem = (i: number) => org.inCycle.has(i) || org.self[i] || org.unknown[i];
  const parts: string[] = [];
  const legend = `<div class="legend"><span><i></i>${esc(w.legend.cycle)} ↻ / ${esc(w.legend.self)} ⟲</span><span><i class="dash"></i>${esc(w.legend.unknown)}</span><span><i class="ext"></i>${esc(p.external)}</span></div>`;
  // roles whose superior is in another document, and those superiors
  const cross = new Set<number>();
  org.superior.forEach((b, i) => {
    if (b !== null && org.roles[b].source.file !== org.roles[i].source.file) cross.add(i).add(b);
  });
  if (cross.size) {
    const members = [...cross].sort((a, b) => a - b);
    parts.push(chart(w.crossDocuments, forest(org, members, false), members.length, members.filter(problem).length, lang));
  }
  const flat: string[] = [];
  const bosses = new Set(org.superior.filter((b): b is number => b !== null));
  for (const [file, idx] of byFile) {
    // only roles in a reporting line are drawn; a handbook's unrelated roles would be a column of lone boxes
    const linked = idx.filter((i) => org.superior[i] !== null || org.self[i] || org.unknown[i] || bosses.has(i));
    if (!linked.length) flat.push(file);
    else parts.push(chart(file, forest(org, linked, true), linked.length, linked.filter(problem).length, lang, idx.length - linked.length));
  }
  if (flat.length) parts.push(`<p class="muted">${esc(p.noReporting)}${esc(flat.join(lang === 'zh' ? '、' : ', '))}</p>`);
  return `<section id="org"><h2>${esc(p.org)}</h2>${legend}${parts.join('')}</section>`;
}

function warningsSection(r: RefreshResult, lang: Lang): string {
  const w = WORDS[lang];
  const groups = WARNING_KINDS.map((kind) => {
    const ws = r.warnings.filter((x) => x.kind === kind);
    if (!ws.length) return '';
    const fresh = ws.filter((x) => x.isNew).length;
    const items = ws.map((x) => `<li data-q="${esc(x.key.toLowerCase())}">${x.isNew ? `<span class="tag new">${esc(w.newTag)}</span>` : ''}${line(w.warning(x))}</li>`);
    return `<details class="warnings" data-kind="${kind}" open><summary>${esc(w.kind[kind])} (${ws.length})${fresh ? ` <span class="tag new">${esc(w.newTag)} ${fresh}</span>` : ''}</summary><ul class="warn">${items.join('')}</ul></details>`;
  });
  return `<section id="warnings"><h2>${esc(PAGE[lang].warnings)}</h2>${r.warnings.length ? groups.join('') : `<p>${esc(w.noWarnings)}</p>`}</section>`;
}

/** A value change with the changed characters marked. */
function charDiff(before: string | null, after: string | null, none: string): string {
  if (before === null || after === null) return `<del>${esc(before ?? none)}</del> → <ins>${esc(after ?? none)}</ins>`;
  return diffChars(before, after)
    .map((part) => (part.added ? `<ins>${esc(part.value)}</ins>` : part.removed ? `<del>${esc(part.value)}</del>` : esc(part.value)))
    .join('');
}

function fieldRow(c: FieldChange, lang: Lang): string {
  const w = WORDS[lang];
  const name = `<td>${esc(w.field[c.field])}</td>`;
  if (c.kind === 'value') return `<tr>${name}<td>${charDiff(c.before, c.after, w.none)}</td></tr>`;
  if (!c.added.length && !c.removed.length) return `<tr>${name}<td>${esc(w.sameItemsNewOrder)}</td></tr>`;
  const items = [...c.added.map((x) => `<div class="add"><ins>+ ${esc(x)}</ins></div>`), ...c.removed.map((x) => `<div class="rm"><del>− ${esc(x)}</del></div>`)];
  return `<tr>${name}<td>${items.join('')}</td></tr>`;
}

function changesSection(r: RefreshResult, lang: Lang): string {
  const w = WORDS[lang];
  const { added, removed, changed } = r.diff;
  const at = (x: { file: string; startLine: number }) => esc(w.at(x));
  let body: string;
  if (failed(r)) body = `<p>${esc(w.notApplied)}</p>`;
  else if (!added.length && !removed.length && !changed.length) body = `<p>${esc(w.noChange)}</p>`;
  else {
    const list = (title: string, cls: string, xs: typeof added) =>
      xs.length ? `<details open><summary>${esc(title)} (${xs.length})</summary><ul class="diff">${xs.map((x) => `<li class="${cls}"><b>${esc(x.title)}</b> <span class="muted">${at(x)}</span></li>`).join('')}</ul></details>` : '';
    const changedHtml = changed.length
      ? `<details open><summary>${esc(w.changed)} (${changed.length})</summary>${changed.map((c) => `<div class="diff"><b>${esc(c.title)}</b> <span class="muted">${at(c)}</span><table>${c.fields.map((f) => fieldRow(f, lang)).join('')}</table></div>`).join('')}</details>`
      : '';
    body = list(w.added, 'add', added) + list(w.removed, 'rm', removed) + changedHtml;
  }
  return `<section id="changes"><h2>${esc(PAGE[lang].changes)}</h2>${body}</section>`;
}

function documentsSection(r: RefreshResult, lang: Lang): string {
  const w = WORDS[lang];
  const rows = r.documents.map((d) => `<tr><td>${esc(d.file)}</td><td>${esc(d.status === 'ok' ? w.docResult(d.change) : w.skipped(d.reason ?? ''))}</td><td>${esc(d.status === 'ok' ? (d.roles ? titlesText(d, lang) : noRoleText(d.reason, w)) : '-')}</td></tr>`);
  for (const f of r.deletedDocuments) rows.push(`<tr><td>${esc(f)}</td><td>${esc(w.removedFromFolder)}</td><td>-</td></tr>`);
  return `<section id="documents"><h2>${esc(PAGE[lang].documents)}</h2><table><thead><tr>${w.docHead.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

export function renderHtml(r: RefreshResult, lang: Lang = 'zh', org: Org = buildOrg(r.roles)): string {
  const w = WORDS[lang];
  const p = PAGE[lang];
  const byFile = groupByFile(r.roles);
  const title = w.reportTitle(r.startedAt.replace('T', ' ').slice(0, 16));
  const nav = [['roles', p.roles], ['org', p.org], ['warnings', p.warnings], ['changes', p.changes], ['documents', p.documents]].map(([id, label]) => `<a href="#${id}">${esc(label)}</a>`).join('');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><header><h1>${esc(title)}</h1><p class="outcome">${line(outcomeLine(r, lang))}</p>${failed(r) ? `<p class="outcome">${esc(w.failedSaved)}</p>` : ''}${summaryCards(r, lang)}</header>
<nav><input id="q" type="search" placeholder="${esc(w.search)}" aria-label="${esc(w.search)}"><span id="shown" data-label="${esc(p.shown)}"></span>${nav}</nav>
<main>${rolesSection(r, org, byFile, lang)}${orgSection(org, byFile, lang)}${warningsSection(r, lang)}${changesSection(r, lang)}${documentsSection(r, lang)}</main>
<script>${SCRIPT}</script></body></html>
`;
}
