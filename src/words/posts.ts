/**
 * Other names of the same post (src/words/posts.tsv): a hand-kept lexicon of the names people use for common
 * posts across industries — colloquial (保洁阿姨), regional and Taiwan/HK (资料库管理员), abbreviations (DBA) and
 * English (dentist) — written from general workplace vocabulary, like O*NET's alternate titles, never from a
 * company's documents or questions. One group a line, names separated by tabs; # starts a comment.
 */
import { readFileSync } from 'node:fs';
import { normalizeKey } from '../text/normalize.js';
import { englishKey } from './english.js';

export type PostNames = {
  /** The other names of the posts a name belongs to, in the lexicon's order (the usual Chinese title first). */
  alternatives(name: string): readonly string[];
};

const NONE: readonly string[] = Object.freeze([]);

/** A name as it is looked up: English in key form (lower case, spaces kept), Chinese without spaces. */
function lookupKey(name: string): string {
  return /\p{Script=Han}/u.test(name) ? normalizeKey(name) : englishKey(name);
}

/** The lexicon over text in the file's format; a group of one name is ignored. */
export function parsePostNames(text: string): PostNames {
  const groups = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const names = [...new Set(line.split('\t').map((n) => n.trim()).filter(Boolean))];
    if (names.length < 2) continue;
    for (const name of names) {
      const key = lookupKey(name);
      const others = names.filter((n) => lookupKey(n) !== key);
      const list = groups.get(key);
      if (list) list.push(...others.filter((n) => !list.includes(n)));
      else groups.set(key, others);
    }
  }
  return { alternatives: (name) => groups.get(lookupKey(name)) ?? NONE };
}

let cached: PostNames | null = null;

/** The shipped lexicon, read on first use (~500 groups, a few hundred KB at most). */
export function postNames(): PostNames {
  cached ??= parsePostNames(readFileSync(new URL('./posts.tsv', import.meta.url), 'utf8'));
  return cached;
}
