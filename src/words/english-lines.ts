/**
 * English words as the documents write them: an English topic in the documents' own English lines, and a Chinese
 * topic read in their English (bilingual documents), each word in the form the documents use.
 */
import { termGroups } from '../search/words.js';
import { englishKey, lemmas, singular } from './english.js';
import type { WordTable } from './table.js';

/** Options kept per word. */
export const MAX_OPTIONS = 4;
/** English words that carry no title or duty meaning. */
export const EN_STOP = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'to', 'in', 'on', 'at', 'our', 'my', 'your', 'its', 'their', 'with', 'all', 'any', 'new', 'role', 'position', 'job', 'team', 'person', 'people', 'staff']);
/** Words of an English who question that say nothing about the duty (is on call when…, goes down). */
const EN_FRAME = new Set(['is', 'are', 'be', 'when', 'what', 'who', 'which', 'how', 'where', 'do', 'does', 'can', 'should', 'will', 'we', 'us', 'i', 'me', 'goes', 'go', 'get', 'gets', 'need', 'needs', 'want', 'wants', 'from', 'about', 'up', 'down', 'out']);

/**
 * An English topic in the documents' own English words (documents written in English, or with English
 * lines): its content words, each in the form the documents use (articles → article), those they lack left
 * out; empty when none is there.
 */
export function englishWords(topic: string, known: (word: string) => number): string {
  const words = englishKey(topic).split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !EN_STOP.has(w) && !EN_FRAME.has(w));
  return [...new Set(words.map((w) => documentForm(w, known)).filter((f): f is string => f !== undefined))].join(' ');
}

/**
 * A Chinese topic's words in the documents' English (调配房间 → allocation room), for bilingual documents whose
 * duty lines are partly English, with the share of the topic's words that found an English form there (a
 * reading from one word of five is no reading). At most MAX_OPTIONS forms per Chinese word.
 */
export function englishOfChinese(table: WordTable, topic: string, known: (word: string) => number): { text: string; share: number } {
  const out = new Set<string>();
  const groups = termGroups(topic);
  let said = 0;
  for (const g of groups) {
    // how much of the word its best English says in the documents' words (registered trademark: half,
    // when they have register but not trademark)
    let best = 0;
    let n = 0;
    // a part of the word (注册 of 注册商标) says only its share of it
    const parts = [g.word, ...g.subs].flatMap((w) => table.englishOf(w).map((key) => ({ key, part: w.length / g.word.length })));
    for (const { key, part } of parts) {
      // a phrase's words each (at night → night), frame and stop words left out
      const words = key.split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !EN_STOP.has(w) && !EN_FRAME.has(w));
      const forms = words.map((w) => documentForm(w, known));
      if (words.length) best = Math.max(best, (part * forms.filter(Boolean).length) / words.length);
      for (const f of forms) {
        if (f && n < MAX_OPTIONS && !out.has(f)) {
          out.add(f);
          n++;
        }
      }
    }
    said += best;
  }
  return { text: [...out].join(' '), share: groups.length ? said / groups.length : 0 };
}

/**
 * The form of an English word the documents use: as given when they have it, else their commonest of its
 * lemmas and derived forms (articles → article, allocate → allocation); undefined when none occurs.
 */
function documentForm(w: string, known: (word: string) => number): string | undefined {
  if (known(w) > 0) return w;
  const stem = w.replace(/e$/, '');
  const forms = [...lemmas(w), `${singular(w)}s`, `${stem}ion`, `${stem}ation`, `${w}ment`, `${stem}ing`, `${w}ed`, `${stem}ed`];
  let best: string | undefined;
  let most = 0;
  for (const f of new Set(forms)) {
    // a form no longer a word of its own (thing → th, the) is none
    const n = f === w || f.length < 4 || EN_STOP.has(f) || EN_FRAME.has(f) ? 0 : known(f);
    if (n > most) [best, most] = [f, n];
  }
  return best;
}
