/**
 * Reader robustness properties, shared by the short run in `npm test` (test/fuzz/readers.test.ts) and the long
 * run in `npm run fuzz`: random, truncated and damaged bytes in every format never throw and always give either
 * a valid document or a reason.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { z } from 'zod';
import { BlockSchema, type ReadOutcome } from '../../src/documents/model.js';
import { readBlocks } from '../../src/documents/read.js';
import { makeDocx, makePdf, makeXlsx, wordml as w } from '../../src/bench/documents.js';

/** One valid document per format, with the structures readers must survive damage to (lists, merged cells…). */
export async function readerSamples(): Promise<Record<string, Buffer>> {
  const md = '# 客服部\n\n## 客服主管\n汇报对象：经理\n\n- 负责投诉\n  1. 回访\n\n| 岗位 | 职责 |\n|---|---|\n| 会计 | 记账<br>报表 |\n\n```\ncode\n```\n> 引用\n';
  const html =
    '<html><body><h1>财务部</h1><p>汇报对象：经理<br>下级：出纳</p><ol start="2"><li>记账<ul><li>凭证</li></ul></li></ol>' +
    '<table><tr><td rowspan="2">岗位</td><td colspan="2">职责<br>报表</td></tr><tr><td>a</td><td>b</td></tr></table><pre>x\ny</pre></body></html>';
  return {
    '.md': Buffer.from(md),
    '.html': Buffer.from(html),
    '.txt': Buffer.from('会计岗位职责\n1、负责记账\n2、编制报表\n'),
    '.docx': await makeDocx([w.h(1, '财务部'), w.p('汇报对象：经理\n下级：出纳'), w.li(1, 0, '记账'), w.li(2, 1, '凭证'), w.table([[{ text: '岗位', merge: 'restart' }, { text: '职责', span: 2 }], [{ text: '', merge: 'continue' }, 'a', 'b']])]),
    '.xlsx': await makeXlsx((wb) => {
      const ws = wb.addWorksheet('行长室');
      ws.getCell('A1').value = '岗位';
      ws.getCell('A2').value = '行长';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = { richText: [{ text: '主持\n' }, { text: '工作' }] };
    }),
    '.pdf': makePdf([[[72, 700, '客服主管'], [72, 680, '负责处理投诉']], [[72, 700, '第二页']]]),
    '.doc': readFileSync(new URL('../documents/fixtures/chinese-english.doc', import.meta.url)),
  };
}

export const READER_EXTENSIONS = ['.md', '.html', '.txt', '.docx', '.xlsx', '.pdf', '.doc'];

const flips = (minLength: number) => fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength, maxLength: 12 });
const overwrite = (bytes: Buffer, changes: Array<[number, number]>): Buffer => {
  for (const [at, byte] of changes) bytes[at % bytes.length] = byte;
  return bytes;
};

/**
 * A sample of the format whole with bytes overwritten (so the parsers, not the container checks, meet the damage),
 * or cut anywhere; or random bytes, with or without the format's magic.
 */
const damagedBytes = (sample: Buffer): fc.Arbitrary<Buffer> =>
  fc.oneof(
    flips(1).map((changes) => overwrite(Buffer.from(sample), changes)),
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), flips(0))
      .map(([cut, changes]) => overwrite(Buffer.from(sample.subarray(0, Math.max(1, Math.ceil(sample.length * cut)))), changes)),
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => Buffer.from(a)),
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.concat([sample.subarray(0, 8), a])),
  );

const Blocks = z.array(BlockSchema);

/** Problems with one outcome (empty when fine): a valid document whose lines fit its text, or a reason. */
function outcomeProblems(r: ReadOutcome): string[] {
  if (!r.ok) return typeof r.reason === 'string' && r.reason.trim() ? [] : ['skipped without a reason'];
  const problems: string[] = [];
  const parsed = Blocks.safeParse(r.doc.blocks);
  if (!parsed.success) problems.push(`invalid block: ${parsed.error.issues[0]?.message}`);
  const lines = r.doc.text.split(/\r\n|\r|\n/).length;
  for (const b of r.doc.blocks) {
    if (b.endLine < b.line || b.endLine > lines) problems.push(`${b.kind} spans ${b.line}-${b.endLine} of ${lines} lines`);
    if (b.kind === 'table' && b.rows.some((row) => row.line < b.line || row.line > b.endLine)) problems.push('table row outside its table');
  }
  return problems;
}

/** Any damaged document of a format: readBlocks resolves (never throws) with a valid document or a reason. */
export function readerProperty(samples: Record<string, Buffer>): fc.IAsyncPropertyWithHooks<[[string, Buffer]]> {
  const doc = fc.constantFrom(...READER_EXTENSIONS).chain((ext) => damagedBytes(samples[ext]).map((b): [string, Buffer] => [ext, b]));
  return fc.asyncProperty(doc, async ([ext, bytes]) => {
    const problems = outcomeProblems(await readBlocks(`fuzz${ext}`, bytes));
    if (problems.length) throw new Error(`${ext}: ${problems.slice(0, 5).join('\n')}`);
  });
}

/** The undamaged samples themselves read (so the property is not passing on reasons alone). */
export async function samplesRead(samples: Record<string, Buffer>): Promise<string[]> {
  const problems: string[] = [];
  for (const [ext, bytes] of Object.entries(samples)) {
    const r = await readBlocks(`sample${ext}`, bytes);
    problems.push(...(r.ok ? outcomeProblems(r) : [r.reason]).map((p) => `${ext}: ${p}`));
  }
  return problems;
}
