/** documents → role records: read, clean, segment/extract, validate. */
import { finalizeRoles, type Role } from '../roles/schema.js';
import type { DocumentRow } from '../store/db.js';
import { cleanLines } from './clean.js';
import { extractRoles } from './extract.js';
import { listFiles, readDocument, type ReadResult } from './read.js';

/** Documents read ahead of the one being parsed: enough to hide file I/O, few enough to bound memory. */
const READ_AHEAD = 8;

/** One document's text → validated role records (ids assigned, schema-checked). */
export function ingestText(file: string, text: string): Role[] {
  return finalizeRoles(extractRoles(cleanLines(text), file));
}

/**
 * One read document → its index row and roles. A document whose extraction fails is recorded as skipped
 * and contributes no roles at all (never half-indexed).
 */
export function ingestRead(r: ReadResult): { row: DocumentRow; roles: Role[] } {
  const base = { file: r.file, sha256: r.sha256, size: r.size };
  if (r.status === 'skipped') return { row: { ...base, status: 'skipped', reason: r.reason, roles: 0 }, roles: [] };
  try {
    const roles = ingestText(r.file, r.text);
    return { row: { ...base, status: 'ok', reason: null, roles: roles.length }, roles };
  } catch (e) {
    return { row: { ...base, status: 'skipped', reason: `extraction failed: ${(e as Error).message}`, roles: 0 }, roles: [] };
  }
}

export type FolderIngest = { documents: DocumentRow[]; roles: Role[] };

/** Every document in dir, through ingestRead. */
export async function ingestFolder(dir: string, onDocument?: (d: DocumentRow) => void): Promise<FolderIngest> {
  const documents: DocumentRow[] = [];
  const roles: Role[] = [];
  // the next few documents are read (and decoded) while this one is parsed; results are still taken in order
  const files = await listFiles(dir);
  const reads: (Promise<ReadResult> | undefined)[] = [];
  const readAhead = (k: number) => {
    if (k >= files.length) return;
    const p = readDocument(files[k]);
    p.catch(() => {}); // awaited (and rethrown) in turn below; this only keeps an early failure from counting as unhandled
    reads[k] = p;
  };
  for (let k = 0; k < READ_AHEAD; k++) readAhead(k);
  for (let k = 0; k < files.length; k++) {
    const r = await reads[k]!;
    reads[k] = undefined;
    readAhead(k + READ_AHEAD);
    const { row, roles: found } = ingestRead(r);
    roles.push(...found);
    documents.push(row);
    onDocument?.(row);
  }
  return { documents, roles };
}
