/**
 * The plain rendering of a binary document (.docx, .xlsx, .pdf, .doc): one line per heading, paragraph, item
 * and table row, and every block's line span renumbered to it. Binary formats have no lines of their own, so
 * these are the lines `source.startLine`/`endLine` count and the lines HR reads when asked where a role is.
 */
import type { Block, Doc, Row } from './model.js';

/** A rendering line that is not a block: a sheet or page marker, so HR can find their place in the text. */
export type Mark = { mark: string };

export type RenderOptions = {
  /** how a heading reads (e.g. a sheet name as `[Sheet name]`) */
  heading?: (text: string) => string;
  /** how a table row reads; gets the row before renumbering (a reader may keep its own position in `line`) */
  row?: (row: Row, cells: string) => string;
};

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' / ');

/** The rendering lines of a block other than a table; items indented by depth, continuation lines under their text. */
function blockLines(b: Exclude<Block, { kind: 'table' }>): string[] {
  if (b.kind !== 'item') return b.text.split('\n');
  const indent = '  '.repeat(b.depth);
  const under = ' '.repeat(b.marker.length + 1);
  return b.text.split('\n').map((l, i) => (i ? `${indent}${under}${l}` : `${indent}${b.marker} ${l}`));
}

/** Renders blocks (and marks) to text and returns the blocks renumbered to the lines of that text. */
export function renderDoc(parts: ReadonlyArray<Block | Mark>, format: string, opts: RenderOptions = {}): Doc {
  const lines: string[] = [];
  const blocks: Block[] = [];
  for (const part of parts) {
    if ('mark' in part) {
      lines.push(part.mark);
      continue;
    }
    const line = lines.length + 1;
    if (part.kind === 'table') {
      const rows = part.rows.map((row) => {
        const cells = row.cells.map((c) => oneLine(c.text)).join(' | ');
        lines.push(opts.row ? opts.row(row, cells) : cells);
        return { ...row, line: lines.length };
      });
      if (rows.length) blocks.push({ ...part, rows, line, endLine: lines.length });
      continue;
    }
    lines.push(...(part.kind === 'heading' && opts.heading ? [opts.heading(part.text)] : blockLines(part)));
    blocks.push({ ...part, line, endLine: lines.length });
  }
  return { blocks, text: lines.join('\n'), format };
}
