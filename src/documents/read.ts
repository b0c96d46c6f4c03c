/**
 * readBlocks: any supported file → the document model (src/documents/model.ts) or a reason a person can act on.
 * Binary formats, and text formats over IN_THREAD_BYTES, are read in the reader process (src/documents/reader-process.ts)
 * under a memory cap and a time limit; small text files in the caller's thread. Limits are in
 * src/documents/limits.ts. Never throws.
 */
import path from 'node:path';
import { z } from 'zod';
import { BINARY, READERS, readAs } from './dispatch.js';
import { IN_THREAD_BYTES, isOle, MAX_DOCUMENT_BYTES, MAX_TABLE_CELLS, TOO_LARGE, ZIP, zipProblem } from './limits.js';
import { BlockSchema, type Doc, type ReadOutcome } from './model.js';
import { ReaderProcess } from './reader-process.js';

/** Checked before the reader process sees the bytes: a cheap look at the container answers most bad files. */
const PREFLIGHT: Record<string, (bytes: Buffer) => string | null> = {
  '.docx': zipProblem,
  '.xlsx': zipProblem,
  '.pdf': (b) => (b.subarray(0, 1024).includes('%PDF-') ? null : 'not a PDF (no %PDF header): damaged, or another format renamed'),
  '.doc': (b) => (isOle(b) ? null : 'not a Word 97–2003 file (no OLE header): damaged, or another format renamed'),
};

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

/** Why a document read must not be used (null when it may): invalid blocks, no text, tables too large to expand. */
function docProblem(doc: Doc): string | null {
  const valid = Blocks.safeParse(doc.blocks);
  if (!valid.success) return `reader produced an invalid document (${valid.error.issues[0]?.message}); please report it`;
  if (!doc.blocks.some((b) => b.kind === 'table' || b.text.trim())) return 'no text in document';
  let cells = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'table') cells += b.rows.length * Math.max(0, ...b.rows.map((r) => r.cells.reduce((n, c) => n + c.colspan, 0)));
  }
  if (cells > MAX_TABLE_CELLS) return `tables too large (${cells.toLocaleString('en')} cells; limit ${MAX_TABLE_CELLS.toLocaleString('en')} per document)`;
  return null;
}

let shared: ReaderProcess | null = null;

/**
 * Reads one document. `file` is only used for its extension. `reader` defaults to one shared reader process,
 * started with the first document that needs it; closeReaders() ends it.
 */
export async function readBlocks(file: string, bytes: Buffer, reader?: ReaderProcess): Promise<ReadOutcome> {
  const named = path.extname(file).toLowerCase();
  // a .docx saved under .doc (an old habit) is read as what it is, with its headings, lists and tables
  const ext = named === '.doc' && bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP ? '.docx' : named;
  if (!READERS[ext]) {
    const hint = UNSUPPORTED_HINTS[ext];
    return { ok: false, reason: `unsupported file type (${ext || 'no extension'})${hint ? `: ${hint}` : ''}` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: TOO_LARGE(bytes.length) };
  const problem = PREFLIGHT[ext] && (bytes.length < 8 ? 'truncated file' : PREFLIGHT[ext](bytes));
  if (problem) return { ok: false, reason: problem };
  const outcome =
    BINARY.has(ext) || bytes.length > IN_THREAD_BYTES ? await (reader ?? (shared ??= new ReaderProcess())).read(ext, bytes) : await readAs(ext, bytes);
  if (!outcome.ok) return outcome;
  const why = docProblem(outcome.doc);
  return why ? { ok: false, reason: why } : outcome;
}

/** Ends the shared reader process (the next document that needs one starts a new one). */
export async function closeReaders(): Promise<void> {
  const t = shared;
  shared = null;
  await t?.close();
}
