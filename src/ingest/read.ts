/**
 * Find and read every document in a folder. Each file ends as either text to ingest or a skip with
 * a reason a person can act on; nothing is half-read.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../documents/model.js';
import { readBlocks } from '../documents/read.js';
import { htmlToText, markdownToText } from './formats.js';

export type SourceFile = { file: string; absPath: string };

export type ReadResult =
  | { file: string; sha256: string; size: number; status: 'ok'; text: string; format: string; doc: Doc }
  | { file: string; sha256: string; size: number; status: 'skipped'; reason: string };

/**
 * The line reader's text of the formats it was written for, from the text the block reader decoded: the file's own
 * lines with markup removed (so a role's lines are the file's). Other formats give it the rendering (Doc.text).
 */
const LINE_TEXT: Record<string, (decoded: string) => string> = {
  '.txt': (t) => t,
  '.text': (t) => t,
  '.md': markdownToText,
  '.markdown': markdownToText,
  '.html': htmlToText,
  '.htm': htmlToText,
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

/**
 * A document already in memory (refresh hashes the bytes first, to skip unchanged files) → its blocks (every
 * format, src/documents) and the line reader's text. A file the block readers refuse is skipped with their reason.
 */
export async function documentFromBytes(file: string, bytes: Buffer, hash = sha256(bytes)): Promise<ReadResult> {
  const base = { file, sha256: hash, size: bytes.length };
  const read = await readBlocks(file, bytes);
  if (!read.ok) return { ...base, status: 'skipped', reason: read.reason };
  const ext = path.extname(file).toLowerCase();
  const lines = LINE_TEXT[ext];
  try {
    const text = lines ? lines(read.doc.text) : read.doc.text;
    return { ...base, status: 'ok', text, format: read.doc.format, doc: read.doc };
  } catch (e) {
    return { ...base, status: 'skipped', reason: `could not read ${ext}: ${(e as Error).message}` };
  }
}
