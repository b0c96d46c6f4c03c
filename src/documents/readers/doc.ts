/** Legacy Word 97–2003 .doc: word-extractor reads the body text; one line block per line of it, rendered and renumbered. */
import WordExtractor from 'word-extractor';
import type { ReadOutcome } from '../model.js';
import { renderDoc } from '../render.js';
import { lineBlocks } from './text.js';

export async function readDoc(bytes: Buffer): Promise<ReadOutcome> {
  const doc = await new WordExtractor().extract(bytes);
  return { ok: true, doc: renderDoc(lineBlocks(doc.getBody()), 'doc') };
}
