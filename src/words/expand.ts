/**
 * Other ways to say what was typed: a title or duty topic rewritten through the company glossary, the
 * word table's near-synonyms and, for English, its translations. Each variant says how it was made, so an
 * answer found through one can show it (司机 → 驾驶员 (同义词)).
 */
import { ABBREVIATIONS, TITLE_AFFIXES } from './affixes.js';
import { termGroups } from '../search/words.js';
import { derivations, englishKey, lemmas } from './english.js';
import { EN_STOP, englishOfChinese, englishWords, MAX_OPTIONS } from './english-lines.js';
import { normalizeKey } from '../text/normalize.js';
import type { Glossary } from './glossary.js';
import { postNames, taskTerms, type Lexicon } from './lexicon.js';
import { correction } from './spelling.js';
import type { WordTable } from './table.js';

export type Via = 'synonym' | 'english' | 'glossary';
/** What a typed word was taken to mean: from (as typed) → to (what was searched), and by which source. */
export type Understood = { from: string; to: string; via: Via };
export type Variant = { text: string; understood: Understood };

const MAX_VARIANTS = 24;
/** Endings that make a word for some work into a post's name (跑菜 → 跑菜员). */
const POST_ENDINGS = ['员', '工', '师'];
/** English words kept inside a title even though EN_STOP would drop them (team leader). */
const TITLE_KEEP = new Set(['team', 'staff']);

export class WordExpander {
  constructor(
    private readonly table: WordTable,
    private readonly glossary: Glossary,
    private readonly posts: Lexicon = postNames(),
    private readonly terms: Lexicon = taskTerms(),
  ) {}

  /**
   * Title variants of a Chinese key (保安主管 → 安保主管) or an English phrase (sous chef → 副厨师), nearest
   * first; known as for topicVariants.
   */
  titleVariants(subject: string, english: boolean, known: (word: string) => number = () => 1): Variant[] {
    const out = new Variants();
    if (english) this.englishVariants(subject, out, { title: true, known });
    else this.chineseVariants(subject, out, { near: false, known, topic: false });
    return out.list;
  }

  /**
   * Duty-topic variants: each with one word replaced (投诉 → 客诉); near verbs too when asked. known tells
   * in how many roles' text a word occurs (0: nowhere; a replacement the documents lack cannot find anything).
   */
  topicVariants(topic: string, english: boolean, opts: { near: boolean; known: (word: string) => number }): Variant[] {
    const out = new Variants();
    if (english) this.englishVariants(topic, out, { title: false, known: opts.known });
    else this.chineseVariants(topic, out, { ...opts, topic: true });
    return out.list;
  }

  /**
   * Other names of the same post from the glossary and the post lexicon only (保安 → 秩序维护员), in key form:
   * precise enough to answer by, even over a partial match of the name as typed.
   */
  postVariants(subject: string): Variant[] {
    const out = new Variants();
    for (const alt of this.glossary.alternatives(subject)) out.add(normalizeKey(alt), { from: subject, to: alt, via: 'glossary' });
    // a post named by its work alone (跑菜, from 跑菜的) is the post with a post ending (跑菜员)
    for (const name of [subject, ...POST_ENDINGS.map((e) => subject + e)]) {
      for (const alt of this.posts.alternatives(name)) out.add(normalizeKey(alt), { from: subject, to: alt, via: 'synonym' });
      if (name !== subject) out.add(name, { from: subject, to: name, via: 'synonym' });
    }
    return out.list;
  }

  /** Other names of the same post as written in the lexicon (生活老师 → 保育员, 保育老师, childcare assistant). */
  postNames(name: string): readonly string[] {
    return this.posts.alternatives(name);
  }

  /**
   * English for a Chinese word of a title (助理 → assistant, 财务 → finance): the title words, the post lexicon's
   * English names, then the dictionary's single words, at most MAX_OPTIONS of those.
   */
  englishForChinese(word: string): string[] {
    const affixes = Object.entries(TITLE_AFFIXES).filter(([, zh]) => zh.includes(word)).map(([en]) => en);
    const posts = this.posts.alternatives(word).filter((n) => /^[a-z][a-z ]+$/.test(n));
    const table = this.table.englishOf(word).filter((e) => /^[a-z]+$/.test(e)).slice(0, MAX_OPTIONS);
    return [...new Set([...affixes, ...posts, ...table])];
  }

  /**
   * An English phrase with its misspelt workplace words read as meant (front desk recepionist → receptionist):
   * a word no dictionary here knows, one or two edits from exactly one word of the lexicons' English.
   */
  spelled(phrase: string): string {
    const vocabulary = (this.vocabulary ??= new Set([...this.posts.englishWords(), ...this.terms.englishWords(), ...Object.keys(TITLE_AFFIXES)]));
    return phrase.replace(/[a-z]{5,}/g, (w) => (vocabulary.has(w) || lemmas(w).some((l) => this.table.english(l).length || vocabulary.has(l)) ? w : (correction(w, vocabulary) ?? w)));
  }

  private vocabulary: Set<string> | null = null;

  /** What latin letters inside a Chinese name stand for (HR助理: 人力资源, 人事): the glossary's and the workplace abbreviations. */
  abbreviationOptions(word: string): string[] {
    const key = englishKey(word);
    return [...this.glossary.alternatives(key), ...(ABBREVIATIONS[key] ?? [])];
  }

  /** The Chinese an English word or phrase stands for (glossary, workplace abbreviations, the table; title: title words too). */
  chineseOptions(word: string, title: boolean): string[] {
    return this.englishOptions(englishKey(word), title).map((o) => o.text);
  }

  /** An English topic in the documents' own English words (english-lines.ts). */
  englishWords(topic: string, known: (word: string) => number): string {
    return englishWords(topic, known);
  }

  /** A Chinese topic's words in the documents' English (english-lines.ts). */
  englishOfChinese(topic: string, known: (word: string) => number): { text: string; share: number } {
    return englishOfChinese(this.table, topic, known);
  }

  /**
   * The topic's words the documents lack (known 0) that have a rewrite (客诉, 打扫): cheaper than topicVariants,
   * so a who-question whose words are all in the documents pays almost nothing for it.
   */
  lackedWords(topic: string, known: (word: string) => number): string[] {
    const wordAt = this.wordFinder(topic, { topic: true });
    const out: string[] = [];
    for (let i = 0; i < topic.length; i++) {
      const word = wordAt(i);
      if (word && known(word) === 0) out.push(word);
    }
    return out;
  }

  /**
   * Whether a lacked word (lackedWords) is part of a longer question word whose other part the documents have
   * (打扫 of 打扫卫生): the topic's own hits then match that word by half only, yet score as if it were all there.
   * A word lacked whole (关账, 健身卡) already counts against them (whoEvidence).
   */
  lacksPartOfWord(topic: string, lacked: string[], known: (word: string) => number): boolean {
    if (!lacked.length) return false;
    const groups = termGroups(topic);
    return lacked.some((w) => groups.some((g) => g.word !== w && g.word.includes(w) && g.subs.some((x) => !x.includes(w) && !w.includes(x) && known(x) > 0)));
  }

  /** The task lexicon's Chinese words in a text, longest first (so 偷东西 is found before 东西). */
  private termWordsIn(s: string): string[] {
    return this.terms
      .chineseKeys()
      .filter((w) => s.includes(w))
      .sort((a, b) => b.length - a.length);
  }

  /**
   * The word of s starting at a position: a glossary word, then (for a topic) a task word, then the table's
   * longest; exceptWhole: s itself is no glossary word here (its whole-text rewrites are made apart).
   */
  private wordFinder(s: string, opts: { topic: boolean; exceptWhole?: boolean }): (at: number) => string | null {
    const glossaryWords = this.glossary.words().filter((w) => !(opts.exceptWhole && w === s) && s.includes(w));
    const termWords = opts.topic ? this.termWordsIn(s) : [];
    return (at) => glossaryWords.find((w) => s.startsWith(w, at)) ?? termWords.find((w) => s.startsWith(w, at)) ?? this.table.wordAt(s, at);
  }

  private chineseVariants(s: string, out: Variants, opts: { near: boolean; known: (word: string) => number; topic: boolean }): void {
    for (const alt of this.glossary.alternatives(s)) out.add(alt, { from: s, to: alt, via: 'glossary' });
    // other names of the same post (牙医 → 口腔医生, dentist), in the key form titles are looked up by
    for (const alt of this.posts.alternatives(s)) out.add(normalizeKey(alt), { from: s, to: alt, via: 'synonym' });
    for (const alt of this.table.synonyms(s)) out.add(alt, { from: s, to: alt, via: 'synonym' });
    const wordAt = this.wordFinder(s, { topic: opts.topic, exceptWhole: true });
    for (let i = 0; i < s.length && !out.full; i++) {
      const word = wordAt(i);
      if (!word) continue;
      const swap = (alt: string, via: Via) => {
        if (opts.known(alt) > 0) out.add(s.slice(0, i) + alt + s.slice(i + word.length), { from: word, to: alt, via });
      };
      for (const alt of this.glossary.alternatives(word)) swap(alt, 'glossary');
      // a task in everyday words, in the words duty lines use (跳闸 → 停电, 偷东西 → 防盗)
      if (opts.topic) for (const alt of this.terms.alternatives(word)) swap(alt, 'synonym');
      for (const alt of this.table.synonyms(word)) swap(alt, 'synonym');
      if (opts.near) for (const alt of this.table.near(word)) swap(alt, 'synonym');
    }
  }

  /** Options for one English word or phrase: glossary, title affixes, then the table. */
  private englishOptions(key: string, title: boolean): Option[] {
    const opts: Option[] = [];
    const words = key.split(' ');
    const last = words.pop()!;
    // only the last word is inflected in a key (customer complaints, patrolling)
    for (const k of lemmas(last).map((l) => [...words, l].join(' '))) {
      for (const g of this.glossary.alternatives(k)) opts.push({ text: g, via: 'glossary' });
      // a post's Chinese names for its English one (room attendant → 客房服务员), a task's words for an
      // everyday English one (payslip → 工资条): whole phrases, the surest
      const lexicon = title ? this.posts : this.terms;
      for (const a of lexicon.alternatives(k)) if (/\p{Script=Han}/u.test(a)) opts.push({ text: title ? normalizeKey(a) : a, via: 'english' });
      if (title) for (const a of TITLE_AFFIXES[k] ?? []) opts.push({ text: a, via: 'english', affix: true });
      for (const a of ABBREVIATIONS[k] ?? []) opts.push({ text: a, via: 'english' });
      for (const w of this.table.english(k)) opts.push({ text: w, via: 'english' });
    }
    const seen = new Set<string>();
    return opts.filter((o) => !seen.has(o.text) && seen.add(o.text));
  }

  private englishVariants(phrase: string, out: Variants, opts: { title: boolean; known: (word: string) => number }): void {
    const key = englishKey(phrase);
    const words = key.split(' ').filter((w) => w && (!EN_STOP.has(w) || (opts.title && TITLE_KEEP.has(w))));
    // the whole phrase first, as typed and without its stop words (customer complaint → 客诉, my payslip → 工资条)
    for (const whole of new Set([key, words.join(' ')])) {
      for (const o of this.englishOptions(whole, opts.title)) if (opts.known(o.text) > 0) out.add(o.text, { from: whole, to: o.text, via: o.via });
    }
    // word by word, with and without two-word phrases taken as one (front office, customer service)
    for (const pairs of [true, false]) {
      const parts = this.englishParts(words, pairs, opts);
      if (!parts || !parts.length || (parts.length === 1 && words.length === 1)) continue;
      // Chinese word order follows English for titles (front office manager → 前厅经理); a duty topic's
      // words are searched apart, so they are joined with a comma
      const sep = opts.title ? '' : '，';
      for (const combo of product(parts, MAX_VARIANTS * 2)) {
        const text = combo.map((o) => o.text).join(sep);
        // a title is kept when the documents have each of its words (affixes like 副 are no indexed word)
        if (opts.title && !combo.every((o) => o.affix || Array.from(o.text).length < 2 || opts.known(o.text) > 0)) continue;
        out.add(text, { from: key, to: text, via: combo.some((o) => o.via === 'glossary') ? 'glossary' : 'english' });
      }
    }
  }

  /** Each word's (or two-word phrase's) options, those the documents contain first; null when a title word has none. */
  private englishParts(words: string[], pairs: boolean, opts: { title: boolean; known: (word: string) => number }): Option[][] | null {
    const parts: Option[][] = [];
    // a duty word the documents lack finds nothing; a title's words are checked per combination (affixes exempt)
    const rank = (list: Option[]) => {
      // the glossary's and the curated affixes first, then the words the documents use most (客户 before 顾客)
      const scored = list.map((o, i) => ({ o, i, n: o.via === 'glossary' || o.affix ? Infinity : opts.known(o.text) }));
      const usable = opts.title ? scored : scored.filter((x) => x.n > 0);
      return usable.sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.o).slice(0, MAX_OPTIONS);
    };
    for (let i = 0; i < words.length; i++) {
      // a two-word phrase is one word in Chinese (客服): worth taking only if the documents have it
      const pair = pairs && i + 1 < words.length ? rank(this.englishOptions(`${words[i]} ${words[i + 1]}`, opts.title).filter((o) => opts.known(o.text) > 0)) : [];
      if (pair.length) {
        parts.push(pair);
        i++;
        continue;
      }
      // the lexicons key some tasks by their noun (renewal): a verb typed (renews) is looked up so when none of
      // its own translations is in the documents
      let single = rank(this.englishOptions(words[i], opts.title));
      if (!single.length) single = rank(lemmas(words[i]).flatMap(derivations).flatMap((d) => this.englishOptions(d, opts.title)));
      // a title word with no translation: any title built without it would name another role
      if (!single.length && opts.title) return null;
      if (single.length) parts.push(single);
    }
    return parts;
  }
}

type Option = { text: string; via: Via; affix?: boolean };

/** Combinations of one option per part, best options first (by the sum of their ranks), at most max. */
function product<T>(parts: T[][], max: number): T[][] {
  let combos: { items: T[]; rank: number }[] = [{ items: [], rank: 0 }];
  for (const options of parts) {
    const next: { items: T[]; rank: number }[] = [];
    for (const c of combos) options.forEach((o, r) => next.push({ items: [...c.items, o], rank: c.rank + r }));
    combos = next.sort((a, b) => a.rank - b.rank).slice(0, max);
  }
  return combos.map((c) => c.items);
}

class Variants {
  readonly list: Variant[] = [];
  private readonly seen = new Set<string>();

  add(text: string, understood: Understood): void {
    if (!text || this.full || this.seen.has(text)) return;
    this.seen.add(text);
    this.list.push({ text, understood });
  }

  get full(): boolean {
    return this.list.length >= MAX_VARIANTS;
  }
}
