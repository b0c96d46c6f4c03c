/**
 * "Who handles X": FTS5 over JS-generated character bigrams. All words (AND) first, then an OR top-up so a
 * question phrased differently from the document still finds roles; bm25 weights the title over the duties.
 * Evidence is the duty lines that share the most question bigrams, with those bigrams marked.
 */
import type Database from 'better-sqlite3';
import type { Evidence } from '../answer/types.js';
import type { Role } from '../roles/schema.js';
import { bigramTokens, canonical } from '../text/normalize.js';
import { ftsQuery } from './fts.js';

export type DutyHit = { rowid: number; bm25: number; all: boolean };

/** Function words that join two duty phrases (和、与、及、的): bigrams across them are noise. */
const JOINERS = /[的和与及或并、,，]/g;

export function topicTokens(topic: string): string[] {
  return [...new Set(bigramTokens(canonical(topic).replace(JOINERS, ' ')))];
}

export class DutySearch {
  private readonly stmt: Database.Statement;
  constructor(db: Database.Database) {
    this.stmt = db.prepare('SELECT rowid, bm25(roles_fts, 3.0, 1.0) AS bm25 FROM roles_fts WHERE roles_fts MATCH ? ORDER BY bm25 LIMIT ?');
  }

  search(tokens: string[], limit: number): DutyHit[] {
    if (!tokens.length) return [];
    const hits: DutyHit[] = [];
    const seen = new Set<number>();
    for (const op of ['AND', 'OR'] as const) {
      if (op === 'OR' && (hits.length >= limit || tokens.length === 1)) break;
      const rows = this.stmt.all(ftsQuery(tokens, op), limit + hits.length) as { rowid: number; bm25: number }[];
      for (const r of rows) {
        if (seen.has(r.rowid) || hits.length >= limit) continue;
        seen.add(r.rowid);
        hits.push({ rowid: r.rowid, bm25: r.bm25, all: op === 'AND' });
      }
    }
    return hits;
  }
}

/** Per UTF-16 offset, the canonical character there (so marks point into the original text). */
function canonicalChars(text: string): Array<{ ch: string; start: number; end: number }> {
  const out: Array<{ ch: string; start: number; end: number }> = [];
  let off = 0;
  for (const ch of text) {
    out.push({ ch: canonical(ch), start: off, end: off + ch.length });
    off += ch.length;
  }
  return out;
}

/** [start,end) ranges of text covered by any token, merged; and how many distinct tokens occur. */
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

/** The duty lines of a role that share most question tokens, best first, with marks; and the best line's share. */
export function dutyEvidence(role: Role, tokens: string[], max = 3): { evidence: Evidence[]; bestShare: number } {
  const set = new Set(tokens);
  const lines = role.duties.map((text, index) => ({ index, text, ...markTokens(text, set) })).filter((l) => l.matched.size > 0);
  lines.sort((a, b) => b.matched.size - a.matched.size || a.index - b.index);
  const bestShare = lines.length && tokens.length ? lines[0].matched.size / tokens.length : 0;
  return { evidence: lines.slice(0, max).map(({ index, text, marks }) => ({ index, text, marks })), bestShare };
}
