/** The rendering binary formats' lines number: one line per block line and table row, marks between. */
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../src/documents/render.js';

describe('renderDoc', () => {
  it('renders items with marker and depth, continuation lines under their text, rows with cells joined', () => {
    const d = renderDoc(
      [
        { mark: '[Page 1]' },
        { kind: 'heading', level: 2, text: '会计', line: 9, endLine: 9 },
        { kind: 'item', marker: '1.', depth: 1, text: '负责记账\n及报表', line: 3, endLine: 4 },
        { kind: 'table', rows: [{ line: 7, cells: [{ text: '要求', rowspan: 2, colspan: 1 }, { text: '本科\n三年', rowspan: 1, colspan: 1 }] }, { line: 8, cells: [{ text: '持证', rowspan: 1, colspan: 1 }] }], line: 7, endLine: 8 },
        { kind: 'table', rows: [], line: 1, endLine: 1 },
        { kind: 'paragraph', text: '完', line: 1, endLine: 1 },
      ],
      'test',
      { row: (row, cells) => `row ${row.line}: ${cells}` },
    );
    expect(d.text.split('\n')).toEqual(['[Page 1]', '会计', '  1. 负责记账', '     及报表', 'row 7: 要求 | 本科 / 三年', 'row 8: 持证', '完']);
    expect(d.blocks.map((b) => [b.kind, b.line, b.endLine])).toEqual([['heading', 2, 2], ['item', 3, 4], ['table', 5, 6], ['paragraph', 7, 7]]);
    const t = d.blocks[2];
    expect(t.kind === 'table' && t.rows.map((r) => r.line)).toEqual([5, 6]);
    expect(d.format).toBe('test');
  });
});
