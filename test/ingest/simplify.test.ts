import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../src/config.js';
import { toSimplified } from '../../src/text/normalize.js';

const opencc = OpenCC.Converter({ from: 't', to: 'cn' });

/** Every key and value of the t→cn dictionaries, alone and inside simplified text. */
function dictionaryStrings(): string[] {
  const config = OpenCC.Locale.configs!.t2s;
  const out: string[] = [];
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((l) => l.split(' ')) : (dict as string[][]);
      for (const [k, v] of pairs) out.push(k, v, `负责${k}工作`, `${v}${k}`);
    }
  }
  return out;
}

describe('toSimplified fast path', () => {
  it('gives exactly what opencc gives, for every dictionary entry and every line of the bundled documents', () => {
    const lines = readdirSync(EXAMPLES_DIR).flatMap((f) => readFileSync(path.join(EXAMPLES_DIR, f), 'utf8').split('\n'));
    const strings = [...dictionaryStrings(), ...lines, ...lines.map((l) => l.normalize('NFKC'))];
    expect(strings.length).toBeGreaterThan(1000);
    const diff = strings.filter((s) => toSimplified(s) !== opencc(s));
    expect(diff).toEqual([]);
  });

  it('still converts traditional text', () => {
    expect(toSimplified('總監負責業務')).toBe('总监负责业务');
  });
});
