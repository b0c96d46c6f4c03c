/**
 * Title and "who handles" search widened by the words people use. The exact search runs first and, when it
 * answers, alone: a question that worked before gets the same answer. Variants (glossary, synonyms,
 * English) are tried only when it does not, and whatever they find says how (an Understood).
 */
import { FOUND_SCORE, type NameMatch, type TitleMatcher } from '../search/titles.js';
import type { Understood, Variant, WordExpander } from './expand.js';

/** A variant's match counts a little below the same match typed directly. */
const VARIANT_FACTOR = 0.97;
/** A fuzzy match this good is kept over any variant; a variant's fuzzy match must be this good to answer. */
const GOOD_FUZZY = 0.85;
const VARIANT_FUZZY = 0.75;
/** Below FOUND_SCORE: shown as "did you mean", never as the answer. */
const SUGGESTION = 0.59;
const FUZZY_VARIANTS = 1;

export type WordMatch = { matches: NameMatch[]; understood?: Understood };

/** A variant's matches, a little below the same matches typed directly. */
const scaled = (ms: NameMatch[]) => ms.map((m) => ({ key: m.key, score: m.score * VARIANT_FACTOR }));

/**
 * The best names for the subjects (as TitleMatcher.match), else for a variant of them.
 * english: the subject is the English phrase as typed.
 */
export function matchNames(
  titles: TitleMatcher,
  words: WordExpander,
  q: { subjects: string[]; phrase?: string; english: boolean },
  limit: number,
  opts: { fts?: boolean; near?: boolean },
  known: (word: string) => number,
): WordMatch {
  // a name as typed (held in memory, no SQL); pinyin and initials are exact matches of titles.match below
  if (q.subjects.some((s) => titles.hasName(s))) return { matches: titles.match(q.subjects, limit, opts) };
  // a match of the words as typed wins over any rewrite of them (Chinese: even a partial one, 客服经理 ⊂
  // 客户服务经理; English words only match a title's pinyin by chance, so there it must be close)
  const typed = titles.match(q.subjects, limit, q.english ? { ...opts, fts: false } : opts);
  // another name of the same post that is a title here beats a partial match of the typed words
  // (数据库管理员: 资料库管理员 over 仓库管理员; 叉车司机: 叉车工 over 司机)
  if (!q.english && !(typed[0]?.score >= GOOD_FUZZY)) {
    for (const v of q.subjects.slice(0, 2).flatMap((s) => words.postVariants(s))) {
      if (titles.hasName(v.text)) return { matches: scaled(titles.match([v.text], limit, opts)), understood: v.understood };
    }
  }
  if (typed[0]?.score >= (q.english ? GOOD_FUZZY : FOUND_SCORE)) return { matches: typed };
  const variants: Variant[] = q.english && q.phrase ? words.titleVariants(q.phrase, true, known) : q.subjects.slice(0, 2).flatMap((s) => words.titleVariants(s, false, known));
  for (const v of variants) {
    if (titles.hasName(v.text)) return { matches: scaled(titles.match([v.text], limit, opts)), understood: v.understood };
  }
  // English words spelled like no title's pinyin (HR manager ≈ a pinyin string by chance) suggest, not answer
  const base = q.english && q.phrase?.includes(' ') ? typed.map((m) => ({ key: m.key, score: Math.min(m.score, SUGGESTION) })) : typed;
  let best: WordMatch = { matches: base };
  // a fuzzy search costs ~1-3 ms at 100k roles: an English rewrite gets one; a Chinese one only when the typed
  // words found no name at all (保安 → 安保 → 安保员), since their own fuzzy match already covers near spellings
  const fuzzy = q.english || !typed.length || typed[0].score < SUGGESTION ? variants.slice(0, FUZZY_VARIANTS) : [];
  for (const v of fuzzy) {
    const found = scaled(titles.match([v.text], limit, { ...opts, fts: false }));
    // a guess built from a guess answers only when close; otherwise the typed words' own matches stay (suggestions)
    if (found[0] && found[0].score >= VARIANT_FUZZY && found[0].score > (best.matches[0]?.score ?? 0)) best = { matches: found, understood: v.understood };
  }
  return best;
}

export type WhoHit<T> = { id: string; score: number; hit: T };

/** A hit this strong covers the question: own ones keep their places above the rewrites' hits. */
const STRONG_HIT = 0.5;
const VARIANT_SEARCHES = 2;
const VARIANT_SEARCHES_EN = 3;
const VARIANT_WHO_FACTOR = 0.9;
const PARTIAL_FACTOR = 0.5;
/** An English reading of a Chinese question is searched when at least this share of its words has one. */
const ENGLISH_SHARE = 0.5;

/**
 * "Who handles" hits for a topic, topped up from its rewrites when the topic's own words find nothing, or
 * when one of its words is one the documents lack (客诉, 打扫): the own search left that word out and
 * answered only the rest. search runs one topic; hits from rewrites score a little lower and say how they came.
 */
export function searchTopics<T>(
  words: WordExpander,
  q: { topic: string; english: boolean; englishLines?: boolean },
  known: (word: string) => number,
  search: (topic: string) => WhoHit<T>[],
): { hits: WhoHit<T>[]; understood?: Understood } {
  // an English topic's own words find the documents' English lines; its translations the Chinese ones (below)
  // (only where the documents have English lines: an English word here and there in Chinese ones is noise)
  const englishOwn = q.english && q.englishLines ? words.englishWords(q.topic, known) : '';
  const own = q.english ? (englishOwn ? search(englishOwn) : []) : search(q.topic);
  const strong = (h: WhoHit<T>) => h.score >= STRONG_HIT;
  const lacked = q.english ? [] : words.lackedWords(q.topic, known);
  const lacking = lacked.length > 0;
  // documents with English duty lines (bilingual hotels, multinationals): the Chinese topic in their English too
  const reading = !q.english && q.englishLines ? words.englishOfChinese(q.topic, known) : null;
  const inEnglish = reading && reading.share >= ENGLISH_SHARE ? reading.text : '';
  // the question's own words are all in the documents and found roles: nothing to widen, no time spent
  // (each rewrite is another search, a few ms at 100k roles)
  if (!lacking && own.length && !q.english && !inEnglish) return { hits: own };
  const rewrites = lacking || !own.length || q.english ? words.topicVariants(q.topic, q.english, { near: true, known }) : [];
  // each search costs a few ms at 100k roles: an English topic (nothing of its own) gets more of them
  const tried = (lacking ? rewrites.filter((v) => known(v.understood.from) === 0) : rewrites).slice(0, q.english ? VARIANT_SEARCHES_EN : VARIANT_SEARCHES);
  if (inEnglish) tried.push({ text: inEnglish, understood: { from: q.topic, to: inEnglish, via: 'english' } });
  const ownIds = new Set(own.map((h) => h.id));
  const found = new Map<string, WhoHit<T> & { understood: Understood }>();
  for (const v of tried) {
    for (const h of search(v.text)) {
      // an English reading counts by how much of the question it could say (2 of 3 words: two thirds)
      const score = h.score * (q.english ? 1 : VARIANT_WHO_FACTOR) * (v.text === inEnglish ? reading!.share : 1);
      if (ownIds.has(h.id) || (found.get(h.id)?.score ?? -1) >= score) continue;
      found.set(h.id, { ...h, score, understood: v.understood });
    }
  }
  // the topic's own strong hits keep their places (unless they ignored a word); a rewrite's hit goes above
  // the own weak ones only when it is strong
  const fromRewrites = [...found.values()].sort((a, b) => b.score - a.score);
  // own hits that ignored a word match only part of the question: they score as weak ones
  const ownStrong = lacking ? [] : own.filter(strong);
  // (a word lacked whole already counts in their score, see whoEvidence; half of one does not)
  const halved = words.lacksPartOfWord(q.topic, lacked, known) ? PARTIAL_FACTOR : 1;
  const ownRest = own.filter((h) => !ownStrong.includes(h)).map((h) => (lacking ? { ...h, score: Math.min(h.score * halved, STRONG_HIT - 0.01) } : h));
  const rest = [...ownRest, ...fromRewrites.filter((h) => !strong(h))].sort((a, b) => b.score - a.score);
  // English: the words as written and their translations are two readings of one question, ranked together
  const hits: WhoHit<T>[] = q.english ? [...own, ...fromRewrites].sort((a, b) => b.score - a.score) : [...ownStrong, ...fromRewrites.filter(strong), ...rest];
  return { hits, understood: hits[0] ? found.get(hits[0].id)?.understood : undefined };
}
