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
  /** Distinct keys (by id) with their first-seen display name and bigram count. */
  private readonly keys: string[] = [];
  private readonly names: string[] = [];
  private readonly gramCount: number[] = [];
  private readonly ids = new Map<string, number>();
  /** bigram → ids of the keys containing it. */
  private readonly byGram = new Map<string, number[]>();
  /** Answers by key: the same unknown superior is often named by many roles. */
  private readonly memo = new Map<string, string[]>();
  private shared: Uint16Array = new Uint16Array(0);

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = normalizeKey(name);
      if (!key || this.ids.has(key)) continue;
      const id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.names.push(name);
      const gs = grams(key);
      this.gramCount.push(gs.length);
      for (const g of gs) {
        const list = this.byGram.get(g);
        if (list) list.push(id);
        else this.byGram.set(g, [id]);
      }
    }
    this.shared = new Uint16Array(this.keys.length);
  }

  /** Up to `limit` known names, most alike first (ties: shorter, then first seen). */
  closest(name: string, limit = 3): string[] {
    const key = normalizeKey(name);
    const memoKey = `${limit}\0${key}`;
    let found = this.memo.get(memoKey);
    if (!found) this.memo.set(memoKey, (found = this.score(key, limit)));
    return found;
  }

  private score(key: string, limit: number): string[] {
    const mine = grams(key);
    if (!mine.length) return [];
    // counts in a reused typed array, reset through the list of ids touched
    const touched: number[] = [];
    for (const g of mine) {
      for (const id of this.byGram.get(g) ?? []) {
        if (this.shared[id]++ === 0) touched.push(id);
      }
    }
    const self = this.ids.get(key);
    const scored: Array<[number, number]> = [];
    for (const id of touched) {
      const score = (2 * this.shared[id]) / (mine.length + this.gramCount[id]);
      this.shared[id] = 0;
      if (id !== self && score >= MIN_SCORE) scored.push([id, score]);
    }
    scored.sort((a, b) => b[1] - a[1] || this.keys[a[0]].length - this.keys[b[0]].length || a[0] - b[0]);
    return scored.slice(0, limit).map(([id]) => this.names[id]);
  }
}
