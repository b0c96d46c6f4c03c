/** Helpers for the FTS5 bigram table shared by title and duty search. */
import type Database from 'better-sqlite3';

/** FTS5 query text built only from our own tokens, quoted, so user input can never be FTS5 syntax. */
export function ftsQuery(tokens: string[], op: 'AND' | 'OR'): string {
  const uniq = [...new Set(tokens.filter(Boolean))];
  return uniq.map((t) => `"${t.replace(/"/g, '""')}"`).join(` ${op} `);
}

/**
 * A word in more than this share of roles (负责, 工作) says little about who does what, and once its
 * posting list is long (COMMON_MIN) it costs FTS5 real time; small indexes keep every word.
 */
const COMMON_SHARE = 0.2;
const COMMON_MIN = 2000;

/** a vs b in code point order, like SQLite's BINARY collation of UTF-8 (JS's < differs around surrogate pairs). */
export function compareCodePoints(a: string, b: string, bStart: number, bEnd: number): number {
  const n = Math.min(a.length, bEnd - bStart);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(bStart + i);
    // a surrogate is part of a code point above U+FFFF, so it sorts after every other UTF-16 unit
    if (x !== y) return (x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x) - (y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y);
  }
  return a.length - (bEnd - bStart);
}

/**
 * Document frequency of every indexed term, read once at open (a per-query vocab lookup costs ~1 ms a word).
 * The terms are packed in order into one string, each ended by a space (term i is text[ends[i-1] + 1, ends[i])),
 * and found by binary search: at 100k roles ~96k terms take ~3 MB this way, ~7 MB as a Map, and the open
 * makes no object per term.
 */
export class Vocabulary {
  private readonly text: string;
  private readonly ends: Int32Array;
  private readonly df: Int32Array;
  readonly roles: number;

  constructor(db: Database.Database) {
    // fts5vocab lists its terms in order itself (it takes ORDER BY term without a sort: a sort here cost
    // ~15 MB at open at 100k roles); the tokenizer splits on spaces, so no term holds one
    const row = db
      .prepare(`SELECT count(*) AS n, group_concat(term, ' ') AS text, group_concat(doc, ' ') AS docs FROM (SELECT term, doc FROM roles_fts_vocab ORDER BY term)`)
      .get() as { n: number; text: string | null; docs: string | null };
    this.text = row.text ?? '';
    this.ends = new Int32Array(row.n);
    this.df = new Int32Array(row.n);
    const docs = row.docs ?? '';
    for (let i = 0, end = -1, p = 0; i < row.n; i++) {
      end = this.text.indexOf(' ', end + 1);
      this.ends[i] = end < 0 ? this.text.length : end;
      let d = 0;
      for (let c = docs.charCodeAt(p++); c >= 48 && c <= 57; c = docs.charCodeAt(p++)) d = d * 10 + c - 48;
      this.df[i] = d;
    }
    this.roles = (db.prepare('SELECT count(*) AS n FROM roles').get() as { n: number }).n;
  }

  docs(token: string): number {
    const start = (at: number): number => (at ? this.ends[at - 1] + 1 : 0);
    let lo = 0;
    let hi = this.df.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCodePoints(token, this.text, start(mid), this.ends[mid]) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.df.length && compareCodePoints(token, this.text, start(lo), this.ends[lo]) === 0 ? this.df[lo] : 0;
  }

  idf(token: string): number {
    const d = this.docs(token);
    return d ? Math.log(1 + this.roles / d) : 0;
  }

  /** The tokens worth querying, rarest first: indexed ones, without the common ones unless nothing else is left. */
  informative(tokens: string[]): string[] {
    const known = [...new Set(tokens)]
      .map((t) => ({ t, d: this.docs(t) }))
      .filter((x) => x.d > 0)
      .sort((a, b) => a.d - b.d);
    const common = Math.max(this.roles * COMMON_SHARE, COMMON_MIN);
    const rare = known.filter((x) => x.d <= common).map((x) => x.t);
    return rare.length >= 2 ? rare : known.slice(0, 2).map((x) => x.t);
  }
}
