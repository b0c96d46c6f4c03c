/**
 * Plain text: decoded as before (BOM, UTF-8, GB18030, UTF-16), one `line` block per non-empty line; consecutive
 * lines of tab-separated cells (a table pasted from a spreadsheet) become one table block.
 */
import { decodeBytes } from '../../ingest/decode.js';
import type { Block, ReadOutcome, Row } from '../model.js';

/** Cells of a tab-separated line, or null for a line without tabs. */
const tabCells = (raw: string) => (raw.includes('\t') ? raw.split('\t').map((c) => c.trim()) : null);

/** A block per non-empty line of text, numbered as the text's own lines (what a line is, context decides). */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: Row[] = [];
  const flush = () => {
    // two rows at least, with the same number of cells: a table; else the lines stay lines
    if (rows.length >= 2 && rows.every((r) => r.cells.length === rows[0].cells.length)) {
      blocks.push({ kind: 'table', rows, line: rows[0].line, endLine: rows[rows.length - 1].line });
    } else for (const r of rows) blocks.push({ kind: 'line', text: r.cells.map((c) => c.text).join(' '), line: r.line, endLine: r.line });
    rows = [];
  };
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    const cells = raw.trim() ? tabCells(raw) : null;
    if (cells && cells.length >= 2) {
      rows.push({ line: i + 1, cells: cells.map((c) => ({ text: c, rowspan: 1, colspan: 1 })) });
      return;
    }
    flush();
    if (raw.trim()) blocks.push({ kind: 'line', text: raw, line: i + 1, endLine: i + 1 });
  });
  flush();
  return blocks;
}

export async function readText(bytes: Buffer): Promise<ReadOutcome> {
  const d = decodeBytes(bytes);
  if (!d.ok) return d;
  return { ok: true, doc: { blocks: lineBlocks(d.text), text: d.text, format: d.encoding } };
}
