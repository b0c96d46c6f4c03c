/**
 * HTML (and what mammoth makes of .docx): parse5 with source locations, so every block keeps the lines it
 * came from. Headings, list items (marker and depth) and tables (rowspan/colspan) keep their structure; other
 * text becomes one paragraph block per visual line (split at <br> and block boundaries).
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { decodeBytes } from '../../ingest/decode.js';
import type { Block, Cell, ReadOutcome, Row } from '../model.js';

type Node = T.Node;
type Element = T.Element;

/** Never content: code, styling, page furniture. */
const DROP = new Set(['script', 'style', 'head', 'noscript', 'template', 'nav', 'svg', 'math', 'iframe', 'object']);
/** Elements that start and end a visual line; everything else (span, b, a, font…) is inline. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
const HEADING = /^h([1-6])$/;
/** Generous bounds for spans as written (rowspan="0" and absurd values included). */
const MAX_ROWSPAN = 10_000;
const MAX_COLSPAN = 1_000;

export type VisualLine = { text: string; line: number; endLine: number };

const isElement = (n: Node): n is Element => 'tagName' in n;
const childrenOf = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** Inline text gathered into visual lines, whitespace collapsed as a browser would (except in <pre>). */
class LineBuffer {
  private lines: VisualLine[] = [];
  private cur: VisualLine | null = null;

  add(value: string, startLine: number, pre: boolean): void {
    if (pre) {
      value.split('\n').forEach((piece, i) => {
        if (i) this.break();
        this.put(piece, startLine + i, startLine + i);
      });
      return;
    }
    const first = value.search(/\S/);
    if (first < 0) {
      if (this.cur) this.cur.text += ' ';
      return;
    }
    const last = value.trimEnd().length - 1;
    const nl = (upTo: number): number => value.slice(0, upTo).split('\n').length - 1;
    this.put(value.replace(/\s+/g, ' '), startLine + nl(first), startLine + nl(last));
  }

  private put(text: string, line: number, endLine: number): void {
    if (!this.cur) this.cur = { text: '', line, endLine };
    if (!this.cur.text.trim()) this.cur.line = line;
    this.cur.text += text;
    if (text.trim()) this.cur.endLine = endLine;
  }

  break(): void {
    if (this.cur) {
      const text = this.cur.text.trim();
      if (text) this.lines.push({ ...this.cur, text });
    }
    this.cur = null;
  }

  take(): VisualLine[] {
    this.break();
    const out = this.lines;
    this.lines = [];
    return out;
  }
}

const lineOf = (n: Node): number => n.sourceCodeLocation?.startLine ?? 1;

/** All text below a node as visual lines: <br> and block elements break lines (cell and heading text). */
function collect(nodes: Node[], buf: LineBuffer, pre = false): void {
  for (const child of nodes) {
    if (child.nodeName === '#text') buf.add((child as T.TextNode).value, lineOf(child), pre);
    else if (!isElement(child) || DROP.has(child.tagName)) continue;
    else if (child.tagName === 'br') buf.break();
    else if (BLOCK.has(child.tagName)) {
      buf.break();
      collect(childrenOf(child), buf, pre || child.tagName === 'pre');
      buf.break();
    } else collect(childrenOf(child), buf, pre);
  }
}

export function textLines(node: Node): VisualLine[] {
  const buf = new LineBuffer();
  collect(childrenOf(node), buf);
  return buf.take();
}

const span = (v: string | undefined, max: number): number => Math.min(max, Math.max(1, Number.parseInt(v ?? '', 10) || 1));

function tableRows(table: Element): Row[] {
  const rows: Row[] = [];
  const visit = (n: Node): void => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') {
        const cells: Cell[] = childrenOf(c)
          .filter((x): x is Element => isElement(x) && (x.tagName === 'td' || x.tagName === 'th'))
          .map((td) => ({
            text: textLines(td).map((l) => l.text).join('\n'),
            rowspan: span(attr(td, 'rowspan'), MAX_ROWSPAN),
            colspan: span(attr(td, 'colspan'), MAX_COLSPAN),
          }));
        if (cells.length) rows.push({ line: lineOf(c), cells });
      } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

/** Walks the document in order, turning each structure into blocks. */
class Walker {
  readonly blocks: Block[] = [];
  private readonly buf = new LineBuffer();
  private depth = -1;

  private flush(): void {
    for (const l of this.buf.take()) this.blocks.push({ kind: 'paragraph', ...l });
  }

  walk(nodes: Node[], pre = false): void {
    for (const child of nodes) {
      if (child.nodeName === '#text') this.buf.add((child as T.TextNode).value, lineOf(child), pre);
      else if (!isElement(child) || DROP.has(child.tagName)) continue;
      else if (child.tagName === 'br') this.buf.break();
      else if (!BLOCK.has(child.tagName)) this.walk(childrenOf(child), pre);
      else {
        this.flush();
        this.element(child, pre);
        this.flush();
      }
    }
  }

  private element(el: Element, pre: boolean): void {
    const h = HEADING.exec(el.tagName);
    if (h) {
      const lines = textLines(el);
      if (lines.length) {
        const text = lines.map((l) => l.text).join(' ');
        this.blocks.push({ kind: 'heading', level: Number(h[1]), text, line: lines[0].line, endLine: lines.at(-1)!.endLine });
      }
    } else if (el.tagName === 'table') {
      for (const c of childrenOf(el)) {
        if (isElement(c) && c.tagName === 'caption') for (const l of textLines(c)) this.blocks.push({ kind: 'paragraph', ...l });
      }
      const rows = tableRows(el);
      const loc = el.sourceCodeLocation;
      if (rows.length) {
        const endLine = Math.max(loc?.endLine ?? 0, rows.at(-1)!.line);
        this.blocks.push({ kind: 'table', rows, line: Math.min(loc?.startLine ?? rows[0].line, rows[0].line), endLine });
      }
    } else if (el.tagName === 'ul' || el.tagName === 'ol' || el.tagName === 'menu' || el.tagName === 'dir') {
      this.list(el);
    } else if (el.tagName === 'li' || el.tagName === 'dd') {
      // a definition list's descriptions are the items of the term above them
      this.item(el, '•');
    } else this.walk(childrenOf(el), pre || el.tagName === 'pre');
  }

  private list(el: Element): void {
    this.depth++;
    let n = Number.parseInt(attr(el, 'start') ?? '', 10);
    if (!Number.isFinite(n)) n = 1;
    for (const child of childrenOf(el)) {
      if (isElement(child) && child.tagName === 'li') {
        const value = Number.parseInt(attr(child, 'value') ?? '', 10);
        if (Number.isFinite(value)) n = value;
        this.item(child, el.tagName === 'ol' ? `${n}.` : '•');
        n++;
      } else this.walk([child]);
      this.flush();
    }
    this.depth--;
  }

  /** A list item: its first paragraph is the item's text; what follows (nested lists, more paragraphs) are further blocks. */
  private item(li: Element, marker: string): void {
    const kids = childrenOf(li);
    let i = kids.findIndex((k) => isElement(k) && BLOCK.has(k.tagName));
    if (i < 0) i = kids.length;
    const lead = new LineBuffer();
    collect(kids.slice(0, i), lead);
    let lines = lead.take();
    const next = kids[i];
    if (!lines.length && next && isElement(next) && (next.tagName === 'p' || next.tagName === 'div')) {
      lines = textLines(next);
      i++;
    }
    const depth = Math.max(0, this.depth);
    const line = lines[0]?.line ?? lineOf(li);
    this.blocks.push({ kind: 'item', marker, depth, text: lines.map((l) => l.text).join('\n'), line, endLine: lines.at(-1)?.endLine ?? line });
    this.walk(kids.slice(i));
  }
}

/** Blocks of an HTML text; line numbers are its own lines, offset by `firstLine - 1` (HTML inside markdown). */
export function htmlBlocks(html: string, firstLine = 1): Block[] {
  const walker = new Walker();
  walker.walk(childrenOf(parse(html, { sourceCodeLocationInfo: true })));
  if (firstLine === 1) return walker.blocks;
  const shift = firstLine - 1;
  return walker.blocks.map((b) =>
    b.kind === 'table'
      ? { ...b, line: b.line + shift, endLine: b.endLine + shift, rows: b.rows.map((r) => ({ ...r, line: r.line + shift })) }
      : { ...b, line: b.line + shift, endLine: b.endLine + shift },
  );
}

/** `<meta charset>` or `http-equiv` content charset in the first bytes, if any. */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** Bytes → text: a BOM or UTF-8 wins; otherwise a declared legacy charset (e.g. big5) before the GB18030 guess. */
function decodeHtml(bytes: Buffer): ReturnType<typeof decodeBytes> {
  const d = decodeBytes(bytes);
  const label = declaredCharset(bytes);
  if (d.ok && (d.encoding !== 'gb18030' || !label)) return d;
  if (!label || /^utf-?8$/.test(label)) return d;
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: label };
  } catch {
    return d; // unknown label or bytes that do not match it: keep the detected decoding
  }
}

export async function readHtml(bytes: Buffer): Promise<ReadOutcome> {
  const d = decodeHtml(bytes);
  if (!d.ok) return d;
  return { ok: true, doc: { blocks: htmlBlocks(d.text), text: d.text, format: `html, ${d.encoding}` } };
}
