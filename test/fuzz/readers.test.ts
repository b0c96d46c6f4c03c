/** Reader fuzz (short run; `npm run fuzz` runs the same property longer): damaged bytes in any format never throw. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeReaders } from '../../src/documents/read.js';
import { readerProperty, readerSamples, samplesRead } from './reader-properties.js';

afterAll(closeReaders);

describe('reader fuzz', () => {
  it('random, truncated and damaged documents of every format give a valid document or a reason', async () => {
    const samples = await readerSamples();
    expect(await samplesRead(samples)).toEqual([]);
    await fc.assert(readerProperty(samples), { numRuns: 400, seed: 11 });
  }, 120_000);
});
