/** Plain text: decoded as before (BOM, UTF-8, GB18030, UTF-16), one `line` block per non-empty line. */
import { decodeBytes } from '../../ingest/decode.js';
import type { Block, ReadOutcome } from '../model.js';

/** A block per non-empty line of text, numbered as the text's own lines (what a line is, context decides). */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim()) blocks.push({ kind: 'line', text: raw, line: i + 1, endLine: i + 1 });
  });
  return blocks;
}

export async function readText(bytes: Buffer): Promise<ReadOutcome> {
  const d = decodeBytes(bytes);
  if (!d.ok) return d;
  return { ok: true, doc: { blocks: lineBlocks(d.text), text: d.text, format: d.encoding } };
}
