/**
 * Report outline → plain terminal text: no markdown, wrapped to the terminal's width with East Asian wide
 * characters counted as two columns (string-width), continuation lines indented under their item.
 */
import stringWidth from 'string-width';
import type { Line } from './i18n.js';
import type { Block, Item } from './outline.js';

/** Narrower terminals still get a readable report; wider ones are capped for comfortable reading. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 120;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters whose width depends on their neighbours (combining marks, joiners, variation selectors, emoji): measured as a whole. */
const CLUSTERED = /[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u200c\u200d\ufe00-\ufe0f\ud800-\udfff]/;
const charWidths = new Map<string, number>();

/**
 * Display columns of s (string-width). Wrapping measures every token, so plain ASCII and strings of
 * independent characters (each measured once, then remembered) take a short cut.
 */
export function columns(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (CLUSTERED.test(s)) return stringWidth(s);
  let total = 0;
  for (const ch of s) {
    let w = charWidths.get(ch);
    if (w === undefined) charWidths.set(ch, (w = stringWidth(ch)));
    total += w;
  }
  return total;
}

export const joinLine = (l: Line) => (l.strong ? l.strong + (!l.text || GLUED.test(l.text) ? '' : ' ') : '') + l.text;
/** Text after a bold lead that needs no space before it. */
export const GLUED = /^[（:：,，、]/;

/** Closing punctuation never starts a line (it stays with the character before it). */
const CLOSING = '[、，。；：！？）】」』》”’,.;:!?)\\]]*';
/** Tokens that may start a new line: a latin word with its trailing space, or one wide/other character. */
const TOKEN = new RegExp(`[A-Za-z0-9\\u00c0-\\u024f_./\\\\@%#&+=~-]+${CLOSING}\\s*|\\S${CLOSING}\\s*|\\s+`, 'gu');

/**
 * Greedy wrap of one paragraph into lines of at most `width` columns; `first` is put before the first line,
 * `indent` before the others. Words longer than a line are cut by character.
 */
export function wrap(text: string, width: number, first = '', indent = ' '.repeat(columns(first))): string[] {
  const lines: string[] = [];
  let cur = first;
  let curWidth = columns(first);
  const room = (prefixWidth: number) => Math.max(1, width - prefixWidth);
  const indentWidth = columns(indent);
  for (const tok of text.replace(/\s+/g, ' ').trim().match(TOKEN) ?? []) {
    const bare = tok.trimEnd();
    const w = columns(bare);
    if (curWidth + w > width && curWidth > indentWidth && cur.trim()) {
      lines.push(cur.trimEnd());
      cur = indent;
      curWidth = indentWidth;
      if (tok.trim() === '') continue;
    }
    if (w > room(indentWidth)) {
      for (const ch of tok) {
        const cw = columns(ch);
        if (curWidth + cw > width) {
          lines.push(cur.trimEnd());
          cur = indent;
          curWidth = indentWidth;
        }
        cur += ch;
        curWidth += cw;
      }
      continue;
    }
    cur += tok;
    curWidth += columns(tok);
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}

function items(list: Item[], width: number, depth: number): string[] {
  const pad = '  '.repeat(depth);
  return list.flatMap((it) => [...wrap(joinLine(it), width, `${pad}${depth ? '◦' : '•'} `), ...(it.children ? items(it.children, width, depth + 1) : [])]);
}

export function terminalWidth(cols: number | undefined): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (cols ?? 80) - 1));
}

export function renderTerminal(blocks: Block[], width: number): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        out.push(...wrap(b.text, width), '='.repeat(Math.min(width, columns(b.text))));
        break;
      case 'h2':
        out.push('', ...wrap(b.text, width), '-'.repeat(Math.min(width, columns(b.text))));
        break;
      case 'h3':
        out.push('', ...wrap(`▸ ${b.text}`, width));
        break;
      case 'p':
        out.push('', ...wrap(joinLine(b.line), width));
        break;
      case 'list':
        out.push(...items(b.items, width, 0));
        break;
      case 'table':
        out.push(...items(b.rows.map(([first, ...rest]) => ({ strong: first, text: `— ${rest.filter((c) => c !== '-').join(' · ')}` })), width, 0));
        break;
    }
  }
  return out.join('\n') + '\n';
}
