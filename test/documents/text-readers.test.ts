/** Markdown and HTML readers: structure kept, inline markup reduced, every block on the file's own lines. */
import { describe, expect, it } from 'vitest';
import { grid, type Block } from '../../src/documents/model.js';
import { htmlBlocks, readHtml } from '../../src/documents/readers/html.js';
import { markdownBlocks } from '../../src/documents/readers/markdown.js';
import { lineBlocks } from '../../src/documents/readers/text.js';

/** Each block's text must be found on the source lines it claims (whitespace and markup aside). */
function onItsLines(source: string, blocks: Block[]): void {
  const lines = source.split('\n');
  const entities: Record<string, string> = { '&ldquo;': '“', '&rdquo;': '”', '&amp;': '&' };
  const squash = (s: string): string => s.replace(/&\w+;/g, (e) => entities[e] ?? e).replace(/<[^>]*>|\]\([^)]*\)|[\s*_`#>|[-]/g, '');
  for (const b of blocks) {
    const span = squash(lines.slice(b.line - 1, b.endLine).join(''));
    const texts = b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : [b.text];
    for (const t of texts) for (const piece of t.split('\n')) expect(span, `${b.kind} "${piece}" on lines ${b.line}-${b.endLine}`).toContain(squash(piece));
  }
}

const kinds = (bs: Block[]): string => bs.map((b) => b.kind[0]).join('');
const textOf = (b: Block): string => (b.kind === 'table' ? '' : b.text);

describe('grid', () => {
  it('expands rowspan and colspan so every slot reads its merged cell', () => {
    const g = grid([
      { line: 1, cells: [{ text: '岗位', rowspan: 3, colspan: 1 }, { text: '职责', rowspan: 1, colspan: 2 }] },
      { line: 2, cells: [{ text: 'a', rowspan: 1, colspan: 1 }, { text: 'b', rowspan: 1, colspan: 1 }] },
      { line: 3, cells: [{ text: 'c', rowspan: 1, colspan: 1 }] },
    ]);
    expect(g.map((r) => r.map((s) => s.text))).toEqual([['岗位', '职责', '职责'], ['岗位', 'a', 'b'], ['岗位', 'c', '']]);
    expect(g[2][0]).toEqual({ text: '岗位', row: 0, col: 0 });
    expect(g[1][2]).toEqual({ text: 'b', row: 1, col: 2 });
  });

  it('clips spans that run past the table and pads ragged rows', () => {
    const g = grid([{ line: 1, cells: [{ text: 'x', rowspan: 9, colspan: 1 }] }, { line: 2, cells: [] }]);
    expect(g.map((r) => r.map((s) => s.text))).toEqual([['x'], ['x']]);
    expect(grid([])).toEqual([]);
  });
});

describe('markdown reader', () => {
  const md = [
    '# 客服部', //1
    '', //2
    '## **客服主管**（Customer Service Lead）', //3
    '汇报对象：总经理', //4
    '直接下级：客服专员  ', //5
    '岗位目的：`保障`服务[质量](http://x)', //6
    '', //7
    '- 负责处理业主投诉', //8
    '  跟进回访', //9
    '  - 子项一', //10
    '    1. 深一层', //11
    '* 第二项', //12
    '', //13
    '1. 编号一', //14
    '2) 编号二', //15
    '', //16
    '> 引用一', //17
    '> 引用二', //18
    '', //19
    '| 岗位 | 职责 |', //20
    '|---|---|', //21
    '| 会计 | 记账<br>编制报表<br/>纳税 |', //22
    '| 出纳 | *现金* |', //23
    '', //24
    '```', //25
    '代码行', //26
    '```', //27
    '', //28
    '<table><tr><td rowspan="2">司机</td><td>开车</td></tr>', //29
    '<tr><td>保养</td></tr></table>', //30
  ].join('\n');
  const blocks = markdownBlocks(md);

  it('keeps headings with levels, inline markup reduced to text', () => {
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([
      { kind: 'heading', level: 1, text: '客服部', line: 1, endLine: 1 },
      { kind: 'heading', level: 2, text: '客服主管（Customer Service Lead）', line: 3, endLine: 3 },
    ]);
  });

  it('gives one paragraph block per source line', () => {
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.line < 7)).toEqual([
      { kind: 'paragraph', text: '汇报对象：总经理', line: 4, endLine: 4 },
      { kind: 'paragraph', text: '直接下级：客服专员', line: 5, endLine: 5 },
      { kind: 'paragraph', text: '岗位目的：保障服务质量', line: 6, endLine: 6 },
    ]);
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.line > 16).map((b) => [textOf(b), b.line])).toEqual([['引用一', 17], ['引用二', 18]]);
  });

  it('keeps list markers as written and nesting depth; an item is its first paragraph', () => {
    const items = blocks.filter((b) => b.kind === 'item').map((b) => b.kind === 'item' && [b.marker, b.depth, b.text, b.line, b.endLine]);
    expect(items).toEqual([
      ['-', 0, '负责处理业主投诉\n跟进回访', 8, 9],
      ['-', 1, '子项一', 10, 10],
      ['1.', 2, '深一层', 11, 11],
      ['*', 0, '第二项', 12, 12],
      ['1.', 0, '编号一', 14, 14],
      ['2)', 0, '编号二', 15, 15],
    ]);
  });

  it('reads GFM tables with <br> as a line break in the cell, and HTML tables with their merged cells', () => {
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
    const [gfm, html] = tables;
    expect(gfm.kind === 'table' && gfm.rows.map((r) => [r.line, r.cells.map((c) => c.text)])).toEqual([
      [20, ['岗位', '职责']],
      [22, ['会计', '记账\n编制报表\n纳税']],
      [23, ['出纳', '现金']],
    ]);
    expect(html.kind === 'table' && grid(html.rows).map((r) => r.map((s) => s.text))).toEqual([['司机', '开车'], ['司机', '保养']]);
    expect(html.kind === 'table' && html.rows.map((r) => r.line)).toEqual([29, 30]);
  });

  it('keeps code as plain lines and every block on its own source lines', () => {
    expect(blocks.filter((b) => b.kind === 'line')).toEqual([{ kind: 'line', text: '代码行', line: 26, endLine: 26 }]);
    expect(kinds(blocks)).toBe('hhpppiiiiiipptlt');
    onItsLines(md, blocks);
  });

  it('counts CRLF lines like the file does', () => {
    const crlf = markdownBlocks('# 标题\r\n\r\n第一行\r\n第二行\r\n');
    expect(crlf.map((b) => [b.kind, textOf(b), b.line])).toEqual([['heading', '标题', 1], ['paragraph', '第一行', 3], ['paragraph', '第二行', 4]]);
  });
});

describe('HTML reader', () => {
  const html = [
    '<!doctype html><html><head><title>不要</title><style>p { color: red }</style></head>', //1
    '<body><nav><a href="/">首页</a> | 招聘</nav>', //2
    '<h1>财务部</h1>', //3
    '<h2>会计 <small>Accountant</small></h2>', //4
    '<p>汇报对象：财务经理<br>直接下级：出纳<br/>', //5
    '岗位目的：&ldquo;核算&rdquo; &amp; 监督</p>', //6
    '<div>职责如下<div>嵌套块</div></div>', //7
    '<ol start="3"><li>记账<ul><li>凭证</li></ul></li>', //8
    '<li><p>报表</p><p>补充说明</p></li></ol>', //9
    '<table><caption>岗位表</caption><thead><tr><th rowspan="2">岗位</th><th colspan="2">职责</th></tr></thead>', //10
    '<tbody><tr><td>记账</td><td>报表<br>纳税<p>审核</p></td></tr>', //11
    '<tr><td rowspan="0">x</td><td colspan="99999">y</td></tr></tbody></table>', //12
    '<script>document.write("不要")</script><noscript>不要</noscript><template><p>不要</p></template>', //13
    '<pre>第一行', //14
    '  第二行</pre>', //15
    '</body></html>', //16
  ].join('\n');
  const blocks = htmlBlocks(html);

  it('drops head, scripts, styles, navigation and templates', () => {
    expect(JSON.stringify(blocks)).not.toMatch(/不要|首页|招聘/);
  });

  it('keeps headings, splits paragraphs at <br> and block boundaries, decodes entities', () => {
    expect(blocks.filter((b) => b.kind !== 'table' && b.line <= 7).map((b) => b.kind !== 'table' && [b.kind, b.text, b.line, b.endLine])).toEqual([
      ['heading', '财务部', 3, 3],
      ['heading', '会计 Accountant', 4, 4],
      ['paragraph', '汇报对象：财务经理', 5, 5],
      ['paragraph', '直接下级：出纳', 5, 5],
      ['paragraph', '岗位目的：“核算” & 监督', 6, 6],
      ['paragraph', '职责如下', 7, 7],
      ['paragraph', '嵌套块', 7, 7],
    ]);
  });

  it('numbers ordered items from start, bullets unordered ones, with depth', () => {
    expect(blocks.filter((b) => b.kind === 'item' || (b.kind === 'paragraph' && b.line === 9)).map((b) => b.kind !== 'table' && [b.kind, 'marker' in b ? b.marker : '', 'depth' in b ? b.depth : '', b.text, b.line])).toEqual([
      ['item', '3.', 0, '记账', 8],
      ['item', '•', 1, '凭证', 8],
      ['item', '4.', 0, '报表', 9],
      ['paragraph', '', '', '补充说明', 9],
    ]);
  });

  it('keeps tables with rowspan/colspan (bounded), cell line breaks as \\n', () => {
    const t = blocks.find((b) => b.kind === 'table');
    expect(t?.kind === 'table' && t.rows).toEqual([
      { line: 10, cells: [{ text: '岗位', rowspan: 2, colspan: 1 }, { text: '职责', rowspan: 1, colspan: 2 }] },
      { line: 11, cells: [{ text: '记账', rowspan: 1, colspan: 1 }, { text: '报表\n纳税\n审核', rowspan: 1, colspan: 1 }] },
      { line: 12, cells: [{ text: 'x', rowspan: 1, colspan: 1 }, { text: 'y', rowspan: 1, colspan: 1000 }] },
    ]);
    expect(t && [t.line, t.endLine]).toEqual([10, 12]);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text === '岗位表' && b.line === 10)).toBe(true);
  });

  it('keeps <pre> lines and puts every block on its own source lines', () => {
    expect(blocks.slice(-2).map((b) => b.kind !== 'table' && [b.text, b.line])).toEqual([['第一行', 14], ['第二行', 15]]);
    onItsLines(html, blocks.filter((b) => b.kind !== 'table'));
  });

  it('decodes by BOM/UTF-8 first, then a declared legacy charset', async () => {
    const big5 = Buffer.concat([Buffer.from('<meta charset="big5"><p>'), Buffer.from([0xb7, 0x7c, 0xad, 0x70]), Buffer.from('</p>')]); // 會計
    const r = await readHtml(big5);
    expect(r.ok && [r.doc.format, r.doc.blocks.map((b) => b.kind !== 'table' && b.text)]).toEqual(['html, big5', ['會計']]);
    const utf8 = await readHtml(Buffer.from('<meta charset="gbk"><p>会计</p>'));
    expect(utf8.ok && utf8.doc.blocks[0]).toMatchObject({ text: '会计' });
  });
});

describe('definition lists and tab-separated text', () => {
  it('reads <dd> as items under their <dt>', () => {
    const blocks = htmlBlocks('<dl>\n<dt>行政主管</dt>\n<dd>直接上级：行政经理</dd>\n<dd>审核行政费用</dd>\n</dl>');
    expect(blocks.map((b) => [b.kind, 'text' in b ? b.text : '', b.line])).toEqual([['paragraph', '行政主管', 2], ['item', '直接上级：行政经理', 3], ['item', '审核行政费用', 4]]);
  });

  it('reads runs of tab-separated lines as a table, a lone tabbed line as a line', () => {
    const blocks = lineBlocks('岗位表\n岗位\t职责\n机修工\t维修\n\n备注\t无\n');
    expect(blocks.map((b) => [b.kind, b.line, b.endLine])).toEqual([['line', 1, 1], ['table', 2, 3], ['line', 5, 5]]);
    const table = blocks[1];
    expect(table.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['岗位', '职责'], ['机修工', '维修']]);
  });
});
