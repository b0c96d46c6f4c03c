import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { gbk } from '../helpers/encodings.js';

const SAMPLE = '客服主管岗位职责:1、负责客服部全面管理工作;';

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
    const bytes = gbk(SAMPLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, text: SAMPLE, encoding: 'gb18030' });
  });

  it('rejects empty and binary input with a reason', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const r = decodeBytes(png);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/binary/);
  });
});
