/**
 * Bytes → text. Order matters: a BOM is authoritative; then strict UTF-8 (which rejects GBK byte
 * pairs almost always); then GB18030, which accepts nearly anything, so binary files are screened first.
 */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const strict = (label: string) => new TextDecoder(label, { fatal: true });

/** NULs and C0 controls other than tab/newline/CR/FF/ESC mark a binary (or UTF-16 without BOM) file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) bad++;
  }
  return bad > n * 0.02;
}

/** Share of replacement/control characters in decoded text: GB18030 maps garbage to real but odd code points. */
function implausible(text: string): boolean {
  let bad = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xe000 && c <= 0xf8ff && c !== 0xf0d8)) bad++;
  }
  return total > 0 && bad / total > 0.05;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return { ok: true, text: strict('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return { ok: true, text: strict('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return { ok: true, text: strict('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
    }
  } catch {
    return { ok: false, reason: 'invalid bytes for the encoding its byte-order mark declares' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (control bytes), not text' };
  try {
    return { ok: true, text: strict('utf-8').decode(bytes), encoding: 'utf-8' };
  } catch {
    /* not UTF-8: try the Chinese legacy encoding */
  }
  try {
    const text = strict('gb18030').decode(bytes);
    if (implausible(text)) return { ok: false, reason: 'undecodable: neither UTF-8 nor plausible GB18030 text' };
    return { ok: true, text, encoding: 'gb18030' };
  } catch {
    return { ok: false, reason: 'undecodable: neither UTF-8 nor GB18030' };
  }
}
