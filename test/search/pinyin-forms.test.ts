/** pinyinForms (the index build's one-call name forms) equals the three functions questions are matched with. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialsKey, normalizeKey, pinyinForms, pinyinKey, syllablesOf } from '../../src/text/normalize.js';
import path from 'node:path';
import { EXAMPLES_DIR } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';

const threeCalls = (name: string) => ({
  key: normalizeKey(name),
  pinyin: pinyinKey(name),
  initials: initialsKey(name),
  syllables: syllablesOf(normalizeKey(name)),
});

// common and rare Han, heteronyms in context (银行, 长), traditional forms, 〇, latin, digits, full-width, CJK beyond the BMP
const pieces = ['客', '服', '主', '管', '银', '行', '长', '重', '總', '監', '〇', '𠀀', 'a', 'Z', 'k', '7', 'Ａ', '１', '·', '-', '/', '（'];
const names = fc.string({ unit: fc.constantFrom(...pieces), minLength: 1, maxLength: 12 });

describe('pinyinForms', () => {
  it('equals pinyinKey, initialsKey and syllablesOf on generated names', () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(pinyinForms(name)).toEqual(threeCalls(name));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('equals them on every title and alias in the bundled documents', async () => {
    const { roles } = await ingestFolder(EXAMPLES_DIR);
    for (const name of roles.flatMap((r) => [r.title, ...r.aliases])) expect(pinyinForms(name)).toEqual(threeCalls(name));
  });
});
