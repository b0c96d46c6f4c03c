/**
 * The reporting structure as SVG trees, laid out in Node by d3-hierarchy's tidy tree (so the page needs no
 * script to draw them): one per document, one for the lines that cross documents. Problem nodes are marked:
 * in a reporting cycle, reporting to itself, or to a superior no document describes (drawn as a dashed node).
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { Org } from './org.js';

export type Problem = 'cycle' | 'self' | 'unknown' | 'external';

export type ChartNode = {
  /** The role's id: its node links to the role's row on the page. */
  id?: string;
  label: string;
  /** Second line: the document, for nodes from another document. */
  note?: string;
  /** Lower-case text the page's search matches against. */
  search: string;
  problems: Problem[];
  /** Not a role: a name no role has, or a role of another document shown for context. */
  phantom?: boolean;
  /** Where a reporting cycle was cut to draw it as a tree: the superior this root really reports to. */
  cutTo?: ChartNode;
  children: ChartNode[];
};

const ROW = 30;
const COL = 200;
const BOX_W = 176;
const BOX_H = 22;
/** Label characters that fit a box (wide characters count two). */
const BOX_COLUMNS = 24;

/** Text for HTML (and SVG inside it): markup characters and quotes escaped. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fit(s: string, columns = BOX_COLUMNS): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    if (w > columns - 1) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * The forest of the roles `members` (indices into org.roles): each under its superior when that is a member;
 * a cycle is cut above its first role, which is drawn as a root. Superiors outside `members` appear as
 * context nodes (another document's role, or a name no role has) when `context` is set.
 */
export function forest(org: Org, members: number[], context: boolean): ChartNode[] {
  const set = new Set(members);
  const nodes = new Map<number, ChartNode>();
  for (const i of members) {
    const r = org.roles[i];
    const problems: Problem[] = [];
    if (org.inCycle.has(i)) problems.push('cycle');
    if (org.self[i]) problems.push('self');
    if (org.unknown[i]) problems.push('unknown');
    nodes.set(i, { id: r.id, label: r.title, search: [r.title, ...r.aliases, r.department ?? '', r.source.file].join(' ').toLowerCase(), problems, children: [], ...(context ? {} : { note: r.source.file }) });
  }
  const roots: ChartNode[] = [];
  const outside = new Map<string, ChartNode>();
  const contextNode = (key: string, make: () => ChartNode) => {
    let n = outside.get(key);
    if (!n) {
      outside.set(key, (n = make()));
      roots.push(n);
    }
    return n;
  };
  for (const i of members) {
    const node = nodes.get(i)!;
    const cycle = org.inCycle.get(i);
    const cut = cycle !== undefined && org.cycles[cycle][0] === i;
    const boss = org.superior[i];
    const r = org.roles[i];
    if (cut && boss !== null && set.has(boss)) node.cutTo = nodes.get(boss);
    if (boss !== null && set.has(boss) && !cut) nodes.get(boss)!.children.push(node);
    else if (context && boss !== null && !set.has(boss)) {
      const b = org.roles[boss];
      contextNode(`r${boss}`, () => ({ id: b.id, label: b.title, note: b.source.file, search: b.title.toLowerCase(), problems: ['external'], phantom: true, children: [] })).children.push(node);
    } else if (context && org.unknown[i] && r.reportsTo) {
      const name = r.reportsTo;
      contextNode(`n${name}`, () => ({ label: `？${name}`, search: name.toLowerCase(), problems: ['unknown'], phantom: true, children: [] })).children.push(node);
    } else roots.push(node);
  }
  return roots;
}

const MARK: Record<Problem, string> = { cycle: '↻ ', self: '⟲ ', unknown: '', external: '' };

/** One SVG for a forest; `label` is its accessible name. */
export function renderForestSvg(roots: ChartNode[], label: string): string {
  const root = hierarchy<ChartNode>({ label: '', search: '', problems: [], children: roots });
  const laid = tree<ChartNode>().nodeSize([ROW, COL]).separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);
  const all = laid.descendants().filter((n) => n.depth > 0);
  let minX = Infinity;
  let maxX = -Infinity;
  let maxDepth = 1;
  for (const n of all) {
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    maxDepth = Math.max(maxDepth, n.depth);
  }
  const width = (maxDepth - 1) * COL + BOX_W + 48;
  const height = maxX - minX + BOX_H + 16;
  const X = (n: HierarchyPointNode<ChartNode>) => (n.depth - 1) * COL + 8;
  const Y = (n: HierarchyPointNode<ChartNode>) => n.x - minX + 8;
  const parts: string[] = [];
  for (const n of all) {
    if (!n.parent || n.parent.depth === 0) continue;
    const x1 = X(n.parent) + BOX_W;
    const y1 = Y(n.parent) + BOX_H / 2;
    const x2 = X(n);
    const y2 = Y(n) + BOX_H / 2;
    const mid = (x1 + x2) / 2;
    parts.push(`<path class="link" d="M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}"/>`);
  }
  // The link a cycle's cut made invisible, drawn back from the root to its superior: the cycle closes on screen.
  const at = new Map(all.map((n) => [n.data, n]));
  for (const n of all) {
    const to = n.data.cutTo && at.get(n.data.cutTo);
    if (!to) continue;
    const x1 = X(n) + BOX_W / 2;
    const y1 = Y(n) + (Y(to) < Y(n) ? 0 : BOX_H);
    const x2 = X(to) + BOX_W / 2;
    const y2 = Y(to) + (Y(to) < Y(n) ? BOX_H : 0);
    const bend = Math.max(X(n), X(to)) + BOX_W + 24;
    parts.push(`<path class="back" d="M${x1},${y1}C${bend},${y1} ${bend},${y2} ${x2},${y2}"/>`);
  }
  for (const n of all) {
    const d = n.data;
    const cls = ['node', ...d.problems, ...(d.phantom ? ['phantom'] : [])].join(' ');
    const text = d.problems.map((p) => MARK[p]).join('') + d.label + (d.note ? ` · ${d.note}` : '');
    const box = `<title>${esc(text)}</title><rect width="${BOX_W}" height="${BOX_H}" rx="4"/><text x="6" y="15">${esc(fit(text))}</text>`;
    parts.push(`<g class="${cls}" data-q="${esc(d.search)}" transform="translate(${X(n)},${Y(n)})">${d.id ? `<a href="#r-${esc(d.id)}">${box}</a>` : box}</g>`);
  }
  return `<svg class="org" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
