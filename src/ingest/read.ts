/**
 * Find and read every document in a folder. Each file ends as either text to ingest or a skip with
 * a reason a person can act on; nothing is half-read.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Doc, ReadOutcome } from '../documents/model.js';
import { readHtml } from '../documents/readers/html.js';
import { readMarkdown } from '../documents/readers/markdown.js';
import { readText } from '../documents/readers/text.js';
import { docx, html, markdown, plainText, type FormatReader } from './formats.js';

export type SourceFile = { file: string; absPath: string };

export type ReadResult =
  | { file: string; sha256: string; size: number; status: 'ok'; text: string; format: string; doc: Doc | null }
  | { file: string; sha256: string; size: number; status: 'skipped'; reason: string };

/** Text extraction per file extension; all formats end in plain lines for the same clean/segment path. */
export type { FormatReader } from './formats.js';

export const FORMATS: Record<string, FormatReader> = {
  '.txt': plainText,
  '.text': plainText,
  '.md': markdown,
  '.markdown': markdown,
  '.html': html,
  '.htm': html,
  '.docx': docx,
};

/** Structured readers: the document's blocks, read by the block reader beside the line reader (see pipeline). */
const BLOCK_READERS: Record<string, (bytes: Buffer) => Promise<ReadOutcome>> = {
  '.txt': readText,
  '.text': readText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
};

/** What HR can do about formats that are common but not read. */
const UNSUPPORTED_HINTS: Record<string, string> = {
  '.doc': 'save it as .docx',
  '.wps': 'save it as .docx',
  '.rtf': 'save it as .docx',
  '.pdf': 'save it as .docx or .txt',
  '.xls': 'copy the text into a .docx or .txt',
  '.xlsx': 'copy the text into a .docx or .txt',
};

/** Every file below dir (recursively, hidden files excluded), sorted, with paths relative to dir using '/'. */
export async function listFiles(dir: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) out.push({ file: r, absPath: path.join(dir, r) });
    }
  }
  await walk('');
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readDocument(src: SourceFile): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(src.absPath);
  } catch (e) {
    return { file: src.file, sha256: '', size: 0, status: 'skipped', reason: `unreadable: ${(e as Error).message}` };
  }
  return documentFromBytes(src.file, bytes);
}

/** The text of a document already in memory (refresh hashes the bytes first, to skip unchanged files). */
export async function documentFromBytes(file: string, bytes: Buffer, hash = sha256(bytes)): Promise<ReadResult> {
  const base = { file, sha256: hash, size: bytes.length };
  const ext = path.extname(file).toLowerCase();
  const reader = FORMATS[ext];
  if (!reader) {
    const hint = UNSUPPORTED_HINTS[ext];
    return { ...base, status: 'skipped', reason: `unsupported file type (${ext || 'no extension'})${hint ? `: ${hint}` : ''}` };
  }
  try {
    const r = await reader(bytes);
    if (!r.ok) return { ...base, status: 'skipped', reason: r.reason };
    if (!r.text.trim()) return { ...base, status: 'skipped', reason: 'no text in document' };
    const blocks = await BLOCK_READERS[ext]?.(bytes);
    return { ...base, status: 'ok', text: r.text, format: r.format, doc: blocks?.ok ? blocks.doc : null };
  } catch (e) {
    return { ...base, status: 'skipped', reason: `could not read ${ext}: ${(e as Error).message}` };
  }
}
