/** Legacy Word 97–2003 .doc: word-extractor reads the body text; one line block per line of it, rendered and renumbered. */
import { createRequire } from 'node:module';
import WordExtractor from 'word-extractor';
import type { ReadOutcome } from '../model.js';
import { renderDoc } from '../render.js';
import { lineBlocks } from './text.js';

type AllocationTable = { _table: number[]; getSecIdChain(start: number): number[] };

/**
 * word-extractor 1.0.4 follows a sector chain of the OLE file until it ends; in a damaged file whose chain loops
 * it grows an array until V8 aborts the whole process (a fatal error, not an exception, so no thread or try
 * survives it). A chain never visits a sector twice: this version throws when one does, which the reader
 * turns into a skip. Same module instance as word-extractor's own (one CommonJS cache).
 */
const table = createRequire(import.meta.url)('word-extractor/lib/ole-allocation-table.js') as { prototype: AllocationTable };
table.prototype.getSecIdChain = function (this: AllocationTable, start: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let id = start; id >= 0; id = this._table[id]) {
    if (seen.has(id)) throw new Error('damaged file: a sector chain loops');
    seen.add(id);
    chain.push(id);
  }
  return chain;
};

export async function readDoc(bytes: Buffer): Promise<ReadOutcome> {
  const doc = await new WordExtractor().extract(bytes);
  return { ok: true, doc: renderDoc(lineBlocks(doc.getBody()), 'doc') };
}
