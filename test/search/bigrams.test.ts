/** bigramText (the index build's FTS5 text) is exactly bigramTokens joined, which queries are cut with. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsText } from '../../src/search/indexer.js';
import { bigramText, bigramTokens } from '../../src/text/normalize.js';

// Han (BMP and beyond), traditional forms, latin, digits, full-width forms, spaces, punctuation, surrogate halves
const pieces = ['客', '服', '主', '管', '總', '監', '𠀀', '𪚥', '〇', 'a', 'Z', '7', 'Ａ', '１', ' ', '\u3000', '\n', '，', '(', 'ǎ', '\uD800', '\uDC00'];
const text = fc.oneof(fc.string({ unit: fc.constantFrom(...pieces), maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('bigramText', () => {
  it('equals bigramTokens(s).join(" ") on any text', () => {
    fc.assert(
      fc.property(text, (s) => bigramText(s) === bigramTokens(s).join(' ')),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('cuts Han runs into bigrams and keeps other words whole, ending them where Han text begins', () => {
    expect(bigramText('客服 主管，Excel表格 12')).toBe('客服 服主 主管 excel 表格 12');
    expect(bigramText('总')).toBe('总');
    expect(bigramText('客𠀀服')).toBe('客𠀀 𠀀服');
    expect(bigramText('客'.repeat(5000))).toBe(Array(4999).fill('客客').join(' '));
    expect(ftsText(['客服', '，', '主管'])).toBe('客服 主管');
  });
});
