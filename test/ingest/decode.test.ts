import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';

const SAMPLE = '客服主管岗位职责:1、负责客服部全面管理工作;';

function gb18030Bytes(s: string): Uint8Array {
  // Node has no GB18030 encoder; build the bytes from a decoder round trip over all 2-byte codes we need.
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(SAMPLE);
    expect(decodeBytes(plain)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeBytes(bom)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'utf-8 (BOM)' });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeBytes(le)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.from(SAMPLE, 'utf16le')).swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ ok: true, text: SAMPLE, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const gbk = gb18030Bytes(SAMPLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(decodeBytes(gbk)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'gb18030' });
  });

  it('rejects empty and binary input with a reason', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const r = decodeBytes(png);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/binary/);
  });
});
