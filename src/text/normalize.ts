/**
 * The one normalization path shared by index and query: anything compared or searched goes through here.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** A scraped pinyin gloss after a character, e.g. 總監(jiān): a parenthesised syllable with a tone mark. */
export const PINYIN_GLOSS = new RegExp(`[(（]\\s*[a-zü${TONED}]*[${TONED}][a-zü${TONED}]*\\s*[)）]`, 'gu');
const STRIP = /[\s\p{P}\p{Z}\p{Sk}\p{So}\p{Cf}\p{Cc}~|<>^`=+$]/gu;
const HAN = /\p{Script=Han}/u;

/**
 * Characters without which no conversion can happen: for every dictionary entry of the t→cn chain that
 * changes its text, one character of its key (a traditional one where the key has one). A match needs
 * the whole key in the string, so a string holding none of these converts to itself and skips the trie
 * walks (most ingested and indexed text is simplified already, and the index build converts it again).
 */
const CONVERTIBLE: Uint32Array | null = (() => {
  const config = OpenCC.Locale.configs?.t2s;
  const entries: [string, string][] = [];
  for (const group of [...(config?.normalizationChain ?? []), ...(config?.conversionChain ?? [])]) {
    for (const dict of group) {
      if (typeof dict === 'string') for (const line of dict.split('|')) entries.push(line.split(' ') as [string, string]);
      else entries.push(...(dict as [string, string][]));
    }
  }
  const changing = entries.filter(([k, v]) => k !== v);
  const singles = new Set(changing.filter(([k]) => Array.from(k).length === 1).map(([k]) => k));
  const out = new Set<number>();
  for (const [k, v] of changing) {
    const chars = Array.from(k);
    const witness = chars.find((c) => singles.has(c)) ?? chars.find((c) => !v.includes(c)) ?? chars[0];
    if (witness) out.add(witness.codePointAt(0)!);
  }
  if (!out.size) return null;
  // a bit per code point: the scan below is on every line ingested and every text indexed
  const bits = new Uint32Array(0x110000 >>> 5);
  for (const cp of out) bits[cp >>> 5] |= 1 << (cp & 31);
  return bits;
})();

export function toSimplified(s: string): string {
  // no dictionary data found (a changed opencc-js layout): always convert rather than guess
  if (!CONVERTIBLE) return t2cn(s);
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (CONVERTIBLE[cp >>> 5] & (1 << (cp & 31))) return t2cn(s);
  }
  return s;
}

export function stripPinyinGlosses(s: string): string {
  return s.replace(PINYIN_GLOSS, '');
}

/** Slack sends user text HTML-escaped; &amp; last so "&amp;lt;" stays literal "&lt;". */
export function unescapeSlack(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** NFKC, simplified, lower case, glosses dropped: the display-independent form of any text. */
export function canonical(s: string): string {
  return stripPinyinGlosses(toSimplified(s.normalize('NFKC')).toLowerCase());
}

/** Canonical form without whitespace and punctuation: what titles are compared by. */
export function normalizeKey(s: string): string {
  return canonical(s).replace(STRIP, '');
}

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Toneless pinyin of a key, syllables joined ("kefuzhuguan"); latin text passes through. */
export function pinyinKey(s: string): string {
  const key = normalizeKey(s);
  return pinyin(key, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '');
}

/** First letters of each Han syllable ("kfzg"); latin runs are kept whole. */
export function initialsKey(s: string): string {
  const key = normalizeKey(s);
  return pinyin(key, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '');
}

/** Whitespace inside a Han run: scraped pages wrap lines inside words ("施工 方案"), so it is not a boundary. */
const HAN_GAP = /(?<=\p{Script=Han})[^\S\n]+(?=\p{Script=Han})/gu;
/** A Han run, or a latin/digit word that stops where Han text begins ("KPI管理" is kpi + 管理, not one token no question matches). */
const WORD_RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Search tokens for FTS5: overlapping Han character bigrams (a lone Han character stays a unigram)
 * and whole latin/digit words. The bundled tokenizers cannot do this: trigram misses 2-character
 * words and unicode61 keeps a Han run as one token.
 */
export function bigramTokens(s: string): string[] {
  const out: string[] = [];
  for (const run of canonical(s).replace(HAN_GAP, '').match(WORD_RUN) ?? []) {
    if (isHan(run[0])) hanRunTokens(run, out);
    else out.push(run);
  }
  return out;
}

function hanRunTokens(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) out.push(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
}

/** Room for the bigrams of one Han run (3 code units per character); longer runs take the general path. */
const bigramBuffer = new Uint16Array(3 * 4096);

/**
 * bigramTokens(s).join(' '), the text the index build gives FTS5: a Han run's bigrams are written into
 * one buffer rather than made one small string each (millions of them at 100k roles).
 */
export function bigramText(s: string): string {
  const out: string[] = [];
  for (const run of canonical(s).replace(HAN_GAP, '').match(WORD_RUN) ?? []) {
    // a run of one or two characters is its own token; a run starting outside the BMP is not taken as Han (as above)
    if (!isHan(run[0]) || run.length <= 2) out.push(run);
    else if (SURROGATE.test(run) || 3 * run.length > bigramBuffer.length) {
      const tokens: string[] = [];
      hanRunTokens(run, tokens);
      out.push(tokens.join(' '));
    } else {
      let k = 0;
      for (let i = 0; i + 1 < run.length; i++) {
        if (i) bigramBuffer[k++] = 0x20;
        bigramBuffer[k++] = run.charCodeAt(i);
        bigramBuffer[k++] = run.charCodeAt(i + 1);
      }
      out.push(String.fromCharCode.apply(null, bigramBuffer.subarray(0, k) as unknown as number[]));
    }
  }
  return out.join(' ');
}

/**
 * User text as typed in Slack or a console, reduced to comparable characters: Slack markup made
 * plain (plainFromSlack), then canonical() and no whitespace or punctuation (the same key form
 * titles are indexed under).
 */
export function questionKey(s: string): string {
  return normalizeKey(plainFromSlack(s));
}

/**
 * Slack markup is replaced by what the user saw: mentions of people and broadcasts are dropped
 * (the bot's own @name included), channels and links become their labels; then the HTML escaping
 * Slack applies to user text is undone.
 */
export function plainFromSlack(text: string): string {
  const visible = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target, label] = inner.split('|', 2);
    if (target.startsWith('@') || target.startsWith('!')) return target.startsWith('!subteam^') && label ? ` ${label} ` : ' ';
    if (target.startsWith('#')) return ` ${label ?? ''} `;
    return ` ${label ?? target} `;
  });
  return unescapeSlack(visible).replace(/\s+/g, ' ').trim();
}

/** pinyin-pro's toneless syllable for each character of key, or null where they do not line up one to one. */
function alignedSyllables(key: string, chars: string[]): string[] | null {
  const py = pinyin(key, { toneType: 'none', type: 'array', nonZh: 'spaced' });
  return py.length === chars.length ? py : null;
}

/** Toneless pinyin per character of a key ("客服" → ["ke","fu"]); non-Han characters stand for themselves. */
export function syllablesOf(key: string): string[] {
  const chars = Array.from(key);
  return alignedSyllables(key, chars) ?? chars;
}

/**
 * pinyinKey, initialsKey and syllablesOf of one name from a single pinyin-pro call: the index build works
 * them out for every distinct name (86k at 100k roles), and three calls cost ~2.4 s of CPU there. The
 * syllables give the other two (initials: a syllable's first letter, other characters as they are); where
 * pinyin-pro's syllables do not line up with the characters the three functions are called as they are.
 * test/search/pinyin-forms.test.ts holds the result equal to the three calls.
 */
export function pinyinForms(name: string): { key: string; pinyin: string; initials: string; syllables: string[] } {
  const key = normalizeKey(name);
  const chars = Array.from(key);
  const py = alignedSyllables(key, chars);
  if (!py) return { key, pinyin: pinyinKey(name), initials: initialsKey(name), syllables: chars };
  return { key, pinyin: py.join(''), initials: py.map((p, i) => (p !== chars[i] ? p[0] : p)).join(''), syllables: py };
}
