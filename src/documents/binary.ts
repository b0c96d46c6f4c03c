/** The readers of binary formats, by extension: run in the reader thread (src/documents/worker.ts), never in the caller's. */
import type { ReadOutcome } from './model.js';
import { readDoc } from './readers/doc.js';
import { readDocx } from './readers/docx.js';
import { readPdf } from './readers/pdf.js';
import { readXlsx } from './readers/xlsx.js';

export const BINARY_READERS: Record<string, (bytes: Buffer) => Promise<ReadOutcome>> = {
  '.docx': readDocx,
  '.xlsx': readXlsx,
  '.pdf': readPdf,
  '.doc': readDoc,
};

/** A binary reader's outcome; a library's exception becomes a reason naming the format. */
export async function readBinary(ext: string, bytes: Buffer): Promise<ReadOutcome> {
  const reader = BINARY_READERS[ext];
  if (!reader) return { ok: false, reason: `no binary reader for ${ext}` };
  try {
    return await reader(bytes);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return { ok: false, reason: `could not read ${ext} (damaged or not really ${ext}): ${message}` };
  }
}
