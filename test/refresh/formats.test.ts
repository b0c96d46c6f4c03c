import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../../src/ingest/read.js';
import { htmlToText, markdownToText } from '../../src/ingest/formats.js';
import { ingestText } from '../../src/ingest/pipeline.js';
import { docx, gbk, jobText, utf16le } from './fixtures.js';

const DUTIES = ['负责客服部全面管理工作', '处理业主投诉'];

async function rolesOf(file: string, bytes: Buffer) {
  const r = await documentFromBytes(file, bytes);
  if (r.status !== 'ok') throw new Error(`${file} skipped: ${r.reason}`);
  return ingestText(file, r.text, r.doc);
}

describe('document formats', () => {
  it('reads a .docx (paragraphs and table cells) into the same roles as plain text', async () => {
    const bytes = docx(['客服主管岗位职责:', ...DUTIES.map((d, i) => `${i + 1}、${d}`)], [['岗位名称', '客服主管']]);
    const r = await documentFromBytes('jd.docx', bytes);
    expect(r).toMatchObject({ status: 'ok', format: 'docx' });
    if (r.status !== 'ok') return;
    // the rendering binary formats are numbered by: one line a paragraph, one a table row
    expect(r.text.split('\n').map((l) => l.trim())).toEqual(expect.arrayContaining(['1、负责客服部全面管理工作', '岗位名称 | 客服主管']));
    const roles = await rolesOf('jd.docx', bytes);
    expect(roles.map((x) => x.title)).toContain('客服主管');
    expect(roles.find((x) => x.title === '客服主管')!.duties.join()).toContain('处理业主投诉');
  });

  it('skips a broken .docx and a damaged .doc with a reason HR can act on', async () => {
    const broken = await documentFromBytes('bad.docx', Buffer.from('PK\x03\x04 not really a zip'));
    expect(broken).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/zip|damaged|truncated/) });
    const old = await documentFromBytes('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0]));
    expect(old).toMatchObject({ status: 'skipped', reason: 'truncated file' });
  });

  it('turns HTML into lines: scripts and styles dropped, blocks and table cells on their own lines, entities decoded', async () => {
    const page = `<!doctype html><html><head><title>站点标题</title><style>.a{color:red}</style>
      <script>var ad = "广告岗位职责";</script></head><body><h2>客服主管岗位职责</h2>
      <p>1、负责客服部全面管理工作</p><div>2、处理业主<b>投诉</b> &amp; 回访</div>
      <table><tr><td>汇报对象</td><td>客服经理</td></tr></table><noscript>请启用脚本</noscript></body></html>`;
    const lines = htmlToText(page).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(['客服主管岗位职责', '1、负责客服部全面管理工作', '2、处理业主投诉 & 回访', '汇报对象', '客服经理']);
    const roles = await rolesOf('jd.html', Buffer.from(page));
    expect(roles.map((r) => r.title)).toEqual(['客服主管']);
  });

  it('reads .htm saved in GBK', async () => {
    const r = await documentFromBytes('jd.htm', gbk('<p>客服主管岗位职责</p><p>1、处理投诉</p>'));
    expect(r).toMatchObject({ status: 'ok', format: 'html, gb18030' });
  });

  it('renders markdown line for line (so source lines stay right), markers and link targets dropped', () => {
    const md = ['# 客服主管岗位职责', '', '1. **负责**客服部[管理](http://x)工作', '- 处理`投诉`', '```', '# 代码', '```', '| 汇报对象 | 客服经理 |', '|---|---|', '> 引用'].join('\n');
    expect(markdownToText(md).split('\n')).toEqual(['客服主管岗位职责', '', '1. 负责客服部管理工作', '• 处理投诉', '', '# 代码', '', '汇报对象  客服经理', '', '引用']);
  });

  it('extracts roles from .md with their original line numbers', async () => {
    const roles = await rolesOf('jd.md', Buffer.from(`# 招聘\n\n## 客服主管岗位职责\n${DUTIES.map((d, i) => `${i + 1}、${d}`).join('\n')}\n`));
    expect(roles).toHaveLength(1);
    expect(roles[0].source).toMatchObject({ file: 'jd.md', startLine: 3 });
  });

  it('reads GBK and UTF-16 text files, and skips empty and binary files with a reason', async () => {
    const text = jobText('客服主管', DUTIES);
    expect(await documentFromBytes('a.txt', gbk(text))).toMatchObject({ status: 'ok', format: 'gb18030', text });
    expect(await documentFromBytes('b.txt', utf16le(text))).toMatchObject({ status: 'ok', format: 'utf-16le', text });
    expect(await documentFromBytes('c.txt', Buffer.alloc(0))).toMatchObject({ status: 'skipped', reason: 'empty file' });
    expect(await documentFromBytes('d.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).toMatchObject({ status: 'skipped', reason: expect.stringContaining('binary') });
    expect(await documentFromBytes('e.txt', Buffer.from('  \n\n '))).toMatchObject({ status: 'skipped', reason: 'no text in document' });
  });
});
