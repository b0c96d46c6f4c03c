/** Text of a block as the block reader compares it: cleaned, its list marker apart, bilingual values and run-together items. */
import { cleanLine } from '../clean.js';
import { leafItems } from '../items.js';

export type MarkerClass = 'bullet' | 'decimal' | 'arabic' | 'paren' | 'cjk' | 'paren-cjk' | 'chapter' | 'none';

const CIRCLED = /[①-⑳]/g;
/** `①` → `(1)` before NFKC would turn it into a bare digit. */
export const protectCircled = (s: string) => (HAS_CIRCLED.test(s) ? s.replace(CIRCLED, (c) => `(${c.charCodeAt(0) - 0x245f})`) : s);
const HAS_CIRCLED = /[①-⑳]/;

export function clean(raw: string): string {
  return cleanLine(protectCircled(raw));
}

const MARKER = /^(?:([-*+•●◆▪■◇○·‧・･※→➢✓√])\s*|(\d{1,2}(?:\.\d{1,2})+)\.?\s*|(\d{1,2})[.、)](?!\d)\s*|\((\d{1,2})\)\s*|([一二三四五六七八九十]{1,3})[、.]\s*|\(([一二三四五六七八九十]{1,3})\)\s*|第([一二三四五六七八九十\d]{1,3})(?:章|节|篇|部分)\s*)/;
const CLASSES: MarkerClass[] = ['bullet', 'decimal', 'arabic', 'paren', 'cjk', 'paren-cjk', 'chapter'];

/** A cleaned text's list marker (class) and the text after it. */
export function splitMarker(text: string): { marker: MarkerClass; text: string } {
  const m = MARKER.exec(text);
  if (!m || m[0].length === text.length) return { marker: 'none', text };
  const k = m.slice(1).findIndex((g) => g !== undefined);
  return { marker: CLASSES[k], text: text.slice(m[0].length).trim() };
}

/** A value with items run together (`1、…；2、…`, `①…②…`) as items; otherwise the value itself. */
export function valueItems(value: string): string[] {
  const { items, intro } = leafItems(value);
  if (items.length > 1) return intro && !/[::]$/.test(intro) ? [intro, ...items] : items;
  // `负责…；起草…；管理…`: three or more clauses after a label are its items
  const clauses = value.split(/;(?!$)/).map((c) => c.trim()).filter(Boolean);
  return clauses.length >= 3 ? clauses : [value];
}

/** `房务部 Rooms Division` → 房务部: a bilingual value keeps the document's Chinese. */
export function chinesePart(v: string): string {
  const m = /^([^A-Za-z]*\p{Script=Han}[^A-Za-z]*?)\s+[A-Za-z][A-Za-z .,&'/-]*$/u.exec(v.trim());
  return (m ? m[1] : v).trim();
}
