/** The saved report: new vs still-open warnings across runs, the JSON additions, terminal text, the HTML page, failed runs. */
import { existsSync, readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { reportCorpus } from '../../src/bench/report-corpus.js';
import { renderHtml } from '../../src/refresh/html.js';
import { renderMarkdown, renderText, reportPaths, writeReport } from '../../src/refresh/report.js';
import { runRefresh } from '../../src/refresh/run.js';
import { columns, wrap } from '../../src/refresh/terminal.js';
import { jobText, workspace, type Workspace } from './fixtures.js';

let ws: Workspace;
afterEach(() => ws?.cleanup());

const refresh = async () => {
  const r = await runRefresh({ dataDir: ws.docs, dbPath: ws.db });
  writeReport(r);
  return r;
};
const withBoss = (title: string, boss: string, duties: string[]) => `${title}岗位职责\n直接上级：${boss}\n${duties.map((d, i) => `${i + 1}、${d}`).join('\n')}\n`;

describe('warnings new since the last run', () => {
  it('tells new warnings from those still open and counts the resolved ones, in every format', async () => {
    ws = workspace();
    ws.write('a.txt', withBoss('保洁员', '物业主管', ['负责公共区域清洁']));
    const first = await refresh();
    expect(first.warnings.map((w) => [w.kind, w.isNew])).toEqual([['unknownReportsTo', true]]);

    ws.write('b.txt', withBoss('保安员', '安保主管', ['负责门岗值守']));
    const second = await refresh();
    expect(second.warnings.map((w) => ['role' in w ? w.role.title : '', w.isNew])).toEqual([['保洁员', false], ['保安员', true]]);
    const md = readFileSync(`${ws.db}.report.md`, 'utf8');
    expect(md).toContain('警告：新出现 1 条，仍未解决 1 条，已解决 0 条');
    expect(md).toContain('- **\\[新\\] 保安员**（b.txt 第 1 行）的上级“安保主管”不是任何文档中的岗位');
    expect(md).not.toContain('\\[新\\] 保洁员');
    const json = JSON.parse(readFileSync(`${ws.db}.report.json`, 'utf8'));
    // the old contract stays; what is new is added
    expect(json).toMatchObject({ written: true, exitCode: 0, roleCount: 2, lang: 'zh', resolvedWarnings: 0, summary: { warnings: { new: 1, open: 1, resolved: 0 }, roles: { total: 2, added: 1 } } });
    expect(json.warnings[1]).toMatchObject({ kind: 'unknownReportsTo', reportsTo: '安保主管', role: { title: '保安员', file: 'b.txt', startLine: 1 }, isNew: true, key: expect.any(String) });

    ws.write('a.txt', jobText('保洁员', ['负责公共区域清洁']));
    const third = await refresh();
    expect(third.resolvedWarnings).toBe(1);
    expect(third.warnings.map((w) => w.isNew)).toEqual([false]);
    expect(renderMarkdown(third, 'en')).toContain('Warnings: 0 new, 1 still open, 1 resolved');
  });
});

describe('a failed run', () => {
  it('writes .report.failed.* and leaves the last good report byte-identical; the next good run clears the failed one', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    await refresh();
    const good = reportPaths(ws.db);
    const before = Object.values(good).map((f) => readFileSync(f));
    ws.remove('a.txt');
    ws.write('broken.docx', 'not a zip');
    const failed = await runRefresh({ dataDir: ws.docs, dbPath: ws.db });
    expect(failed.exitCode).toBe(2);
    const saved = writeReport(failed);
    expect(saved).toMatchObject({ failed: true, md: `${ws.db}.report.failed.md` });
    Object.values(good).forEach((f, i) => expect(readFileSync(f).equals(before[i]), f).toBe(true));
    const failedMd = readFileSync(saved.md, 'utf8');
    expect(failedMd).toContain('索引未更新');
    expect(failedMd).not.toMatch(/删除 \(1\)|删除 1/); // a failed run removed nothing and does not say so
    expect(failedMd).toContain('岗位：未更新，仍是上次的 1 个');
    expect(JSON.parse(readFileSync(saved.json, 'utf8')).summary).toMatchObject({ applied: false, roles: { total: 1, removed: 0 }, warnings: { resolved: 0 } });
    expect(readFileSync(saved.html, 'utf8')).toContain('上一次成功的报告保持不变');

    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    expect(writeReport(await runRefresh({ dataDir: ws.docs, dbPath: ws.db })).failed).toBe(false);
    for (const f of Object.values(reportPaths(ws.db, 'failed'))) expect(existsSync(f), f).toBe(false);
  });
});

describe('terminal text', () => {
  it('wraps to the width with wide characters as two columns, never starting a line with closing punctuation', () => {
    const text = '客服经理/主管（001.txt 第 119 行）的上级“项目负责人”不是任何文档中的岗位；最接近的岗位：负责人、技术负责人、操作负责人、项目经理';
    for (const width of [20, 33, 40]) {
      const lines = wrap(text, width, '• ', '  ');
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
      for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}[^、，。；：”）]/);
      expect(lines.join('').replace(/\s+/g, '')).toBe(`•${text.replace(/\s+/g, '')}`);
    }
    expect(wrap('Reports to an unknown role named supercalifragilistic', 20)).toEqual(['Reports to an', 'unknown role named', 'supercalifragilistic']);
  });

  it('measures display columns as string-width does', () => {
    for (const s of ['', 'abc', '客服主管', '客服、', 'ｆｕｌｌ', 'é', 'e\u0301', '👍🏽', '🇨🇳', '\u00ad', 'a\tb', '×2 ◀ ├─']) expect(columns(s), s).toBe(stringWidth(s));
  });

  it('prints plain text (no markdown escapes) with a summary first', () => {
    const r = reportCorpus(300);
    const text = renderText(r, 'zh', 60);
    expect(text.split('\n').slice(0, 5).join('\n')).toMatch(/岗位索引更新报告[\s\S]*索引已更新/);
    expect(text.indexOf('摘要')).toBeLessThan(text.indexOf('文档\n'));
    expect(text).not.toMatch(/\*\*|\\[+[\]_]|^#/m);
    for (const l of text.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(59);
    // a document row names each title once, with its count, and only the first few
    expect(renderMarkdown(r)).toMatch(/\| 客服\/岗位说明书-0001\.docx \| 已读取（未改动） \| 50: 总经理、[^|]* 等，另有 40 个 \|/);
  });
});

describe('HTML page', () => {
  it('is self-contained, escapes document text, and marks changed characters', () => {
    const r = reportCorpus(120);
    r.roles[3] = { ...r.roles[3], title: '<script>alert(1)</script>主管', department: 'R&D "lab"' };
    const changed = r.diff.changed[0];
    changed.fields = [{ field: 'title', kind: 'value', before: '客服主管', after: '客服部主管' }, ...changed.fields];
    const html = renderHtml(r);
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link\b|<img\b|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;主管');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('R&amp;D &quot;lab&quot;');
    expect(html).toContain('客服<ins>部</ins>主管');
    expect(renderHtml(r, 'en')).toContain('<html lang="en">');
  });
});
