/**
 * Blocks → units: every block's text cleaned the way the line reader cleans (NFKC, simplified, glosses and
 * letter-spacing removed), its list marker taken apart, and a `label: value` line recognised. Tables become either
 * units (a form: label cells beside value cells) or stay tables for the row reader (tables.ts).
 */
import type { Block, Row } from '../../documents/model.js';
import { grid } from '../../documents/model.js';
import { clean, splitMarker, type MarkerClass } from './text.js';
import { isRowTable } from './tables.js';
import { PAGE_FOOTER, isSection, labelKind, type LabelKind } from './vocab.js';


export type Unit = {
  kind: 'heading' | 'item' | 'para' | 'table';
  text: string;
  line: number;
  endLine: number;
  /** heading level (structural headings only) */
  level?: number;
  /** list nesting of an item (0 at the top) */
  depth?: number;
  marker: MarkerClass;
  /** a blank line (or a block boundary in text without one) before it */
  gap: boolean;
  label?: { kind: LabelKind; key: string; value: string };
  rows?: Row[];
};

const QA_PREFIX = /^(?:Q|A|问|答)\s*:\s*/i;




const LABELLED = /^([^:]{1,24}?)\s*:\s*(.*)$/;
/** `岗位名称　　仓管员`: a label of four or more characters, then spaces, then its value (a table flattened to text). */
const SPACED = /^(\p{Script=Han}{4,8})\s+(\S.*)$/u;
const DASHED = /^([^—\-－]{1,24}?)\s*(?:—{1,2}|－{1,2}|-{2,})\s*(.+)$/;
const BRACKETED = /^[【[]([^】\]]{1,20})[】\]]\s*:?\s*(.*)$/;
/** Where a second `label:` starts on a line of several (`岗位：收银员  部门：前台部  上级：前台主管`). */
const ANY_FIELD = /\s+(?=\p{Script=Han}{2,8}\s*:)/u;
const NEXT_FIELD = /\s+(?=[^\s:]{1,12}\s*:)|\s+(?=[【[][^】\]]{1,20}[】\]])/g;

/** A line of several `label: value` fields, split into one text per field (when each piece is one). */
export function splitFields(text: string): string[] {
  // `Team: Platform · Reports to: Engineering Manager · Location: Remote`
  // or `所属部门：检验科；直接上级：检验科主任` (each separator on its own: a value may hold the other, `Manager, Platform`)
  for (const sep of [/\s*[·|｜]\s*/, /\s*[;,]\s*/]) {
    const parts = text.split(sep).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => parseLabel(p))) return parts;
  }
  // a one-value field ends where any `X:` follows (`直接上级：仓储主管  定编人数：3人`), known label or not
  const [first, ...rest] = text.split(ANY_FIELD);
  const kind = rest.length ? parseLabel(first)?.kind : undefined;
  if (kind === 'title' || kind === 'department' || kind === 'reportsTo' || kind === 'directReports') return [first, ...splitFields(rest.join(' '))];
  const parts = text.split(NEXT_FIELD).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 && parts.every((p) => parseLabel(p)) ? parts : [text];
}

/** `label: value` or a label alone (`职责`, `Responsibilities:`), for labels job descriptions use. */
export function parseLabel(text: string): Unit['label'] | undefined {
  // `【岗位名称】仓库主管`, `[Department] Kitchen`: a bracketed label needs no colon
  const b = text[0] === '【' || text[0] === '[' ? BRACKETED.exec(text) : null;
  if (b && labelKind(b[1])) return { kind: labelKind(b[1])!, key: b[1].trim(), value: b[2].trim() };
  const colon = text.indexOf(':');
  if (colon < 0 && text.length > 30) return undefined;
  // (`直属领导——总经理`: a dash instead of a colon)
  const m = colon >= 0 && colon <= 25 ? LABELLED.exec(text) : DASHED.exec(text) ?? SPACED.exec(text);
  if (m) {
    const kind = labelKind(m[1]);
    if (kind) return { kind, key: m[1].trim(), value: m[2].trim() };
  }
  if (text.length > 30) return undefined;
  const bare = text.replace(/[:\s]+$/, '');
  const kind = labelKind(bare);
  return kind ? { kind, key: bare, value: '' } : undefined;
}

/** One unit, or one per field of a line holding several `label: value` fields. */
function units(kind: Unit['kind'], raw: string, line: number, endLine: number, gap: boolean, level?: number): Unit[] {
  // `Q：会计做什么？` / `答：会计负责…`: a FAQ's prefixes say nothing about the post
  const cleaned = clean(raw).replace(QA_PREFIX, '');
  if (!cleaned || PAGE_FOOTER.test(cleaned)) return [];
  const { marker, text } = splitMarker(cleaned);
  // (most lines hold at most one field: only those with two colons or a bracket are split)
  const fields = /:.*:|[【[]/.test(text) ? splitFields(text) : [text];
  return fields.map((t, k) => {
    const u: Unit = { kind, text: t, line, endLine, marker: k ? 'none' : marker, gap: gap && !k, ...(level ? { level } : {}) };
    const label = parseLabel(t);
    if (label) u.label = label;
    return u;
  });
}

/** Is this table a form (label cells next to value cells) rather than a list of rows? */
function formLabels(rows: Row[]): number {
  let n = 0;
  for (const row of rows) for (const c of row.cells) if (c.text.length <= 24 && parseLabel(clean(c.text))?.value === '') n++;
  return n;
}

/**
 * A form table as units: `label: value` for a field, a label unit then one item per value line for a section
 * (duties, requirements), and for a label cell spanning rows (rowspan) each further row's value as an item.
 */
function formUnits(rows: Row[]): Unit[] {
  const out: Unit[] = [];
  const g = grid(rows);
  g.forEach((slots, r) => {
    const line = rows[r].line;
    let prevOrigin = '';
    const distinct = slots.filter((s) => {
      const key = `${s.row}:${s.col}`;
      const keep = key !== prevOrigin;
      prevOrigin = key;
      return keep;
    });
    for (let c = 0; c < distinct.length; c++) {
      const slot = distinct[c];
      const label = parseLabel(clean(slot.text));
      const value = distinct[c + 1];
      if (!label && c === 0) {
        // an empty label cell, or one spanning from a row above, continues that label: its row's values are items
        const rest = distinct.slice(1).filter((v) => v.text.trim());
        if (!slot.text.trim() || slot.row !== r) out.push(...rest.flatMap((v) => valueUnits(v.text, line, 'item')));
        else out.push(...valueUnits([slot.text, ...rest.map((v) => v.text)].join(' '), line, 'para'));
        break;
      }
      if (!label || label.value || !value || parseLabel(clean(value.text))?.value === '') continue;
      c++;
      const section = isSection(label.kind);
      if (slot.row === r) {
        if (section) {
          out.push({ kind: 'para', text: label.key, line, endLine: line, marker: 'none', gap: false, label });
          out.push(...valueUnits(value.text, line, 'item'));
        } else {
          const text = `${label.key}: ${clean(value.text.replace(/\n/g, ' '))}`;
          out.push({ kind: 'para', text, line, endLine: line, marker: 'none', gap: false, label: { ...label, value: clean(value.text.replace(/\n/g, ' ')) } });
        }
      } else out.push(...valueUnits(value.text, line, 'item'));
    }
  });
  return out;
}

/** A cell's text as units, a line each (a wrapped cell keeps its items apart). */
function valueUnits(text: string, line: number, kind: 'item' | 'para'): Unit[] {
  return text.split('\n').flatMap((t) => units(kind, t, line, line, false));
}

/** Every block of a document as units, in order; tables that are not forms stay whole (kind 'table'). */
export function toUnits(blocks: Block[]): Unit[] {
  const out: Unit[] = [];
  let prevEnd = -1; // the first block stands alone
  for (const b of blocks) {
    // a paragraph of a structured document stands alone as a blank line makes a line of plain text stand alone
    const gap = b.line > prevEnd + 1 || b.kind === 'heading' || b.kind === 'paragraph';
    prevEnd = b.endLine;
    if (b.kind === 'table') {
      if (!isRowTable(b.rows) && formLabels(b.rows) >= 2) out.push(...formUnits(b.rows));
      else out.push({ kind: 'table', text: '', line: b.line, endLine: b.endLine, marker: 'none', gap, rows: b.rows });
      continue;
    }
    const kind = b.kind === 'heading' ? 'heading' : b.kind === 'item' ? 'item' : 'para';
    // a paragraph of several lines (prose wrapped by its author) is read line by line like any text
    const parts = b.kind === 'paragraph' || b.kind === 'line' ? b.text.split('\n') : [b.text.replace(/\n/g, ' ')];
    parts.forEach((t, k) => {
      for (const u of units(kind, t, b.line + (parts.length > 1 ? k : 0), parts.length > 1 ? b.line + k : b.endLine, gap && k === 0, b.kind === 'heading' ? b.level : undefined)) {
        if (b.kind === 'item' && u.marker === 'none') u.marker = /^\d/.test(b.marker) ? 'arabic' : 'bullet';
        if (b.kind === 'item') u.depth = b.depth;
        out.push(u);
      }
    });
  }
  return out;
}
