/**
 * The one document model every reader produces: a file becomes an ordered list of blocks, each with its kind,
 * its text and the line span it came from. Role detection reads blocks, never a format.
 *
 * Line numbers are 1-based and inclusive. For text formats (.txt, .md, .html) they are the file's own lines as
 * decoded; for binary formats (.docx, .xlsx, .pdf, .doc) they number the lines of `Doc.text`, a plain rendering
 * the reader produces (one block or table row a line), so HR can find a role in it.
 */
import { z } from 'zod';

/** A table cell as written, before merged cells are expanded (see grid()). */
export const CellSchema = z.object({ text: z.string(), rowspan: z.number().int().min(1), colspan: z.number().int().min(1) });
export type Cell = z.infer<typeof CellSchema>;

export const RowSchema = z.object({ line: z.number().int().min(1), cells: z.array(CellSchema) });
export type Row = z.infer<typeof RowSchema>;

const span = { line: z.number().int().min(1), endLine: z.number().int().min(1) };

export const BlockSchema = z.discriminatedUnion('kind', [
  /** a heading; level 1 is the outermost (markdown #, <h1>, Word Heading 1, a sheet name) */
  z.object({ kind: z.literal('heading'), level: z.number().int().min(1).max(9), text: z.string(), ...span }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), ...span }),
  /** a list item: marker as written ('-', '1.', '（一）', '①'), depth 0 for a top-level item */
  z.object({ kind: z.literal('item'), marker: z.string(), depth: z.number().int().min(0), text: z.string(), ...span }),
  z.object({ kind: z.literal('table'), rows: z.array(RowSchema), ...span }),
  /** a line of plain text whose role (heading, label, item…) only its context tells */
  z.object({ kind: z.literal('line'), text: z.string(), ...span }),
]);
export type Block = z.infer<typeof BlockSchema>;
export type BlockKind = Block['kind'];

export type Doc = {
  blocks: Block[];
  /** what the reader saw: for text formats the decoded file, for binary formats the rendering lines number */
  text: string;
  /** e.g. 'markdown, utf-8', 'xlsx' */
  format: string;
};

export type ReadOutcome = { ok: true; doc: Doc } | { ok: false; reason: string };

/** A merged-cell table expanded to a full grid: each slot holds its cell's text and where that cell starts. */
export type Slot = { text: string; row: number; col: number };

/**
 * Rows with rowspan/colspan expanded (HTML's table model): a merged cell fills every slot it covers, so a
 * label cell with rowspan=5 reads as the label of each of its five rows. Ragged rows are padded with ''.
 */
export function grid(rows: readonly Row[]): Slot[][] {
  const out: (Slot | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (out[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) out[r + dr][c + dc] = { text: cell.text, row: r, col: c };
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...out.map((r) => r.length));
  return out.map((r, ri) => Array.from({ length: width }, (_, c) => r[c] ?? { text: '', row: ri, col: c }));
}
