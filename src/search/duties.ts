/**
 * "Who handles X": FTS5 over JS-generated character bigrams. All words (AND) first, then an OR top-up over
 * the informative words so a question phrased differently from the document still finds roles; bm25 weights
 * the title over the duties. Evidence is the duty lines that share the most question bigrams, marked.
 */
import type Database from 'better-sqlite3';
import type { Evidence } from '../answer/types.js';
import type { Role } from '../roles/schema.js';
import { bigramTokens, canonical } from '../text/normalize.js';
import { ftsQuery, type Vocabulary } from './fts.js';

export type DutyHit = { rowid: number; bm25: number; all: boolean };
export type WeightedTokens = { tokens: string[]; weight: Map<string, number> };

/** Function words that join two duty phrases (和、与、及、的): bigrams across them are noise. */
const JOINERS = /[的和与及或并、,，]/g;
const OR_TOKENS = 8;

export function topicTokens(topic: string): string[] {
  return [...new Set(bigramTokens(canonical(topic).replace(JOINERS, '，')))];
}

export class DutySearch {
  private readonly stmt: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly vocab: Vocabulary,
  ) {
    this.stmt = db.prepare('SELECT rowid, bm25(roles_fts, 3.0, 1.0) AS bm25 FROM roles_fts WHERE roles_fts MATCH ? ORDER BY bm25 LIMIT ?');
  }

  /** The question's tokens that occur in the index, each with its idf weight. */
  weigh(tokens: string[]): WeightedTokens {
    const weight = new Map<string, number>();
    for (const t of tokens) if (this.vocab.docs(t)) weight.set(t, this.vocab.idf(t));
    return { tokens: [...weight.keys()], weight };
  }

  search({ tokens }: WeightedTokens, want: number, limit: number): DutyHit[] {
    if (!tokens.length) return [];
    const hits: DutyHit[] = [];
    const seen = new Set<number>();
    const add = (rows: { rowid: number; bm25: number }[], all: boolean) => {
      for (const r of rows) {
        if (seen.has(r.rowid) || hits.length >= limit) continue;
        seen.add(r.rowid);
        hits.push({ rowid: r.rowid, bm25: r.bm25, all });
      }
    };
    // common words (负责, 工作) barely move bm25 but make FTS5 walk most of the index: rare words only
    const informative = this.vocab.informative(tokens);
    add(this.stmt.all(ftsQuery(informative, 'AND'), limit) as { rowid: number; bm25: number }[], true);
    if (hits.length < want && informative.length > 1) {
      add(this.stmt.all(ftsQuery(informative.slice(0, OR_TOKENS), 'OR'), limit) as { rowid: number; bm25: number }[], false);
    }
    return hits;
  }
}

/** Per code point of text, its canonical form and UTF-16 range (so marks point into the original text). */
function canonicalChars(text: string): Array<{ ch: string; start: number; end: number }> {
  const chars = Array.from(text);
  const whole = Array.from(canonical(text));
  // canonical() keeps one character per character almost always; convert one by one only when it did not
  const canon = whole.length === chars.length ? whole : chars.map((c) => canonical(c));
  const out: Array<{ ch: string; start: number; end: number }> = [];
  let off = 0;
  chars.forEach((ch, i) => {
    out.push({ ch: canon[i], start: off, end: off + ch.length });
    off += ch.length;
  });
  return out;
}

/** [start,end) ranges of text covered by any token, merged; and which tokens occur. */
export function markTokens(text: string, tokens: Set<string>): { marks: Array<[number, number]>; matched: Set<string> } {
  const cs = canonicalChars(text);
  const ranges: Array<[number, number]> = [];
  const matched = new Set<string>();
  for (let i = 0; i < cs.length; i++) {
    if (i + 1 < cs.length && tokens.has(cs[i].ch + cs[i + 1].ch)) {
      matched.add(cs[i].ch + cs[i + 1].ch);
      ranges.push([cs[i].start, cs[i + 1].end]);
    } else if (tokens.has(cs[i].ch)) {
      matched.add(cs[i].ch);
      ranges.push([cs[i].start, cs[i].end]);
    }
  }
  // latin/digit words are whole tokens
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = canonical(m[0]);
    if (!/^\p{Script=Han}/u.test(w) && tokens.has(w)) {
      matched.add(w);
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const marks: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = marks[marks.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else marks.push([r[0], r[1]]);
  }
  return { marks, matched };
}

/**
 * The duty lines of a role that share most question tokens (idf-weighted), best first, with marks; and
 * the best line's share of the question's weight (one line covering the question is strong evidence).
 */
export function dutyEvidence(role: Role, { tokens, weight }: WeightedTokens, max = 3): { evidence: Evidence[]; bestShare: number } {
  const set = new Set(tokens);
  const total = tokens.reduce((s, t) => s + (weight.get(t) ?? 0), 0);
  const lines = role.duties
    .map((text, index) => {
      const m = markTokens(text, set);
      let w = 0;
      for (const t of m.matched) w += weight.get(t) ?? 0;
      return { index, text, marks: m.marks, w };
    })
    .filter((l) => l.w > 0);
  lines.sort((a, b) => b.w - a.w || a.index - b.index);
  const bestShare = lines.length && total ? lines[0].w / total : 0;
  return { evidence: lines.slice(0, max).map(({ index, text, marks }) => ({ index, text, marks })), bestShare };
}
