/**
 * A table with a row per post: a header row names the columns (岗位 / 直接上级 / 主要职责 / Position…), each row
 * below it is one post. A table without a duties or requirements column (a staffing list) describes no post.
 */
import type { Row } from '../../documents/model.js';
import { grid } from '../../documents/model.js';
import type { RoleDraft } from '../../roles/schema.js';
import { looksLikeName } from '../labels.js';
import { splitTitle } from '../title.js';
import { chinesePart, clean, protectCircled, splitMarker, valueItems } from './text.js';
import { labelKind, looksLikeUnit, notAPost, type LabelKind } from './vocab.js';

type Columns = Partial<Record<LabelKind, number>>;

/** A header row: column labels only (one other cell, such as 序号, allowed), a title and a duties or requirements column. */
function headerAt(cells: string[]): Columns | null {
  const cols: Columns = {};
  let other = 0;
  cells.forEach((c, i) => {
    const kind = labelKind(clean(c).replace(/:$/, ''));
    if (kind && cols[kind] === undefined) cols[kind] = i;
    else if (!kind && c.trim()) other++;
  });
  return other <= 1 && cols.title !== undefined && (cols.duties !== undefined || cols.requirements !== undefined) ? cols : null;
}

/** Does a header row name the columns of a post per row, or are the posts its columns (see columnPosts)? */
export function isRowTable(rows: Row[]): boolean {
  const g = grid(rows);
  return g.slice(0, 6).some((slots, r) => r < rows.length - 1 && headerAt(slots.map((s) => s.text)) !== null) || columnPosts(g) !== null;
}

/**
 * A table with a post per column (`| 项目 | 店长 | 副店长 |` over `| 岗位职责 | … | … |`): the first column's cells
 * are labels, duties or requirements among them, and the header row's other cells name posts.
 */
function columnPosts(g: ReturnType<typeof grid>): { labels: (LabelKind | undefined)[]; titles: string[] } | null {
  if (g.length < 3 || g[0].length < 2) return null;
  const labels = g.map((row) => labelKind(clean(row[0].text).replace(/:$/, '')));
  // (two posts at least, each its own cell: one value spanning the row is a form's `岗位名称 | 责任护士`)
  if (new Set(g[0].slice(1).map((s) => s.col)).size < 2) return null;
  const titles = g[0].slice(1).map((s) => splitTitle(clean(s.text)).title);
  const known = labels.slice(1).filter(Boolean);
  if (known.length < 2 || !known.some((k) => k === 'duties' || k === 'requirements')) return null;
  return titles.every((t) => t && looksLikeName(t) && !labelKind(t) && !looksLikeUnit(t)) ? { labels, titles } : null;
}

/** Items of a cell: one per line; a one-line cell split at its numbers, else at `;`. */
export function cellItems(raw: string): string[] {
  const lines = raw.split('\n').map((l) => splitMarker(clean(l)).text).filter(Boolean);
  if (lines.length > 1) return lines;
  if (!lines.length) return [];
  const items = valueItems(clean(protectCircled(raw)));
  if (items.length > 1) return items;
  return lines[0].split(/;(?!$)/).map((s) => s.trim()).filter(Boolean);
}

/** The posts of a row table, or null when the table is not one. dept: the section's department. */
export function tableRoles(rows: Row[], file: string, dept: string | null): RoleDraft[] | null {
  const g = grid(rows);
  const h = g.slice(0, 6).findIndex((slots) => headerAt(slots.map((s) => s.text)));
  if (h < 0) return byColumn(g, rows, file, dept);
  const cols = headerAt(g[h].map((s) => s.text))!;
  // no duties column and requirements of a word or two (`本科`, `大专`): a hiring list, not the posts' descriptions
  if (cols.duties === undefined) {
    const reqs = g.slice(h + 1).map((r) => clean(r[cols.requirements!].text)).filter(Boolean);
    if (!reqs.length || reqs.reduce((n, t) => n + t.length, 0) / reqs.length < 8) return [];
  }
  const out: RoleDraft[] = [];
  let lastUnit = '';
  for (let r = h + 1; r < g.length; r++) {
    const slots = g[r];
    // a merged note row (one cell across the table) is no post
    if (slots.every((s) => s.row === slots[0].row && s.col === slots[0].col)) continue;
    const at = (k: LabelKind) => (cols[k] === undefined ? '' : slots[cols[k]!].text);
    // a row with no post name continues the post above it (its further duties)
    if (!at('title').trim() && out.length) {
      out[out.length - 1].duties.push(...cellItems(at('duties')));
      out[out.length - 1].source.endLine = rows[r].line;
      continue;
    }
    // a unit written once for the rows below it (a cell left blank, not merged)
    if (cols.department !== undefined && at('department').trim()) lastUnit = at('department');
    else if (cols.department !== undefined && lastUnit) slots[cols.department] = { ...slots[cols.department], text: lastUnit };
    const rawTitle = clean(at('title').replace(/\n/g, ' '));
    const { title, aliases } = splitTitle(rawTitle);
    if (!title || !looksLikeName(title) || notAPost(title) || looksLikeUnit(title) || /^\(.*\)$/.test(rawTitle)) continue;
    const value = (k: LabelKind) => {
      const v = chinesePart(clean(at(k).replace(/\n/g, ' ')));
      return v && !/^(无|-|—|－|\/)$/.test(v) ? v : null;
    };
    const duties = cellItems(at('duties'));
    const requirements = cellItems(at('requirements'));
    if (!duties.length && !requirements.length) continue;
    out.push({
      title,
      aliases,
      department: value('department') ?? dept,
      reportsTo: value('reportsTo'),
      directReports: (value('directReports') ?? '').split(/[、,/;]/).map((s) => s.trim()).filter(Boolean),
      duties,
      requirements,
      source: { file, startLine: rows[r].line, endLine: rows[r].line },
    });
  }
  return out;
}

/** The posts of a table with a post per column (columnPosts), or null. */
function byColumn(g: ReturnType<typeof grid>, rows: Row[], file: string, dept: string | null): RoleDraft[] | null {
  const posts = columnPosts(g);
  if (!posts) return null;
  return posts.titles.flatMap((title, i) => {
    const cell = (k: LabelKind) => g.find((_, r) => r > 0 && posts.labels[r] === k)?.[i + 1].text ?? '';
    const one = (k: LabelKind) => chinesePart(clean(cell(k).replace(/\n/g, ' '))) || null;
    const duties = cellItems(cell('duties'));
    const requirements = cellItems(cell('requirements'));
    if (!duties.length && !requirements.length) return [];
    return [{
      title,
      aliases: [],
      department: one('department') ?? dept,
      reportsTo: one('reportsTo'),
      directReports: (one('directReports') ?? '').split(/[、,/;]/).map((x) => x.trim()).filter(Boolean),
      duties,
      requirements,
      source: { file, startLine: rows[0].line, endLine: rows[rows.length - 1].line },
    }];
  });
}

/** A table of one post's duties (`序号 | 工作内容 | 频次`): the cells of its duties column, one a row. */
export function dutyColumn(rows: Row[]): string[] {
  const g = grid(rows);
  const col = g[0]?.findIndex((s) => labelKind(clean(s.text).replace(/:$/, '')) === 'duties') ?? -1;
  if (col < 0) return [];
  return g.slice(1).map((r) => splitMarker(clean(r[col].text.replace(/\n/g, ' '))).text).filter(Boolean);
}
