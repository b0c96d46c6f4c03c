/**
 * .xlsx: exceljs. Each visible sheet is a section: a level-1 heading with the sheet's name, then one table of
 * its non-empty rows, merged ranges as rowspan/colspan. The rendering reads `[Sheet name]` then `row N: a | b`
 * (N is the sheet's own row number), so HR can find a role in the workbook from the line it is reported at.
 */
import ExcelJS from 'exceljs';
import type { Block, Cell, ReadOutcome, Row } from '../model.js';
import { renderDoc } from '../render.js';

type XCell = ExcelJS.Cell;

const iso = (d: Date): string => {
  const s = d.toISOString();
  return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s.slice(0, 16).replace('T', ' ');
};

/** What the cell shows: rich text joined, formula results, hyperlink text, dates as dates; newlines kept. */
function cellText(cell: XCell): string {
  const v = cell.value;
  const result = v && typeof v === 'object' && 'result' in v ? v.result : undefined;
  const text = v instanceof Date ? iso(v) : result instanceof Date ? iso(result) : cell.text;
  return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

/** One sheet's table: fully empty rows dropped, empty border columns trimmed, merges as spans over the rows kept. */
function sheetRows(ws: ExcelJS.Worksheet): Row[] {
  const texts = new Map<number, Map<number, string>>();
  const spans = new Map<XCell, { r2: number; c2: number }>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) {
        const s = spans.get(cell.master) ?? { r2: 0, c2: 0 };
        spans.set(cell.master, { r2: Math.max(s.r2, r), c2: Math.max(s.c2, c) });
        return;
      }
      const text = cellText(cell);
      if (text || cell.isMerged) (texts.get(r) ?? texts.set(r, new Map()).get(r)!).set(c, text);
    });
  });
  const merges = [...spans].map(([m, s]) => ({ r: Number(m.row), c: Number(m.col), r2: Math.max(s.r2, Number(m.row)), c2: Math.max(s.c2, Number(m.col)) }));
  const covered = new Set<string>();
  const kept = new Set<number>();
  for (const [r, cols] of texts) if ([...cols.values()].some(Boolean)) kept.add(r);
  for (const m of merges) {
    if (!texts.get(m.r)?.get(m.c)) continue;
    for (let r = m.r; r <= m.r2; r++) {
      kept.add(r);
      for (let c = m.c; c <= m.c2; c++) if (r !== m.r || c !== m.c) covered.add(`${r},${c}`);
    }
  }
  const used = [...texts.values()].flatMap((cols) => [...cols].filter(([, t]) => t).map(([c]) => c));
  const first = Math.min(...used);
  const last = Math.max(...used, ...merges.map((m) => m.c2));
  const rowNumbers = [...kept].sort((a, b) => a - b);
  const byMaster = new Map(merges.map((m) => [`${m.r},${m.c}`, m]));
  return rowNumbers.map((r) => {
    const cells: Cell[] = [];
    for (let c = first; c <= last; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const m = byMaster.get(`${r},${c}`);
      const rowspan = m ? rowNumbers.filter((x) => x >= r && x <= m.r2).length : 1;
      cells.push({ text: texts.get(r)?.get(c) ?? '', rowspan, colspan: m ? m.c2 - c + 1 : 1 });
    }
    while (cells.length > 1 && !cells.at(-1)!.text && cells.at(-1)!.colspan === 1 && cells.at(-1)!.rowspan === 1) cells.pop();
    return { line: r, cells };
  });
}

export async function readXlsx(bytes: Buffer): Promise<ReadOutcome> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const blocks: Block[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const rows = sheetRows(ws);
    if (!rows.length) continue;
    blocks.push({ kind: 'heading', level: 1, text: ws.name, line: 1, endLine: 1 }, { kind: 'table', rows, line: 1, endLine: 1 });
  }
  return {
    ok: true,
    doc: renderDoc(blocks, 'xlsx', { heading: (name) => `[Sheet ${name}]`, row: (row, cells) => `row ${row.line}: ${cells}` }),
  };
}
