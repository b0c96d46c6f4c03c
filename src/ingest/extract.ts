/** Passages → role drafts. (Minimal placeholder: "X岗位职责" headings followed by numbered items.) */
import type { RoleDraft } from '../roles/schema.js';
import { toSimplified } from '../text/normalize.js';

const HEADING = /^(.{2,20}?)\s*岗位职责[::]?$/;
const ITEM = /^\d+[.、]\s*(.+)$/;

export function extractRoles(lines: string[], file: string): RoleDraft[] {
  const out: RoleDraft[] = [];
  let cur: RoleDraft | null = null;
  lines.forEach((line, i) => {
    const h = HEADING.exec(line);
    if (h) {
      cur = { title: toSimplified(h[1]).replace(/\s+/g, ''), aliases: [], department: null, reportsTo: null, directReports: [], duties: [], requirements: [], source: { file, startLine: i + 1, endLine: i + 1 } };
      out.push(cur);
      return;
    }
    const m = ITEM.exec(line);
    if (cur && m) {
      cur.duties.push(m[1]);
      cur.source.endLine = i + 1;
    }
  });
  return out;
}
