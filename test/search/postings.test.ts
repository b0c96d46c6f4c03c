import { describe, expect, it } from 'vitest';
import { Postings } from '../../src/search/postings.js';

describe('Postings', () => {
  it('gives back ascending numbers across 1- to 5-byte gaps, each once', () => {
    const nums = [0, 1, 2, 129, 130, 16_514, 16_515, 2_113_667, 270_549_123, 270_549_124, 2 ** 31 - 1];
    const list = new Postings();
    // a name gives the same gram more than once: counted once
    for (const i of nums) [i, i].forEach((x) => list.measure(x));
    for (const i of nums) [i, i].forEach((x) => list.add(x));
    const out: number[] = [];
    list.forEach((i) => out.push(i));
    expect(out).toEqual(nums);
    expect(list.count).toBe(nums.length);
  });
});
