/**
 * readBlocks: any supported file → the document model (src/documents/model.ts) or a reason a person can act on.
 * Text formats are parsed in the caller's thread; binary formats in the reader thread (src/documents/thread.ts)
 * under a memory cap and a time limit. Limits are in src/documents/limits.ts. Never throws.
 */
import path from 'node:path';
import { z } from 'zod';
import { isOle, MAX_DOCUMENT_BYTES, TOO_LARGE, ZIP, zipProblem } from './limits.js';
import { BlockSchema, type ReadOutcome } from './model.js';
import { readHtml } from './readers/html.js';
import { readMarkdown } from './readers/markdown.js';
import { readText } from './readers/text.js';
import { ReaderThread } from './thread.js';

const TEXT_READERS: Record<string, (bytes: Buffer) => Promise<ReadOutcome>> = {
  '.txt': readText,
  '.text': readText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
};

/** Checked before the reader thread sees the bytes: a cheap look at the container answers most bad files. */
const PREFLIGHT: Record<string, (bytes: Buffer) => string | null> = {
  '.docx': zipProblem,
  '.xlsx': zipProblem,
  '.pdf': (b) => (b.subarray(0, 1024).includes('%PDF-') ? null : 'not a PDF (no %PDF header): damaged, or another format renamed'),
  '.doc': (b) => (isOle(b) ? null : 'not a Word 97–2003 file (no OLE header): damaged, or another format renamed'),
};

export const SUPPORTED_EXTENSIONS = [...Object.keys(TEXT_READERS), ...Object.keys(PREFLIGHT)];

/** What HR can do about formats that are common but not read. */
const UNSUPPORTED_HINTS: Record<string, string> = {
  '.wps': 'save it as .docx',
  '.rtf': 'save it as .docx',
  '.odt': 'save it as .docx',
  '.pages': 'export it as .docx',
  '.xls': 'save it as .xlsx',
  '.et': 'save it as .xlsx',
  '.ods': 'save it as .xlsx',
  '.csv': 'save it as .xlsx',
  '.ppt': 'copy the text into a .docx or .txt',
  '.pptx': 'copy the text into a .docx or .txt',
};

const Blocks = z.array(BlockSchema);

let shared: ReaderThread | null = null;

/**
 * Reads one document. `file` is only used for its extension. `thread` defaults to one shared reader thread,
 * started with the first binary document; closeReaders() ends it.
 */
export async function readBlocks(file: string, bytes: Buffer, thread?: ReaderThread): Promise<ReadOutcome> {
  const named = path.extname(file).toLowerCase();
  // a .docx saved under .doc (an old habit) is read as what it is, with its headings, lists and tables
  const ext = named === '.doc' && bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP ? '.docx' : named;
  const text = TEXT_READERS[ext];
  const preflight = PREFLIGHT[ext];
  if (!text && !preflight) {
    const hint = UNSUPPORTED_HINTS[ext];
    return { ok: false, reason: `unsupported file type (${ext || 'no extension'})${hint ? `: ${hint}` : ''}` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: TOO_LARGE(bytes.length) };
  let outcome: ReadOutcome;
  try {
    if (text) outcome = await text(bytes);
    else {
      const problem = bytes.length < 8 ? 'truncated file' : preflight!(bytes);
      if (problem) return { ok: false, reason: problem };
      outcome = await (thread ?? (shared ??= new ReaderThread())).read(ext, bytes);
    }
  } catch (e) {
    return { ok: false, reason: `could not read ${ext}: ${(e as Error).message}` };
  }
  if (!outcome.ok) return outcome;
  const valid = Blocks.safeParse(outcome.doc.blocks);
  if (!valid.success) return { ok: false, reason: `reader produced an invalid document (${valid.error.issues[0]?.message}); please report it` };
  if (!outcome.doc.blocks.some((b) => b.kind === 'table' || b.text.trim())) return { ok: false, reason: 'no text in document' };
  return outcome;
}

/** Ends the shared reader thread (the next binary document starts a new one). */
export async function closeReaders(): Promise<void> {
  const t = shared;
  shared = null;
  await t?.close();
}
