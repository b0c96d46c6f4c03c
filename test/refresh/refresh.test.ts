import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/pipeline.js';
import { runRefresh } from '../../src/refresh/run.js';
import { renderMarkdown } from '../../src/refresh/report.js';
import { loadRoles, openIndex, writeIndex } from '../../src/store/db.js';
import { docx, gbk, jobText, utf16le, workspace, type Workspace } from './fixtures.js';

let ws: Workspace;
afterEach(() => ws?.cleanup());

const refresh = (extra: { check?: boolean; full?: boolean } = {}) => runRefresh({ dataDir: ws.docs, dbPath: ws.db, ...extra });

function titlesIn(db: string): string[] {
  const h = openIndex(db);
  try {
    return loadRoles(h).map((r) => r.title).sort();
  } finally {
    h.close();
  }
}

describe('runRefresh', () => {
  it('indexes every supported format and encoding, lists the rest as skipped with reasons (exit 1)', async () => {
    ws = workspace();
    ws.write('plain.txt', jobText('客服主管', ['负责客服部全面管理工作']));
    ws.write('gbk.txt', gbk(jobText('保洁员', ['负责公共区域清洁'])));
    ws.write('utf16.txt', utf16le(jobText('保安员', ['负责门岗值守'])));
    ws.write('sub/page.html', '<html><body><h1>前台专员岗位职责:</h1><p>1、接待来访客户</p><p>2、接听电话</p></body></html>');
    ws.write('notes.md', '## 维修主管岗位职责:\n1、维修公共设施\n');
    ws.write('word.docx', docx(['出纳岗位职责:', '1、办理现金收付']));
    ws.write('empty.txt', '');
    ws.write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    ws.write('scan.pdf', '%PDF-1.4');
    const r = await refresh();
    expect(r.written).toBe(true);
    expect(r.exitCode).toBe(1);
    const byFile = Object.fromEntries(r.documents.map((d) => [d.file, d]));
    for (const f of ['plain.txt', 'gbk.txt', 'utf16.txt', 'sub/page.html', 'notes.md', 'word.docx']) expect(byFile[f], f).toMatchObject({ status: 'ok', roles: 1 });
    expect(byFile['empty.txt']).toMatchObject({ status: 'skipped', reason: 'empty file' });
    expect(byFile['image.txt'].reason).toMatch(/binary/);
    expect(byFile['scan.pdf'].reason).toMatch(/could not read \.pdf/);
    // Every format goes through the same extraction as its plain-text equivalent.
    const plain = [['客服主管', '负责客服部全面管理工作'], ['保洁员', '负责公共区域清洁'], ['保安员', '负责门岗值守'], ['前台专员', '接待来访客户'], ['维修主管', '维修公共设施'], ['出纳', '办理现金收付']];
    expect(titlesIn(ws.db)).toEqual(plain.flatMap(([t, d]) => ingestText('x.txt', jobText(t, [d])).map((r) => r.title)).sort());
    const md = renderMarkdown(r, 'en');
    expect(md).toContain('| scan.pdf | skipped: could not read .pdf');
    expect(renderMarkdown(r)).toContain('| scan.pdf | 跳过：could not read .pdf');
    expect(md).toMatch(/\| word\.docx \| indexed \(new\) \| 1: 出纳\S* \|/);
  });

  it('reuses unchanged documents without parsing, and reports a changed document field by field', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['负责客服部全面管理工作', '处理业主投诉']));
    ws.write('b.txt', jobText('保洁员', ['负责公共区域清洁']));
    const first = await refresh();
    expect(first.exitCode).toBe(0);
    expect(first.diff.added.map((x) => x.title).sort()).toEqual(['保洁员', '客服主管']);

    ws.write('a.txt', jobText('客服主管', ['负责客服部全面管理工作', '组织业主满意度回访']));
    ws.remove('b.txt');
    ws.write('c.md', '# 保安员岗位职责\n1、负责门岗值守\n');
    const second = await refresh();
    expect(second.exitCode).toBe(0);
    expect(second.deletedDocuments).toEqual(['b.txt']);
    expect(second.diff.added.map((x) => x.title)).toEqual(['保安员']);
    expect(second.diff.removed.map((x) => x.title)).toEqual(['保洁员']);
    expect(second.diff.changed).toHaveLength(1);
    expect(second.diff.changed[0]).toMatchObject({ title: '客服主管', file: 'a.txt' });
    expect(second.diff.changed[0].fields).toEqual([{ field: 'duties', kind: 'list', added: ['组织业主满意度回访'], removed: ['处理业主投诉'] }]);
    expect(renderMarkdown(second, 'en')).toMatch(/\*\*客服主管\*\* \(a\.txt line 1\): duties\n {2}- duties: 1 added, 1 removed\n {4}- \\\+ 组织业主满意度回访\n {4}- − 处理业主投诉/);

    const third = await refresh();
    expect(third.documents.map((d) => [d.file, d.change, d.reused])).toEqual([
      ['a.txt', 'unchanged', true],
      ['c.md', 'unchanged', true],
    ]);
    expect(third.diff).toEqual({ added: [], removed: [], changed: [] });
    const full = await refresh({ full: true });
    expect(full.documents.every((d) => !d.reused)).toBe(true);
    expect(full.diff).toEqual({ added: [], removed: [], changed: [] });
  });

  it('warns about the same title with different duties in several documents', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    ws.write('b.html', '<h2>客服主管岗位职责</h2><p>1、管理客服团队</p>');
    ws.write('c.txt', jobText('保洁员', ['负责公共区域清洁']));
    ws.write('d.txt', jobText('保洁员', ['负责公共区域清洁']));
    const r = await refresh();
    const conflicts = r.warnings.filter((w) => w.kind === 'conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'conflict', title: '客服主管' });
    if (conflicts[0].kind === 'conflict') expect(conflicts[0].roles.map((x) => x.file)).toEqual(['a.txt', 'b.html']);
    expect(renderMarkdown(r, 'en')).toContain('### Same title, different duties: decide which document is right (1)');
    expect(renderMarkdown(r)).toContain('### 同名岗位在不同文档中职责不同：请确认哪份正确 (1)');
  });

  it('--check runs everything and reports, but writes nothing', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    await refresh();
    const before = readFileSync(ws.db);
    const listing = readdirSync(ws.root, { recursive: true }).sort();
    ws.write('b.txt', jobText('保洁员', ['负责公共区域清洁']));
    const r = await refresh({ check: true });
    expect(r).toMatchObject({ written: false, notWritten: 'check only (--check)', exitCode: 0 });
    expect(r.diff.added.map((x) => x.title)).toEqual(['保洁员']);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    expect(readdirSync(ws.root, { recursive: true }).sort()).toEqual([...listing, 'docs/b.txt'].sort());
    expect(renderMarkdown(r, 'en')).toContain('**Check only (--check): nothing was written');
  });

  it('writes nothing (exit 2) when no document can be read, and keeps the previous index', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    await refresh();
    const before = readFileSync(ws.db);
    ws.remove('a.txt');
    ws.write('broken.docx', 'not a zip');
    const r = await refresh();
    expect(r).toMatchObject({ written: false, exitCode: 2 });
    expect(r.notWritten).toMatch(/no document .* could be read/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
  });

  it('a new index that fails validation is discarded and the old one keeps serving', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    await refresh();
    const before = readFileSync(ws.db);
    const h = openIndex(ws.db);
    const roles = loadRoles(h);
    h.close();
    const documents = [{ file: 'a.txt', sha256: 'x', size: 1, status: 'ok' as const, reason: null, roles: 1 }];
    expect(() => writeIndex(ws.db, { documents, roles }, { validate: () => { throw new Error('refused'); } })).toThrow('refused');
    // A document row that disagrees with its roles fails the built-in checks.
    expect(() => writeIndex(ws.db, { documents: [{ ...documents[0], roles: 2 }], roles })).toThrow(/a\.txt: index holds 1 roles/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    expect(readdirSync(ws.root + '/index')).toEqual(['rolebot.db']);
    expect(titlesIn(ws.db)).toEqual(['客服主管']);
  });

  it('reads the previous index even if it cannot be opened, and rebuilds everything', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    await refresh();
    ws.write('../index/rolebot.db', 'garbage, not sqlite');
    const r = await refresh();
    expect(r.previous.error).toBeTruthy();
    expect(r.written).toBe(true);
    expect(existsSync(ws.db)).toBe(true);
    expect(titlesIn(ws.db)).toEqual(['客服主管']);
  });

  it('a document with text but no post says what the reader saw and how to make it readable', async () => {
    ws = workspace();
    ws.write('intro.txt', '公司简介\n\n我们成立于2001年，主营物业服务。\n');
    ws.write('jd.txt', jobText('客服主管', ['负责客服部全面管理工作']));
    const r = await refresh();
    const intro = r.documents.find((d) => d.file === 'intro.txt')!;
    expect(intro).toMatchObject({ status: 'ok', roles: 0 });
    expect(intro.reason).toContain('«公司简介»');
    expect(renderMarkdown(r)).toMatch(/intro\.txt.*没有找到岗位.*«公司简介»、«我们成立于2001年,主营物业服务。».*要让它可读/);
    expect(renderMarkdown(r, 'en')).toMatch(/intro\.txt.*no role found; it starts with «公司简介»/);
  });
});
