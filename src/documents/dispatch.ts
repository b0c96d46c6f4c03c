/** Every reader by extension, and the call that turns a reader's exception into a reason naming the format. */
import type { ReadOutcome } from './model.js';
import { readHtml } from './readers/html.js';
import { readMarkdown } from './readers/markdown.js';
import { readText } from './readers/text.js';

/**
 * The binary formats' readers (mammoth, exceljs, pdf.js, word-extractor) are loaded on first use: only the reader
 * process reads those formats, and every ingest worker would otherwise load them all at start (~1 s of CPU each).
 */
const readDocx = async (b: Buffer) => (await import('./readers/docx.js')).readDocx(b);
const readXlsx = async (b: Buffer) => (await import('./readers/xlsx.js')).readXlsx(b);
const readPdf = async (b: Buffer) => (await import('./readers/pdf.js')).readPdf(b);
const readDoc = async (b: Buffer) => (await import('./readers/doc.js')).readDoc(b);

export const READERS: Record<string, (bytes: Buffer) => Promise<ReadOutcome>> = {
  '.txt': readText,
  '.text': readText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
  '.docx': readDocx,
  '.xlsx': readXlsx,
  '.pdf': readPdf,
  '.doc': readDoc,
};

/** Formats parsed by code we do not control over compressed or binary input: always read in the reader process. */
export const BINARY = new Set(['.docx', '.xlsx', '.pdf', '.doc']);

/** A reader's outcome; never throws. */
export async function readAs(ext: string, bytes: Buffer): Promise<ReadOutcome> {
  const reader = READERS[ext];
  if (!reader) return { ok: false, reason: `no reader for ${ext}` };
  try {
    return await reader(bytes);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    if (e instanceof RangeError) return { ok: false, reason: `too deeply nested or too large to read (${message})` };
    return { ok: false, reason: `could not read ${ext} (damaged or not really ${ext}): ${message}` };
  }
}
