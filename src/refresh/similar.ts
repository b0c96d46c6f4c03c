/**
 * The role names closest to a name that matches none (a typo, an old title, "物业主管" for "物业部主管"):
 * character-bigram overlap (Dice) over the distinct names, found through a bigram index so each lookup
 * only scores names that share something with it.
 */
import { normalizeKey } from '../text/normalize.js';

const MIN_SCORE = 0.34;

function grams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

export class NameIndex {
  /** Display name per distinct key, first seen wins. */
  private readonly names = new Map<string, string>();
  private readonly byGram = new Map<string, string[]>();
  private readonly gramCount = new Map<string, number>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = normalizeKey(name);
      if (!key || this.names.has(key)) continue;
      this.names.set(key, name);
      const gs = grams(key);
      this.gramCount.set(key, gs.length);
      for (const g of gs) {
        const list = this.byGram.get(g);
        if (list) list.push(key);
        else this.byGram.set(g, [key]);
      }
    }
  }

  /** Up to `limit` known names, most alike first (ties: shorter, then first seen). */
  closest(name: string, limit = 3): string[] {
    const key = normalizeKey(name);
    const mine = grams(key);
    if (!mine.length) return [];
    const shared = new Map<string, number>();
    for (const g of mine) for (const k of this.byGram.get(g) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    const scored: Array<[string, number]> = [];
    for (const [k, n] of shared) {
      if (k === key) continue;
      const score = (2 * n) / (mine.length + this.gramCount.get(k)!);
      if (score >= MIN_SCORE) scored.push([k, score]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
    return scored.slice(0, limit).map(([k]) => this.names.get(k)!);
  }
}
