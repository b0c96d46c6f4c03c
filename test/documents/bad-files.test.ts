/** Bad files stay harmless: every one ends as a skip with a reason, within the limits per document, and nothing throws. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ENCRYPTED, IN_THREAD_BYTES, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, zipProblem } from '../../src/documents/limits.js';
import { closeReaders, readBlocks } from '../../src/documents/read.js';
import { ReaderProcess } from '../../src/documents/reader-process.js';
import { makeDocx, makePdf, makeXlsx, makeZip, wordml as w } from '../../src/bench/documents.js';

afterAll(closeReaders);

const reason = async (file: string, bytes: Buffer): Promise<string> => {
  const r = await readBlocks(file, bytes);
  if (r.ok) throw new Error(`${file} was read`);
  return r.reason;
};

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('bad files', () => {
  it('names unsupported types with what to do, and skips empty files', async () => {
    expect(await reason('旧表.xls', Buffer.from('x'))).toBe('unsupported file type (.xls): save it as .xlsx');
    expect(await reason('说明.rtf', Buffer.from('x'))).toBe('unsupported file type (.rtf): save it as .docx');
    expect(await reason('README', Buffer.from('x'))).toBe('unsupported file type (no extension)');
    expect(await reason('a.docx', Buffer.alloc(0))).toBe('empty file');
  });

  it('skips a 50 MB file of any format before parsing it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    for (const f of ['big.docx', 'big.md', 'big.pdf']) expect(await reason(f, big)).toMatch(/^file too large \(50 MB; limit 20 MB per document\)/);
  });

  it('says an OLE file named .docx/.xlsx is encrypted (or an old format renamed)', async () => {
    const ole = Buffer.concat([OLE, Buffer.alloc(4096)]);
    expect(await reason('加密.docx', ole)).toBe(ENCRYPTED);
    expect(await reason('加密.xlsx', ole)).toBe(ENCRYPTED);
  });

  it('refuses zip bombs from the zip directory alone: declared size and entry count', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const n = Math.ceil(MAX_UNPACKED_BYTES / zeros.length) + 1;
    const bomb = makeZip(Array.from({ length: n }, (_, i) => ({ name: `word/part${i}.xml`, data: zeros })));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await reason('bomb.docx', bomb)).toMatch(/^zip bomb or oversized: \d+ MB unpacked \(limit 150 MB/);
    const many = makeZip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `x${i}`, data: Buffer.alloc(0) })));
    expect(await reason('many.xlsx', many)).toMatch(/^zip bomb or not a document: 10001 entries/);
    expect(zipProblem(makeZip([{ name: 'a', data: Buffer.from('ok') }]))).toBeNull();
  });

  it('skips truncated and damaged containers with a reason', async () => {
    const docx = await makeDocx([w.h(1, '会计'), w.p('负责记账')]);
    const xlsx = await makeXlsx((wb) => void (wb.addWorksheet('S').getCell('A1').value = '会计'));
    const pdf = makePdf([[[72, 700, '会计岗位职责']]]);
    expect(await reason('cut.docx', docx.subarray(0, docx.length >> 1))).toMatch(/zip directory missing/);
    expect(await reason('cut.xlsx', xlsx.subarray(0, xlsx.length - 30))).toMatch(/zip directory/);
    expect(await reason('cut.pdf', pdf.subarray(0, pdf.length >> 1))).toMatch(/could not read \.pdf|scanned PDF/);
    expect(await reason('text.pdf', Buffer.from('会计岗位职责'))).toMatch(/^not a PDF/);
    expect(await reason('text.doc', Buffer.from('会计岗位职责……'))).toMatch(/^not a Word 97/);
    const junk = makeZip([{ name: 'word/document.xml', data: Buffer.from('<not<xml') }]);
    expect(await reason('junk.docx', junk)).toMatch(/^could not read \.docx/);
    expect(await reason('junk.xlsx', junk)).toMatch(/^could not read \.xlsx|^no text in document/);
    const flipped = Buffer.from(docx);
    for (let i = 200; i < flipped.length - 200; i += 97) flipped[i] ^= 0xff;
    expect(await reason('flipped.docx', flipped)).toMatch(/^could not read \.docx|no text/);
  });

  it('skips a .doc whose sector chain loops (word-extractor alone grows an array until V8 aborts the process)', async () => {
    const doc = readFileSync(new URL('./fixtures/chinese-english.doc', import.meta.url));
    doc[1784] = 42; // found by the reader fuzz: one FAT entry now points back into its own chain
    expect(await reason('loop.doc', doc)).toMatch(/^could not read \.doc .*sector chain loops/);
  });

  it('skips markup nested beyond what can be walked, and tables too large to expand', async () => {
    expect(await reason('deep.html', Buffer.from('<div>'.repeat(50_000) + '会计'))).toMatch(/^too deeply nested/);
    const wide = `<table>${'<tr><td colspan="1000">x</td></tr>'.repeat(2001)}</table>`;
    expect(await reason('wide.html', Buffer.from(wide))).toBe('tables too large (2,001,000 cells; limit 2,000,000 per document)');
  });

  it('reads a large text document in the reader process, with the same blocks', async () => {
    const md = `# 会计\n\n${'- 负责记账与报表的编制和审核工作\n'.repeat(40_000)}`;
    expect(Buffer.byteLength(md)).toBeGreaterThan(IN_THREAD_BYTES);
    const r = await readBlocks('big.md', Buffer.from(md));
    expect(r.ok && [r.doc.blocks.length, r.doc.blocks.at(-1)]).toEqual([40_001, { kind: 'item', marker: '-', depth: 0, text: '负责记账与报表的编制和审核工作', line: 40_002, endLine: 40_002 }]);
  });

  it('reads documents posted at once, one at a time, each with its own outcome', async () => {
    const pdf = makePdf([[[72, 700, '出纳']]]);
    const outcomes = await Promise.all([readBlocks('1.pdf', pdf), readBlocks('2.docx', Buffer.from('PK\u0003\u0004junk')), readBlocks('3.pdf', pdf)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
  });
});

describe('the reader process', { timeout: 90_000 }, () => {
  const script = new URL('./misbehaving-reader.ts', import.meta.url);
  const pdf = makePdf([[[72, 700, '出纳']]]);

  it('kills a reader that hangs at the time limit and reads the next document in a fresh process', async () => {
    const reader = new ReaderProcess({ script, timeoutMs: 1500 });
    try {
      const t = performance.now();
      expect(await reader.read('.hang', Buffer.from('x'))).toEqual({ ok: false, reason: 'took longer than 2 s to read (limit per document)' });
      expect(performance.now() - t).toBeLessThan(30_000); // the process's start (not timed) plus the 1.5 s limit
      expect(await reader.read('.pdf', pdf)).toMatchObject({ ok: true, doc: { text: '出纳' } });
    } finally {
      await reader.close();
    }
  });

  it('survives a reader that exceeds the memory cap, or that V8 aborts, and carries on', async () => {
    const reader = new ReaderProcess({ script, memoryMb: 64, timeoutMs: 60_000 });
    try {
      expect(await reader.read('.hog', Buffer.from('x'))).toEqual({ ok: false, reason: expect.stringMatching(/^needs more than 64 MB to read \(limit per document\), or crashes the reader/) });
      expect(await reader.read('.fatal', Buffer.from('x'))).toEqual({ ok: false, reason: expect.stringMatching(/^needs more than 64 MB to read/) });
      expect(await reader.read('.pdf', pdf)).toMatchObject({ ok: true, doc: { text: '出纳' } });
    } finally {
      await reader.close();
    }
  });

  it('lets its caller exit, whether closeReaders() is called (after the reader went idle) or not', () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    for (const close of [false, true]) {
      const code = `import { closeReaders, readBlocks } from './src/documents/read.ts';
        const r = await readBlocks('a.pdf', Buffer.from(${JSON.stringify(pdf.toString('latin1'))}, 'latin1'));
        ${close ? 'await new Promise((resolve) => setTimeout(resolve, 50)); await closeReaders();' : ''}
        console.log(r.ok);`;
      const child = spawnSync(tsx, ['--input-type=module', '-e', code], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 50_000 });
      expect([close, child.stdout.trim(), child.status]).toEqual([close, 'true', 0]);
    }
  });
});
