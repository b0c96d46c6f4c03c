/**
 * Markdown: mdast-util-from-markdown with GFM tables, positions kept. Headings, list items (marker as written,
 * depth) and tables become their blocks; paragraphs become one block per source line (a line is often a field of
 * its own: `汇报对象：总经理` then `直接下级：会计`); inline markup is reduced to its text; HTML blocks go through the
 * HTML reader (a <table> with merged cells stays a table); code keeps its lines as plain lines.
 */
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { decodeBytes } from '../../ingest/decode.js';
import type { Block, ReadOutcome, Row } from '../model.js';
import { htmlBlocks } from './html.js';

type Segment = { text: string; line: number };

const BR = /<br\s*\/?>/gi;
const TAG = /<\/?[a-z][^>]*>/gi;

/** The text of inline content, each piece with the source line it starts on ('\n' marks a line break). */
function segments(nodes: PhrasingContent[], out: Segment[] = []): Segment[] {
  for (const n of nodes) {
    const line = n.position?.start.line ?? 1;
    if (n.type === 'text') n.value.split('\n').forEach((t, i) => out.push({ text: (i ? '\n' : '') + t, line: line + i }));
    else if (n.type === 'inlineCode') out.push({ text: n.value, line });
    else if (n.type === 'break') out.push({ text: '\n', line });
    else if (n.type === 'html') out.push({ text: n.value.replace(BR, '\n').replace(TAG, ''), line });
    else if ('children' in n) segments(n.children as PhrasingContent[], out);
  }
  return out;
}

/** Inline content as lines: [text, source line] per visual line, empty ones dropped. */
function inlineLines(nodes: PhrasingContent[]): Array<{ text: string; line: number }> {
  const lines: Array<{ text: string; line: number }> = [];
  let cur: { text: string; line: number } | null = null;
  for (const s of segments(nodes)) {
    const parts = s.text.split('\n');
    parts.forEach((p, i) => {
      if (i || !cur) {
        if (cur) lines.push(cur);
        cur = { text: '', line: s.line };
      }
      if (!cur.text.trim()) cur.line = s.line;
      cur.text += p;
    });
  }
  if (cur) lines.push(cur);
  return lines.map((l) => ({ text: l.text.trim(), line: l.line })).filter((l) => l.text);
}

class Reader {
  readonly blocks: Block[] = [];
  constructor(private readonly source: string[]) {}

  children(nodes: RootContent[], depth: number): void {
    for (const n of nodes) this.node(n, depth);
  }

  private node(n: RootContent, depth: number): void {
    const start = n.position?.start.line ?? 1;
    const end = n.position?.end.line ?? start;
    switch (n.type) {
      case 'heading': {
        const text = inlineLines(n.children).map((l) => l.text).join(' ');
        if (text) this.blocks.push({ kind: 'heading', level: n.depth, text, line: start, endLine: end });
        break;
      }
      case 'paragraph':
        for (const l of inlineLines(n.children)) this.blocks.push({ kind: 'paragraph', text: l.text, line: l.line, endLine: l.line });
        break;
      case 'list':
        for (const item of n.children) this.item(item, depth);
        break;
      case 'table': {
        const rows: Row[] = n.children.map((r) => ({
          line: r.position?.start.line ?? start,
          cells: r.children.map((c) => ({ text: inlineLines(c.children).map((l) => l.text).join('\n'), rowspan: 1, colspan: 1 })),
        }));
        this.blocks.push({ kind: 'table', rows, line: start, endLine: end });
        break;
      }
      case 'html':
        this.blocks.push(...htmlBlocks(n.value, start));
        break;
      case 'code':
        this.source.slice(start - 1, end).forEach((raw, i) => {
          const fence = /^\s*(```|~~~)/.test(raw) && (i === 0 || start + i === end);
          if (raw.trim() && !fence) this.blocks.push({ kind: 'line', text: raw.trim(), line: start + i, endLine: start + i });
        });
        break;
      default:
        // blockquotes and anything else with block children: their contents, as if unquoted
        if ('children' in n) this.children((n as Parent).children as RootContent[], depth);
    }
  }

  /** An item: the marker as written, its first paragraph as its text, the rest (nested lists…) as further blocks. */
  private item(item: Extract<Nodes, { type: 'listItem' }>, depth: number): void {
    const at = item.position?.start;
    const line = at?.line ?? 1;
    const marker = /^\s*([-*+]|\d{1,9}[.)])/.exec(this.source[line - 1]?.slice((at?.column ?? 1) - 1) ?? '')?.[1] ?? '-';
    const [first, ...rest] = item.children;
    const lines = first?.type === 'paragraph' ? inlineLines(first.children) : [];
    this.blocks.push({ kind: 'item', marker, depth, text: lines.map((l) => l.text).join('\n'), line, endLine: lines.at(-1)?.line ?? line });
    for (const child of first?.type === 'paragraph' ? rest : item.children) this.node(child, child.type === 'list' ? depth + 1 : depth);
  }
}

export function markdownBlocks(text: string): Block[] {
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const reader = new Reader(text.split(/\r\n|\r|\n/));
  reader.children(tree.children, 0);
  return reader.blocks;
}

export async function readMarkdown(bytes: Buffer): Promise<ReadOutcome> {
  const d = decodeBytes(bytes);
  if (!d.ok) return d;
  return { ok: true, doc: { blocks: markdownBlocks(d.text), text: d.text, format: `markdown, ${d.encoding}` } };
}
