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

/** Document frequency of every indexed bigram, read once at open: a per-query vocab lookup costs ~1 ms a word. */
export class Vocabulary {
  private readonly df: Map<string, number>;
  readonly roles: number;

  constructor(db: Database.Database) {
    // iterate, not all(): at 100k roles the intermediate array of ~80k rows added ~25 MB to the open's peak RSS
    this.df = new Map(db.prepare('SELECT term, doc FROM roles_fts_vocab').raw().iterate() as Iterable<[string, number]>);
    this.roles = (db.prepare('SELECT count(*) AS n FROM roles').get() as { n: number }).n;
  }

  docs(token: string): number {
    return this.df.get(token) ?? 0;
  }

  idf(token: string): number {
    const d = this.docs(token);
    return d ? Math.log(1 + this.roles / d) : 0;
  }

  /** The tokens worth querying, rarest first: indexed ones, without the common ones unless nothing else is left. */
  informative(tokens: string[]): string[] {
    const known = [...new Set(tokens)].filter((t) => this.docs(t) > 0).sort((a, b) => this.docs(a) - this.docs(b));
    const common = Math.max(this.roles * COMMON_SHARE, COMMON_MIN);
    const rare = known.filter((t) => this.docs(t) <= common);
    return rare.length >= 2 ? rare : known.slice(0, 2);
  }
}
