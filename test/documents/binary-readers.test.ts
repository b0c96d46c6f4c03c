/** .docx, .xlsx, .pdf and .doc through readBlocks (the reader process): structure kept, lines number the rendering. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { grid, type Block, type Doc, type ReadOutcome } from '../../src/documents/model.js';
import { closeReaders, readBlocks } from '../../src/documents/read.js';
import { makeDocx, makePdf, makeXlsx, wordml as w } from '../../src/bench/documents.js';

afterAll(closeReaders);

function doc(r: ReadOutcome): Doc {
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
}

/** Binary formats: every block's text is on the rendering lines it claims, and tables' rows on their own line. */
function onRenderedLines(d: Doc): void {
  const lines = d.text.split('\n');
  for (const b of d.blocks) {
    const span = lines.slice(b.line - 1, b.endLine).join('\n');
    if (b.kind === 'table') {
      for (const r of b.rows) for (const c of r.cells) expect(lines[r.line - 1].replace(/ \/ /g, '\n')).toContain(c.text);
      expect([b.rows[0].line, b.rows.at(-1)!.line]).toEqual([b.line, b.endLine]);
    } else for (const piece of b.text.split('\n')) expect(span).toContain(piece);
  }
}

const texts = (bs: Block[]): Array<[string, string]> => bs.map((b) => [b.kind, b.kind === 'table' ? '' : b.text]);

describe('docx reader', () => {
  it('keeps Word headings, line breaks, numbered and bulleted lists, and merged table cells', async () => {
    const bytes = await makeDocx([
      w.h(1, '财务部'),
      w.h(2, '会计（Accountant）'),
      w.p('汇报对象：财务经理\n直接下级：出纳'),
      w.li(1, 0, '负责记账'),
      w.li(1, 1, '审核凭证'),
      w.li(1, 0, '编制报表'),
      w.li(2, 0, '持证上岗'),
      w.table([
        [{ text: '岗位', merge: 'restart' }, { text: '职责', span: 2 }],
        [{ text: '', merge: 'continue' }, '记账', '报表\n纳税'],
      ]),
    ]);
    const d = doc(await readBlocks('财务.docx', bytes));
    expect(d.format).toBe('docx');
    expect(texts(d.blocks)).toEqual([
      ['heading', '财务部'],
      ['heading', '会计（Accountant）'],
      ['paragraph', '汇报对象：财务经理'],
      ['paragraph', '直接下级：出纳'],
      ['item', '负责记账'],
      ['item', '审核凭证'],
      ['item', '编制报表'],
      ['item', '持证上岗'],
      ['table', ''],
    ]);
    expect(d.blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : []))).toEqual([1, 2]);
    expect(d.blocks.flatMap((b) => (b.kind === 'item' ? [[b.marker, b.depth]] : []))).toEqual([['1.', 0], ['1.', 1], ['2.', 0], ['•', 0]]);
    const table = d.blocks.at(-1)!;
    expect(table.kind === 'table' && grid(table.rows).map((r) => r.map((s) => s.text))).toEqual([['岗位', '职责', '职责'], ['岗位', '记账', '报表\n纳税']]);
    expect(d.text.split('\n')).toEqual(['财务部', '会计（Accountant）', '汇报对象：财务经理', '直接下级：出纳', '1. 负责记账', '  1. 审核凭证', '2. 编制报表', '• 持证上岗', '岗位 | 职责', '记账 | 报表 / 纳税']);
    expect(d.blocks.map((b) => [b.line, b.endLine])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [8, 8], [9, 10]]);
    onRenderedLines(d);
  });
});

describe('xlsx reader', () => {
  it('reads each visible sheet as a heading and a table: merges as spans, empty rows dropped, sheet rows named', async () => {
    const bytes = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('行长室');
      ws.getCell('B2').value = '岗位';
      ws.getCell('C2').value = '职责';
      ws.getCell('D2').value = '要求';
      ws.getCell('B3').value = '行长';
      ws.mergeCells('B3:B5');
      ws.getCell('C3').value = { richText: [{ text: '主持' }, { text: '全面工作\n对董事会负责' }] };
      ws.getCell('D3').value = '本科';
      ws.mergeCells('D3:D4');
      ws.getCell('C4').value = { formula: '"审批"&"贷款"', result: '审批贷款' };
      ws.getCell('C5').value = '签发文件';
      ws.getCell('B8').value = '副行长';
      ws.getCell('C8').value = '分管业务';
      ws.getCell('D8').value = new Date(Date.UTC(2024, 5, 1));
      wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '不要';
      wb.addWorksheet('空表');
      wb.addWorksheet('营业部').getCell('A1').value = '柜员';
    });
    const d = doc(await readBlocks('岗位.xlsx', bytes));
    expect(JSON.stringify(d)).not.toContain('不要');
    expect(d.blocks.map((b) => (b.kind === 'table' ? `table ${b.rows.length}` : `${b.kind} ${b.text}`))).toEqual(['heading 行长室', 'table 5', 'heading 营业部', 'table 1']);
    const t = d.blocks[1];
    expect(t.kind === 'table' && t.rows[0].cells.map((c) => [c.text, c.rowspan])).toEqual([['岗位', 1], ['职责', 1], ['要求', 1]]);
    expect(t.kind === 'table' && grid(t.rows).map((r) => r.map((s) => s.text))).toEqual([
      ['岗位', '职责', '要求'],
      ['行长', '主持全面工作\n对董事会负责', '本科'],
      ['行长', '审批贷款', '本科'],
      ['行长', '签发文件', ''],
      ['副行长', '分管业务', '2024-06-01'],
    ]);
    expect(d.text.split('\n')).toEqual([
      '[Sheet 行长室]',
      'row 2: 岗位 | 职责 | 要求',
      'row 3: 行长 | 主持全面工作 / 对董事会负责 | 本科',
      'row 4: 审批贷款',
      'row 5: 签发文件',
      'row 8: 副行长 | 分管业务 | 2024-06-01',
      '[Sheet 营业部]',
      'row 1: 柜员',
    ]);
    onRenderedLines(d);
  });

  it('keeps a merged range whose rows hold nothing else, counting only the rows kept', async () => {
    const bytes = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '部门';
      ws.mergeCells('A1:A4');
      ws.getCell('B1').value = '经理';
      ws.getCell('B4').value = '助理';
    });
    const t = doc(await readBlocks('s.xlsx', bytes)).blocks[1];
    expect(t.kind === 'table' && grid(t.rows).map((r) => r.map((s) => s.text))).toEqual([['部门', '经理'], ['部门', ''], ['部门', ''], ['部门', '助理']]);
  });
});

describe('pdf reader', () => {
  it('groups text runs into lines by baseline, ordered by x, with page marks', async () => {
    const bytes = makePdf([
      [[300, 700, '（Customer Service）'], [72, 700, '客服主管'], [72, 680, '1. 负责处理业主投诉'], [72, 660, '2. 跟进'], [140, 660.5, '回访']],
      [[72, 700, '任职要求：大专以上']],
    ]);
    const d = doc(await readBlocks('jd.pdf', bytes));
    expect(d.text.split('\n')).toEqual(['[Page 1]', '客服主管 （Customer Service）', '1. 负责处理业主投诉', '2. 跟进 回访', '[Page 2]', '任职要求：大专以上']);
    expect(d.blocks.map((b) => [b.kind, b.line])).toEqual([['line', 2], ['line', 3], ['line', 4], ['line', 6]]);
    onRenderedLines(d);
  });

  it('skips a scanned PDF (no text layer) and a password-protected one, saying what to do', async () => {
    const scanned = await readBlocks('scan.pdf', makePdf([[], []]));
    expect(scanned).toEqual({ ok: false, reason: expect.stringMatching(/^scanned PDF \(no text layer\): .*OCR/) });
    const locked = await readBlocks('locked.pdf', makePdf([[[72, 700, '机密']]], { encrypt: true }));
    expect(locked).toEqual({ ok: false, reason: expect.stringMatching(/password-protected PDF/) });
  });
});

describe('doc reader', () => {
  it('reads a Word 97 file into lines of its text', async () => {
    const d = doc(await readBlocks('legacy.doc', readFileSync(new URL('./fixtures/chinese-english.doc', import.meta.url))));
    expect(d.blocks).toEqual([
      { kind: 'line', text: '这是一个用来测试nodejs解析Word文档.doccccc', line: 1, endLine: 1 },
      { kind: 'line', text: 'This is a test for parsing the Word file in node.', line: 2, endLine: 2 },
    ]);
    expect(d.format).toBe('doc');
  });

  it('reads a .docx saved under .doc as the .docx it is', async () => {
    const d = doc(await readBlocks('renamed.doc', await makeDocx([w.h(1, '财务部'), w.li(1, 0, '记账')])));
    expect([d.format, d.blocks.map((b) => b.kind)]).toEqual(['docx', ['heading', 'item']]);
  });
});
