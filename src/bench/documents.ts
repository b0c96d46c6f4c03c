/** Binary documents built in code, for the readers' tests and bench: minimal PDFs, .docx, .xlsx and zip containers (bombs included). */
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

// ------------------------------------------------------------------ PDF

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

/**
 * A PDF whose pages hold text runs at (x, y) in one Identity-H font with a ToUnicode map, which is how CJK text
 * is embedded (no font program: text extraction needs only the map). `encrypt` adds a standard security handler
 * whose user password is not empty.
 */
export function makePdf(pages: Array<Array<[x: number, y: number, text: string]>>, opts: { encrypt?: boolean } = {}): Buffer {
  const chars = [...new Set(pages.flat().flatMap(([, , t]) => [...t]))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const objs: string[] = [];
  const add = (s: string): number => objs.push(s);
  const catalog = add('');
  const pagesId = add('');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c) => `<${hex4(cid.get(c)!)}> <${Array.from({ length: c.length }, (_, i) => hex4(c.charCodeAt(i))).join('')}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const desc = add('<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids = pages.map((runs) => {
    const body = runs.map(([x, y, t]) => `1 0 0 1 ${x} ${y} Tm <${[...t].map((c) => hex4(cid.get(c)!)).join('')}> Tj`).join('\n');
    const content = `BT /F1 12 Tf\n${body}\nET`;
    const c = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
    return add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`);
  });
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objs[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = opts.encrypt ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : 0;
  let out = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => {
    const at = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailerExtra = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ------------------------------------------------------------------ DOCX

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string): string => text.split('\n').map((t, i) => `${i ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');

/** Word body parts: a heading (style Heading n), a paragraph, a list paragraph (numId 1 decimal, 2 bullet), a table. */
export const wordml = {
  h: (level: number, text: string): string => `<w:p><w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr>${run(text)}</w:p>`,
  p: (text: string): string => `<w:p>${run(text)}</w:p>`,
  li: (numId: 1 | 2, level: number, text: string): string =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`,
  /** cells: text, or { text, span (gridSpan), merge ('restart' | 'continue': vertical merge) } */
  table: (rows: Array<Array<string | { text: string; span?: number; merge?: 'restart' | 'continue' }>>): string =>
    `<w:tbl>${rows
      .map(
        (cells) =>
          `<w:tr>${cells
            .map((c) => {
              const cell = typeof c === 'string' ? { text: c } : c;
              const pr = `${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${cell.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.merge ? '<w:vMerge/>' : ''}`;
              return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}<w:p>${run(cell.text)}</w:p></w:tc>`;
            })
            .join('')}</w:tr>`,
      )
      .join('')}</w:tbl>`,
};

const lvl = (i: number, fmt: string, text: string): string =>
  `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

/** A minimal .docx (the parts mammoth needs) whose body is the given WordprocessingML. */
export async function makeDocx(body: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  const rel = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (xs: string[]): string => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xs.join('')}</Relationships>`;
  zip.file('_rels/.rels', rels([rel('rId1', 'officeDocument', 'word/document.xml')]));
  zip.file('word/_rels/document.xml.rels', rels([rel('rId1', 'styles', 'styles.xml'), rel('rId2', 'numbering', 'numbering.xml')]));
  const styles = [1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`).join('');
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles}</w:styles>`);
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>` +
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%2)')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}${lvl(1, 'bullet', '◦')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body.join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ------------------------------------------------------------------ XLSX

export async function makeXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ------------------------------------------------------------------ zip containers

/** A zip written by hand (deflated entries, UTF-8 names), so a test can make what no library would: a bomb, ten thousand entries. */
export function makeZip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const packed = new Map<Buffer, { data: Buffer; crc: number }>(); // the same data in many entries is compressed once
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const p = packed.get(e.data) ?? packed.set(e.data, { data: deflateRawSync(e.data), crc: crc32(e.data) }).get(e.data)!;
    // the fields the local header and the central directory share, at their offsets in each
    const fields = (h: Buffer, at: number): Buffer => {
      h.writeUInt16LE(0x0800, at); // UTF-8 names
      h.writeUInt16LE(8, at + 2); // deflate
      h.writeUInt32LE(p.crc, at + 8);
      h.writeUInt32LE(p.data.length, at + 12);
      h.writeUInt32LE(e.data.length, at + 16);
      h.writeUInt16LE(name.length, at + 20);
      return h;
    };
    const local = fields(Buffer.alloc(30), 6);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const central = fields(Buffer.alloc(46), 8);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
