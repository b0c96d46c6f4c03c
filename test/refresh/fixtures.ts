/** Test documents built in code: a real .docx (zip written by hand), GBK bytes, index folders. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeZip } from '../../src/bench/documents.js';

/** A minimal zip (deflated entries, no extras): enough for mammoth and any unzip tool. */
export const zip = (entries: Record<string, string>): Buffer =>
  makeZip(Object.entries(entries).map(([name, content]) => ({ name, data: Buffer.from(content, 'utf8') })));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word document with one paragraph per line and, optionally, a two-column table of [label, value] rows. */
export function docx(paragraphs: string[], table: Array<[string, string]> = []): Buffer {
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const tbl = table.length
    ? `<w:tbl>${table.map((row) => `<w:tr>${row.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
    : '';
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(p).join('')}${tbl}</w:body></w:document>`,
  });
}

export { gbk } from '../helpers/encodings.js';

export function utf16le(s: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
}

/** A job description in the plain "X岗位职责 + numbered duties" shape every extractor reads. */
export function jobText(title: string, duties: string[]): string {
  return `${title}岗位职责:\n${duties.map((d, i) => `${i + 1}、${d}`).join('\n')}\n`;
}

export type Workspace = { root: string; docs: string; db: string; write(file: string, content: string | Buffer): void; remove(file: string): void; cleanup(): void };

/** A temp folder with data/docs and a db path, removed by cleanup(). */
export function workspace(): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'rolebot-refresh-'));
  const docs = path.join(root, 'docs');
  mkdirSync(docs);
  return {
    root,
    docs,
    db: path.join(root, 'index', 'rolebot.db'),
    write(file, content) {
      mkdirSync(path.dirname(path.join(docs, file)), { recursive: true });
      writeFileSync(path.join(docs, file), content);
    },
    remove(file) {
      rmSync(path.join(docs, file));
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
