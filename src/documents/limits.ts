/**
 * Limits per document, so one bad file (a zip bomb, a 50 MB export, a parser that never returns) costs a
 * bounded time and memory and ends as a skip with a reason, never a crash or a half-read document.
 */

/** Bytes on disk; a job description is KBs, an exported handbook a few MB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Declared uncompressed size of a .docx/.xlsx zip, checked before anything is inflated. */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
/** Entries in a .docx/.xlsx zip (a workbook has one per sheet and a few dozen more). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Text documents (.txt, .md, .html) above this size are read in the reader process too, under its limits. */
export const IN_THREAD_BYTES = 1024 * 1024;
/** Table cells per document once merged cells are expanded (rows × widest row): what grid() may allocate. */
export const MAX_TABLE_CELLS = 2_000_000;
/** Wall time to read one document in the reader process. */
export const READ_TIMEOUT_MS = 30_000;
/** Heap of the reader process (V8 old generation); a document that needs more is skipped. */
export const READER_MEMORY_MB = 768;

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

export const TOO_LARGE = (size: number): string =>
  `file too large (${MB(size)}; limit ${MB(MAX_DOCUMENT_BYTES)} per document): split it or save only the job descriptions`;

/** OLE compound file: an encrypted Office file, or a legacy .doc/.xls. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const isOle = (b: Buffer): boolean => b.subarray(0, 8).equals(OLE);
export const ENCRYPTED = 'password-protected or encrypted (or an old .doc/.xls renamed): save an unprotected copy as .docx/.xlsx';

/** A zip's first local header: .docx and .xlsx start with it. */
export const ZIP = 0x04034b50;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64 = 0xffffffff;

/**
 * Why a .docx/.xlsx container must not be opened (null when it may): read from the zip's central directory
 * alone, before anything is inflated. Declared sizes can lie; the reader process's memory cap covers that case.
 */
export function zipProblem(b: Buffer): string | null {
  if (isOle(b)) return ENCRYPTED;
  if (b.length < 22 || b.readUInt32LE(0) !== ZIP) return 'not a valid .docx/.xlsx (no zip container): damaged, or another format renamed';
  let eocd = -1;
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 0xffff); p--) {
    if (b.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return 'damaged or truncated .docx/.xlsx (zip directory missing)';
  const entries = b.readUInt16LE(eocd + 10);
  const offset = b.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === ZIP64) return 'zip64 container: far larger than a document';
  if (entries > MAX_ZIP_ENTRIES) return `zip bomb or not a document: ${entries} entries (limit ${MAX_ZIP_ENTRIES})`;
  let total = 0;
  let p = offset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) return 'damaged .docx/.xlsx (zip directory unreadable)';
    const size = b.readUInt32LE(p + 24);
    if (size === ZIP64) return 'zip64 entry: far larger than a document';
    total += size;
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  if (total > MAX_UNPACKED_BYTES) return `zip bomb or oversized: ${MB(total)} unpacked (limit ${MB(MAX_UNPACKED_BYTES)} per document)`;
  return null;
}
