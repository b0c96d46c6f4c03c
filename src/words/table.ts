/**
 * The generated word table (src/words/table.tsv, made by scripts/build-wordtable.ts from CC-CEDICT): one
 * line a key, "kind<TAB>key<TAB>word word …", sorted. It is kept as one string with an array of line
 * starts and searched by bisection: no object per entry, so loading it costs a file read (~2 MB) and
 * one pass to find the line starts. Read once, on first use.
 */
import { readFileSync } from 'node:fs';

export type WordTable = {
  /** Near-synonyms of a Chinese word (司机 → 驾驶员): safe for titles and duties. */
  synonyms(word: string): readonly string[];
  /** Verbs sharing one specific sense (保养 → 维护): only to widen a duty search that found too little. */
  near(word: string): readonly string[];
  /** Chinese words for an English key (cashier → 出纳, 收银员), the likeliest first. */
  english(key: string): readonly string[];
  /** English keys whose translations include a Chinese word (夜里 → night), those naming it first first. */
  englishOf(word: string): readonly string[];
  /** Longest Chinese word of the table starting at text[at] (for splitting titles into words). */
  wordAt(text: string, at: number): string | null;
};

type Kind = 'e' | 'n' | 's';
const NONE: readonly string[] = Object.freeze([]);
const MAX_WORD = 3;

/** A table over text in the generated format; lines must be sorted in JS string order. */
export function parseWordTable(text: string): WordTable {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    if (text[at] !== '#' && next - at > 1) starts.push(at);
    at = next;
  }
  const lineStart = Int32Array.from(starts);
  const keyOf = (i: number) => {
    const s = lineStart[i];
    return text.slice(s, text.indexOf('\t', s + 2));
  };
  const lookup = (kind: Kind, key: string): readonly string[] => {
    const want = `${kind}\t${key}`;
    let lo = 0;
    let hi = lineStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyOf(mid) < want) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= lineStart.length || keyOf(lo) !== want) return NONE;
    const from = lineStart[lo] + want.length + 1;
    const end = text.indexOf('\n', from);
    return text.slice(from, end < 0 ? text.length : end).split(' ').filter(Boolean);
  };
  // the Chinese words with a rewrite, as a set: wordAt runs at every position of every who-question
  // (~18k short strings, ~1.5 MB; bisecting for each cost ~0.1 ms a question)
  let words: Set<string> | null = null;
  const chineseWords = () => {
    if (!words) {
      words = new Set();
      for (const at of lineStart) if (text[at] !== 'e') words.add(text.slice(at + 2, text.indexOf('\t', at + 2)));
    }
    return words;
  };
  // Chinese word → English keys, built on first use as one string and two arrays (~98k pairs, ~1.5 MB): an
  // object per pair would cost several times that in the serving process
  let reverse: { words: string; starts: Int32Array; keys: Int32Array } | null = null;
  const reverseIndex = () => {
    if (reverse) return reverse;
    const pairs: Array<[string, number, number]> = [];
    for (let i = 0; i < lineStart.length; i++) {
      const at = lineStart[i];
      if (text[at] !== 'e') continue;
      const tab = text.indexOf('\t', at + 2);
      const end = text.indexOf('\n', tab);
      text.slice(tab + 1, end < 0 ? text.length : end).split(' ').forEach((w, rank) => w && pairs.push([w, i, rank]));
    }
    // by word, then by how early the key names it (夜 → night before evening)
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
    const starts = new Int32Array(pairs.length + 1);
    let joined = '';
    pairs.forEach((p, i) => {
      starts[i] = joined.length;
      joined += p[0];
    });
    starts[pairs.length] = joined.length;
    reverse = { words: joined, starts, keys: Int32Array.from(pairs, (p) => p[1]) };
    return reverse;
  };
  const englishOf = (word: string): string[] => {
    const r = reverseIndex();
    const at = (i: number) => r.words.slice(r.starts[i], r.starts[i + 1]);
    let lo = 0;
    let hi = r.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(mid) < word) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < r.keys.length && at(i) === word; i++) out.push(keyOf(r.keys[i]).slice(2));
    return out;
  };
  return {
    englishOf,
    synonyms: (w) => lookup('s', w),
    near: (w) => lookup('n', w),
    english: (k) => lookup('e', k),
    wordAt(s, at) {
      const known = chineseWords();
      for (let n = Math.min(MAX_WORD, s.length - at); n >= 2; n--) {
        const w = s.slice(at, at + n);
        if (known.has(w)) return w;
      }
      return null;
    },
  };
}

/** A table from lists (tests and the company glossary's own words). */
export function makeWordTable(data: Partial<Record<'syn' | 'near' | 'en', Record<string, string[]>>>): WordTable {
  const lines: string[] = [];
  for (const [kind, m] of [['e', data.en], ['n', data.near], ['s', data.syn]] as const) {
    for (const [k, v] of Object.entries(m ?? {})) lines.push(`${kind}\t${k}\t${v.join(' ')}`);
  }
  return parseWordTable(lines.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join('\n'));
}

let cached: WordTable | null = null;

/** The shipped table. */
export function wordTable(): WordTable {
  cached ??= parseWordTable(readFileSync(new URL('./table.tsv', import.meta.url), 'utf8'));
  return cached;
}
