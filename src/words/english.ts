/** English words as the word table keys them: lower case, no parentheses or articles, plain singular. */

const ARTICLE = /^(?:a|an|the)\s+/;

/** A dictionary sense or a typed phrase in key form ("(computing) a Front-End" → "front-end"). */
export function englishKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ARTICLE, '');
}

const KEEP_S = /(?:ss|us|is|ics|ous|ies's)$/;

/** The singular a table key would use (complaints → complaint, duties → duty, classes → class). */
export function singular(w: string): string {
  if (w.length <= 3 || KEEP_S.test(w)) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/**
 * Forms a dictionary may key an English word by: itself, singular, a verb's base (patrolling → patrol,
 * handling → handle) and the verb of an action noun (production → produce, recruitment → recruit).
 */
export function lemmas(w: string): string[] {
  const out = [w, singular(w)];
  const noun = /^(.{3,}?)(?:tion|ment)s?$/.exec(w);
  if (noun) out.push(w.replace(/s$/, '').endsWith('tion') ? `${noun[1]}e` : noun[1]);
  const ing = /^(.{2,}?)(?:ing|ed)$/.exec(w);
  if (ing) {
    const stem = ing[1];
    out.push(stem, `${stem}e`);
    if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return [...new Set(out)];
}

/** Nouns made from a verb, as a dictionary may key them instead (renew → renewal, allocate → allocation). */
export function derivations(w: string): string[] {
  const stem = w.replace(/e$/, '');
  return [...new Set([`${w}al`, `${w}ment`, `${stem}ion`, `${stem}ation`, `${stem}ing`])].filter((d) => d !== w);
}

/** Whether a question is typed in English: latin letters and no Han characters. */
export function isEnglish(text: string): boolean {
  return /[a-z]{2}/i.test(text) && !/\p{Script=Han}/u.test(text);
}
