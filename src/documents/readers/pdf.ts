/**
 * .pdf: unpdf (a serverless build of Mozilla's pdf.js). Text items are grouped into lines by their baseline
 * (top to bottom) and ordered by x; each line is a `line` block. Pages are marked `[Page N]` in the rendering.
 * A PDF with no text layer (a scan) or a password is skipped with what to do about it.
 */
import { getDocumentProxy } from 'unpdf';
import type { Block, ReadOutcome } from '../model.js';
import { renderDoc, type Mark } from '../render.js';

type Item = { str: string; x: number; y: number; w: number; h: number };

export const SCANNED = 'scanned PDF (no text layer): run OCR on it (save as a searchable PDF) or save the text as .docx or .txt';
export const PDF_PASSWORD = 'password-protected PDF: save a copy without the password';

/** Items on one baseline (within half a line height) form a line; a gap wider than a third of the height is a space. */
function pageLines(items: Item[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const cur = lines.at(-1);
    if (cur && Math.abs(cur[0].y - it.y) <= Math.max(2, Math.min(cur[0].h, it.h) / 2)) cur.push(it);
    else lines.push([it]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      line.forEach((it, i) => {
        const prev = line[i - 1];
        if (prev && it.x - (prev.x + prev.w) > it.h / 3) text += ' ';
        text += it.str;
      });
      return text.replace(/\s+/g, ' ').trim();
    })
    .filter(Boolean);
}

export async function readPdf(bytes: Buffer): Promise<ReadOutcome> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (e) {
    if ((e as Error).name === 'PasswordException') return { ok: false, reason: PDF_PASSWORD };
    throw e;
  }
  try {
    const parts: Array<Block | Mark> = [];
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = content.items.flatMap((it) =>
        'str' in it && it.str ? [{ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: it.height || Math.abs(it.transform[3]) || 10 }] : [],
      );
      const lines = pageLines(items);
      if (pdf.numPages > 1) parts.push({ mark: `[Page ${p}]` });
      for (const text of lines) {
        chars += text.length;
        parts.push({ kind: 'line', text, line: 1, endLine: 1 });
      }
      page.cleanup();
    }
    if (!chars) return { ok: false, reason: SCANNED };
    return { ok: true, doc: renderDoc(parts, 'pdf') };
  } finally {
    await pdf.destroy();
  }
}
