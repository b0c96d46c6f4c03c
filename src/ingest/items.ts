/**
 * List items in a block of text: `1.` `1、` `(1)` `①` `一、` and bullets, also when several items
 * run together on one line. Numbered markers are followed in sequence (a mid-line `3.` only counts
 * right after item 2), so figures such as `3年以上` or `2.5` never split an item.
 */
import { CJK_NUM } from './labels.js';

type Style = 'cjk' | 'paren' | 'circled' | 'arabic' | 'bullet';
type Marker = { pos: number; end: number; style: Style; num: number; lineStart: boolean };

const CJK_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cjkValue(s: string): number {
  if (s.length === 1) return CJK_DIGITS[s] ?? 0;
  if (s[0] === '十') return 10 + (CJK_DIGITS[s[1]] ?? 0);
  return (CJK_DIGITS[s[0]] ?? 0) * 10 + (s[2] ? CJK_DIGITS[s[2]] ?? 0 : 0);
}

const PATTERNS: Array<{ style: Style; re: RegExp; num: (m: RegExpExecArray) => number }> = [
  { style: 'cjk', re: new RegExp(`(${CJK_NUM})[、.]`, 'gu'), num: (m) => cjkValue(m[1]) },
  { style: 'paren', re: /\((\d{1,2})\)|(?<![\d(.])(\d{1,2})\s?\)/gu, num: (m) => Number(m[1] ?? m[2]) },
  { style: 'circled', re: /[①-⑳]/gu, num: (m) => m[0].charCodeAt(0) - 0x2460 + 1 },
  // `1.` `1、` (not `1.5`, not `3.1` sub-numbers), or `1 ` before text (not `8 年`).
  { style: 'arabic', re: /(?<![\d.])(\d{1,2})(?:[.、](?![\d])|\s+(?=[\p{Script=Han}A-Za-z])(?![年月日个岁人名份次万元小天周]))/gu, num: (m) => Number(m[1]) },
  { style: 'bullet', re: /(?<=^|[\s::;。])[-•●◆▪■※·→]/gu, num: () => 0 },
];

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const before = text.slice(0, m.index);
      const lineStart = /(^|\n)\s*$/.test(before);
      // a sub-number like 3.1 is never the start of a top-level item
      if (p.style === 'arabic' && /\d\.$/.test(before)) continue;
      out.push({ pos: m.index, end: m.index + m[0].length, style: p.style, num: p.num(m), lineStart });
    }
  }
  return out.sort((a, b) => a.pos - b.pos);
}

export type ItemSplit = { intro: string; items: string[] };
type RawSplit = { intro: string; items: string[]; style: Style | null };

const tidy = (s: string) => s.replace(/\s*\n\s*/g, '').replace(/^[\s::]+|[\s;;,,]+$/g, '').trim();

/** The marker after prev that continues its list: any item opening a line, or the next number mid-line. */
function continues(style: Style, m: Marker, prev: Marker, text: string): boolean {
  if (m.style !== style || m.pos < prev.end) return false;
  if (style === 'bullet' || m.lineStart || m.num === prev.num + 1) return true;
  // one number skipped by the author (`7、… 9、…`), only right after the end of a sentence or a gap
  return m.num === prev.num + 2 && /[;;。\s]$/.test(text.slice(0, m.pos));
}

/**
 * Top-level items as raw slices (line breaks kept, so nested lists can be split again). The list is
 * the first one that opens a line, or starts at number 1 and goes on to a second item; a lone
 * mid-line `一、` (as in `统一、规范`) starts nothing.
 */
function rawItems(text: string): RawSplit {
  const all = markers(text);
  for (let k = 0; k < all.length; k++) {
    const first = all[k];
    if (!(first.lineStart || first.num === 1 || first.style === 'bullet')) continue;
    const chain = [first];
    for (let j = k + 1; j < all.length; j++) if (continues(first.style, all[j], chain[chain.length - 1], text)) chain.push(all[j]);
    if (chain.length < 2 && !first.lineStart) continue;
    const items = chain.map((m, i) => text.slice(m.end, chain[i + 1]?.pos ?? text.length));
    return { intro: text.slice(0, first.pos), items, style: first.style };
  }
  return { intro: text, items: [], style: null };
}

/** Top-level items of text (numbering stripped, original wording kept) and any text before the first. */
export function splitItems(text: string): ItemSplit {
  const r = rawItems(text);
  return { intro: tidy(r.intro), items: r.items.map(tidy).filter(Boolean) };
}

/**
 * Items counted the way a reader counts duties: a top level of 一、二、 section headings is replaced
 * by the items under each section (when a section has any); otherwise the top-level items.
 */
export function leafItems(text: string): ItemSplit {
  const top = rawItems(text);
  if (top.style !== 'cjk') return { intro: tidy(top.intro), items: top.items.map(tidy).filter(Boolean) };
  const leaves: string[] = [];
  for (const item of top.items) leaves.push(...sectionLeaves(item));
  return { intro: tidy(top.intro), items: leaves.filter(Boolean) };
}

/** The items of one 一、 section: its list, and a second list of another style that follows on a new line. */
function sectionLeaves(section: string): string[] {
  const sub = rawItems(section);
  if (!sub.items.length) return [tidy(section)];
  const items = sub.items.slice(0, -1);
  const last = sub.items[sub.items.length - 1];
  const next = rawItems(last);
  // the second list opens a line of its own right after the last item's text
  if (next.items.length && next.style !== sub.style && /\n\s*$/.test(next.intro)) {
    items.push(next.intro, ...next.items);
  } else {
    items.push(last);
  }
  return items.map(tidy).filter(Boolean);
}
