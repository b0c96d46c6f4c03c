/**
 * The two hand-kept lexicons, written from general workplace vocabulary (never from a company's documents or
 * questions), one entry a line with tab-separated names and # comments:
 * - posts.tsv: other names of the same post — colloquial (保洁阿姨), regional and Taiwan/HK (资料库管理员),
 *   abbreviations (DBA) and English (dentist) — a group a line, every name standing for the others (like
 *   O*NET's alternate titles);
 * - terms.tsv: everyday task words → the words duty lines use (payslip → 工资条, 跳闸 → 停电 电路), one way.
 */
import { readFileSync } from 'node:fs';
import { normalizeKey } from '../text/normalize.js';
import { englishKey } from './english.js';

export type Lexicon = {
  /** The other names or words for one, in the file's order. */
  alternatives(name: string): readonly string[];
  /** The Chinese keys it has (for finding them inside a question). */
  chineseKeys(): readonly string[];
  /** The English words its names and keys are made of (for reading a misspelt English word). */
  englishWords(): ReadonlySet<string>;
};

const NONE: readonly string[] = Object.freeze([]);

/** A name as it is looked up: English in key form (lower case, spaces kept), Chinese without spaces. */
function lookupKey(name: string): string {
  return /\p{Script=Han}/u.test(name) ? normalizeKey(name) : englishKey(name);
}

/** A lexicon over text in the files' format; groups: every name of a line stands for the others, else the first for the rest. */
export function parseLexicon(text: string, groups: boolean): Lexicon {
  const map = new Map<string, string[]>();
  const add = (key: string, names: string[]) => {
    const list = map.get(key);
    if (list) list.push(...names.filter((n) => !list.includes(n)));
    else map.set(key, names);
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const names = [...new Set(line.split('\t').map((n) => n.trim()).filter(Boolean))];
    if (names.length < 2) continue;
    if (!groups) add(lookupKey(names[0]), names.slice(1).filter((n) => lookupKey(n) !== lookupKey(names[0])));
    else for (const name of names) add(lookupKey(name), names.filter((n) => lookupKey(n) !== lookupKey(name)));
  }
  let chinese: string[] | null = null;
  let english: Set<string> | null = null;
  return {
    alternatives: (name) => map.get(lookupKey(name)) ?? NONE,
    chineseKeys: () => (chinese ??= [...map.keys()].filter((k) => /\p{Script=Han}/u.test(k))),
    englishWords: () => (english ??= new Set([...map.keys()].filter((k) => /^[a-z]/.test(k)).flatMap((k) => k.split(/[^a-z]+/).filter((w) => w.length >= 3)))),
  };
}

const cached = new Map<string, Lexicon>();

function shipped(file: string, groups: boolean): Lexicon {
  let lex = cached.get(file);
  if (!lex) cached.set(file, (lex = parseLexicon(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'), groups)));
  return lex;
}

/** The shipped post names (~780 groups), read on first use. */
export const postNames = (): Lexicon => shipped('posts.tsv', true);
/** The shipped task words (~1,850 entries), read on first use. */
export const taskTerms = (): Lexicon => shipped('terms.tsv', false);
