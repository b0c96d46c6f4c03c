/**
 * A role's reporting line as a small text tree (superiors above, the role, its direct reports below), for
 * the Slack card's code block. Plain text: the caller escapes it.
 */
import type { ReportingLine, RoleLink } from '../answer/types.js';
import type { Role } from '../roles/schema.js';

/** Longest name in the tree: a scraped "title" can be a whole sentence. */
const NAME_CHARS = 30;

const cut = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return [...t].length > NAME_CHARS ? `${[...t].slice(0, NAME_CHARS - 1).join('')}…` : t;
};

export type TreeLabels = { self: string; more: (n: number) => string };

/**
 * Lines of the tree, or [] when the document states no superior and no direct report. maxReports caps the
 * reports shown (the rest counted on a last line).
 */
export function reportingTree(role: Role, reporting: ReportingLine, maxReports: number, labels: TreeLabels): string[] {
  const chain: RoleLink[] = reporting.chain.length ? reporting.chain : role.reportsTo ? [{ name: role.reportsTo, role: null }] : [];
  const reports: RoleLink[] = reporting.directReports.length ? reporting.directReports : role.directReports.map((name) => ({ name, role: null }));
  if (!chain.length && !reports.length) return [];
  const lines: string[] = [];
  const up = [...chain].reverse();
  up.forEach((l, depth) => lines.push(depth === 0 ? cut(l.name) : `${'   '.repeat(depth - 1)}└─ ${cut(l.name)}`));
  const selfDepth = up.length;
  const selfPad = selfDepth ? `${'   '.repeat(selfDepth - 1)}└─ ` : '';
  lines.push(`${selfPad}${cut(role.title)}  ${labels.self}`);
  const pad = '   '.repeat(selfDepth);
  const shown = reports.slice(0, maxReports);
  const hidden = reports.length - shown.length;
  shown.forEach((l, i) => lines.push(`${pad}${i === shown.length - 1 && !hidden ? '└─' : '├─'} ${cut(l.name)}`));
  if (hidden) lines.push(`${pad}└─ ${labels.more(hidden)}`);
  return lines;
}
