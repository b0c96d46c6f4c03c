/**
 * Find and read every document in a folder. Each file ends as either text to ingest or a skip with
 * a reason a person can act on; nothing is half-read.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBytes } from './decode.js';

export type SourceFile = { file: string; absPath: string };

export type ReadResult =
  | { file: string; sha256: string; size: number; status: 'ok'; text: string; format: string }
  | { file: string; sha256: string; size: number; status: 'skipped'; reason: string };

/** Text extraction per file extension; all formats end in plain lines for the same clean/segment path. */
export type FormatReader = (bytes: Buffer) => Promise<{ ok: true; text: string; format: string } | { ok: false; reason: string }>;

const plainText: FormatReader = async (bytes) => {
  const d = decodeBytes(bytes);
  return d.ok ? { ok: true, text: d.text, format: d.encoding } : d;
};

export const FORMATS: Record<string, FormatReader> = {
  '.txt': plainText,
  '.text': plainText,
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
  const base = { file: src.file, sha256: sha256(bytes), size: bytes.length };
  const reader = FORMATS[path.extname(src.file).toLowerCase()];
  if (!reader) return { ...base, status: 'skipped', reason: `unsupported file type (${path.extname(src.file) || 'no extension'})` };
  try {
    const r = await reader(bytes);
    if (!r.ok) return { ...base, status: 'skipped', reason: r.reason };
    if (!r.text.trim()) return { ...base, status: 'skipped', reason: 'no text in document' };
    return { ...base, status: 'ok', text: r.text, format: r.format };
  } catch (e) {
    return { ...base, status: 'skipped', reason: `could not read ${path.extname(src.file)}: ${(e as Error).message}` };
  }
}
