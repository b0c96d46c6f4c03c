/**
 * Title matching: exact name/alias/pinyin/initials keys first (one index probe); then a fuzzy stage over the
 * DISTINCT names only (never duty text): an in-memory gram index (characters, syllables, pinyin trigrams)
 * shortlists names cheaply, fuse.js scores the shortlist's pinyin and initials, and a character alignment
 * that forgives homophones (坐席→座席, 主官→主管: the commonest Chinese input typo) ranks it; last, the FTS5
 * title column. Running fuse.js over every distinct name took ~2 s a query at 100k roles; the shortlist
 * keeps a fuzzy lookup in the low milliseconds.
 */
import type Database from 'better-sqlite3';
import Fuse from 'fuse.js';
import { bigramTokens, isHan, syllablesOf } from '../text/normalize.js';
import { compareCodePoints, ftsQuery, type Vocabulary } from './fts.js';
import { Postings } from './postings.js';

export type NameMatch = { key: string; score: number };
type Named = { key: string; syllables: string };
type Entry = Named & { pinyin: string; initials: string };

/** Below this a fuzzy candidate is a suggestion, not an answer. */
export const FOUND_SCORE = 0.6;
const SHORTLIST = 40;
const EXACT_SCORE = [1, 0.98, 0.95];
const COMMON_GRAM_SHARE = 0.05;
const COMMON_GRAM_MIN = 500;

/**
 * How well name k answers query q, 0..1 (1 = identical): a longest common subsequence in which a homophone
 * counts 0.8, weighted mostly by how much of the query it explains (客服主管 ⊂ 客服部主管), then by how much of
 * the name, with a small bonus for the same first and last character (仓库管理员 → 仓管员 over 管理员).
 * pq/pk are the per-character syllables (omit for latin text).
 */
export function nameSimilarity(q: string, k: string, pq?: string[], pk?: string[]): number {
  if (q === k) return 1;
  const a = Array.from(q);
  const b = Array.from(k);
  if (!a.length || !b.length) return 0;
  const homophones = pq && pk && pq.length === a.length && pk.length === b.length;
  let prev = new Float64Array(b.length + 1);
  let cur = new Float64Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 1 : homophones && pq[i - 1] === pk[j - 1] && isHan(a[i - 1]) ? 0.8 : 0;
      cur[j] = Math.max(prev[j], cur[j - 1], same ? prev[j - 1] + same : 0);
    }
    [prev, cur] = [cur, prev];
  }
  const l = prev[b.length];
  const score = 0.9 * (0.65 * (l / a.length) + 0.35 * (l / b.length)) + (a[0] === b[0] ? 0.05 : 0) + (a[a.length - 1] === b[b.length - 1] ? 0.05 : 0);
  return Math.min(score, 0.99);
}

function trigrams(s: string): string[] {
  if (s.length <= 3) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return out;
}

/** Grams a name is shortlisted by: its characters and character pairs, their syllables (homophones), pinyin/initials trigrams; may repeat. */
function forEachGram(e: Entry, fn: (gram: string) => void): void {
  for (const g of charGrams(e.key)) fn(g);
  for (const s of e.syllables.split(' ')) if (s) fn('s' + s);
  for (const t of trigrams(e.pinyin)) fn('l' + t);
  for (const t of trigrams(e.initials)) fn('l' + t);
}

function charGrams(key: string): string[] {
  const chars = Array.from(key);
  return [...chars.map((c) => 'c' + c), ...chars.slice(1).map((c, i) => 'b' + chars[i] + c)];
}

function queryGrams(q: string, latin: boolean): string[] {
  if (latin) return [...new Set(trigrams(q))].map((t) => 'l' + t);
  return [...new Set([...charGrams(q), ...syllablesOf(q).map((s) => 's' + s)])];
}

export class TitleMatcher {
  /** The distinct names, in key order; a name's number is its place here. */
  private readonly keys: string[] = [];
  /**
   * Their syllables, packed in one string (name i's are syllables[syllableEnds[i-1], syllableEnds[i])): every
   * Chinese fuzzy lookup aligns ~40 names by sound, and fetching them from SQLite cost ~0.3 ms a lookup.
   * Pinyin and initials (typed latin only) stay in SQLite.
   */
  private readonly syllables: string;
  private readonly syllableEnds: Int32Array;
  private readonly postings = new Map<string, Postings>();
  private readonly acc: Float64Array;
  private readonly formsStmt: Database.Statement;
  private readonly exactStmt: Database.Statement;
  private readonly ftsStmt: Database.Statement;
  private readonly keysOfRole: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly vocab: Vocabulary,
  ) {
    // streamed, one name at a time: holding ~85k row objects (four strings each) at 100k roles cost ~25 MB
    const forms = 'SELECT key, min(pinyin) AS pinyin, min(initials) AS initials, min(syllables) AS syllables FROM title_keys GROUP BY key ORDER BY key';
    const names = db.prepare(forms);
    for (const e of names.iterate() as Iterable<Entry>) {
      const i = this.keys.push(e.key) - 1;
      forEachGram(e, (g) => {
        let list = this.postings.get(g);
        if (!list) this.postings.set(g, (list = new Postings()));
        list.measure(i);
      });
    }
    this.syllableEnds = new Int32Array(this.keys.length);
    let i = 0;
    let end = 0;
    for (const e of names.iterate() as Iterable<Entry>) {
      const at = i++;
      this.syllableEnds[at] = end += e.syllables.length;
      forEachGram(e, (g) => this.postings.get(g)!.add(at));
    }
    // joined by SQLite in one value: keeping each name's string until a join in JS added ~6 MB at open
    this.syllables = (db.prepare(`SELECT group_concat(syllables, '') FROM (${forms})`).pluck().get() as string | null) ?? '';
    this.acc = new Float64Array(this.keys.length);
    // every row of a name has the same forms (indexing works them all out from its key)
    this.formsStmt = db.prepare('SELECT key, pinyin, initials, syllables FROM title_keys WHERE key IN (SELECT value FROM json_each(?))');
    // how: 0 a title, 1 an alias, 2 a pinyin or initials key
    this.exactStmt = db.prepare(
      `SELECT key, min(CASE WHEN key = @q THEN (kind = 'alias') ELSE 2 END) AS how FROM title_keys
       WHERE key = @q OR pinyin = @q OR initials = @q GROUP BY key ORDER BY how, key LIMIT 20`,
    );
    this.ftsStmt = db.prepare('SELECT rowid FROM roles_fts WHERE roles_fts MATCH ? ORDER BY bm25(roles_fts, 1.0, 0.0) LIMIT 40');
    this.keysOfRole = db.prepare('SELECT key FROM title_keys WHERE role = ?');
  }

  /** Whether some names are English (Finance Assistant): keys sort latin letters first, acronyms (fa) among them. */
  get hasEnglishNames(): boolean {
    return this.keys.slice(0, 50).some((k) => /^[a-z]{4,}$/.test(k));
  }

  /**
   * Whether some role has this exact name (title or alias key), from the names held in memory: no SQL, so
   * checking the two dozen rewrites of a title costs microseconds. The keys are in SQLite's code point order.
   */
  hasName(key: string): boolean {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCodePoints(key, this.keys[mid], 0, this.keys[mid].length) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.keys.length && this.keys[lo] === key;
  }

  /**
   * Names holding a Han text of two or more characters (names ending in 药师), up to limit, shortest first:
   * walks the rarest of its character pairs' postings, no fuzzy scoring.
   */
  containing(part: string, limit: number): string[] {
    const chars = Array.from(part);
    if (chars.length < 2) return [];
    let rarest: Postings | undefined;
    for (let i = 0; i + 1 < chars.length; i++) {
      const list = this.postings.get('b' + chars[i] + chars[i + 1]);
      if (!list) return [];
      if (!rarest || list.count < rarest.count) rarest = list;
    }
    // the limit shortest kept as they come: a common part (主管) is held by thousands of names at 100k roles,
    // and sorting them all cost more than the rest of the question
    const out: string[] = [];
    const before = (a: string, b: string) => a.length - b.length || compareCodePoints(a, b, 0, b.length);
    rarest!.forEach((i) => {
      const key = this.keys[i];
      if (!key.includes(part) || (out.length >= limit && before(key, out[limit - 1]) >= 0)) return;
      let at = out.length;
      while (at > 0 && before(key, out[at - 1]) < 0) at--;
      out.splice(at, 0, key);
      if (out.length > limit) out.pop();
    });
    return out;
  }

  /** Names that equal the query as a title, alias, pinyin or initials key: titles first, then aliases, then sounds. */
  exact(q: string): NameMatch[] {
    if (!q) return [];
    return (this.exactStmt.all({ q }) as { key: string; how: number }[]).map((r) => ({ key: r.key, score: EXACT_SCORE[r.how] ?? 0.95 }));
  }

  /**
   * Best matching names for the first subject that finds any, best first (exact ones score 1).
   * fts: false skips the FTS5 title fallback (an OR over title words costs ~100 ms at 100k roles);
   * near: false returns exact matches alone, without the near names that follow them.
   */
  match(subjects: string[], limit = 10, opts: { fts?: boolean; near?: boolean } = {}): NameMatch[] {
    for (const q of subjects) {
      const ex = this.exact(q);
      if (!ex.length) continue;
      if (opts.near === false) return ex;
      // near names after the exact ones (客户服务经理 typed, 客户服务部经理 elsewhere), never above them
      const floor = ex[ex.length - 1].score - 0.01;
      const names = new Set(ex.map((m) => m.key));
      const near = this.fuzzy(q, limit, false).filter((m) => !names.has(m.key));
      return [...ex, ...near.map((m) => ({ key: m.key, score: Math.min(m.score, floor) }))].slice(0, limit);
    }
    let best: NameMatch[] = [];
    for (const q of subjects) {
      const found = this.fuzzy(q, limit, opts.fts ?? true);
      if (found.length && (!best.length || found[0].score > best[0].score)) best = found;
      if (best.length && best[0].score >= FOUND_SCORE) break;
    }
    return best;
  }

  /**
   * Names sharing the most informative grams with the query (idf-weighted), without touching the others.
   * Grams carried by a large share of names (部, 经理's 理) are skipped unless nothing rarer is there:
   * they would cost a walk over most names and hardly change the order.
   */
  private shortlist(q: string, latin: boolean): number[] {
    const n = this.keys.length;
    const lists = queryGrams(q, latin)
      .map((g) => this.postings.get(g))
      .filter((l): l is Postings => l !== undefined)
      .sort((a, b) => a.count - b.count);
    const common = Math.max(n * COMMON_GRAM_SHARE, COMMON_GRAM_MIN);
    const used = lists.filter((l, i) => i < 2 || l.count <= common);
    const touched: number[] = [];
    let best = 0;
    for (const list of used) {
      const w = Math.log(1 + n / list.count);
      list.forEach((i) => {
        if (this.acc[i] === 0) touched.push(i);
        this.acc[i] += w;
        if (this.acc[i] > best) best = this.acc[i];
      });
    }
    // names far below the best are never in the top few: drop them before sorting
    const top = touched
      .filter((i) => this.acc[i] >= best * 0.5)
      .sort((x, y) => this.acc[y] - this.acc[x])
      .slice(0, SHORTLIST);
    for (const i of touched) this.acc[i] = 0;
    return top;
  }

  /** The names with their pinyin, initials and syllables, in the order given. */
  private entries(keys: string[]): Entry[] {
    const byKey = new Map((this.formsStmt.all(JSON.stringify(keys)) as Entry[]).map((e) => [e.key, e]));
    return keys.map((k) => byKey.get(k)!);
  }

  private fuzzy(q: string, limit: number, fts: boolean): NameMatch[] {
    if (!q) return [];
    const latin = !Array.from(q).some(isHan);
    const top = this.shortlist(q, latin);
    if (latin) {
      const shortlist = this.entries(top.map((i) => this.keys[i]));
      return this.best(q, shortlist, this.latinScorer(q, shortlist), (keys) => this.entries(keys), limit, fts);
    }
    const named = top.map((i) => ({ key: this.keys[i], syllables: this.syllables.slice(i ? this.syllableEnds[i - 1] : 0, this.syllableEnds[i]) }));
    return this.best(q, named, this.hanScorer(q), (keys) => this.entries(keys), limit, fts);
  }

  /** The best scoring of the shortlist, topped up from the FTS5 title column (names loaded with load) when none of it is a match. */
  private best<T extends Named>(q: string, shortlist: T[], score: (e: T) => number, load: (keys: string[]) => T[], limit: number, fts: boolean): NameMatch[] {
    const cand = new Map(shortlist.map((e) => [e.key, e]));
    if (fts && !shortlist.some((e) => score(e) >= FOUND_SCORE)) {
      // names that share no character or sound with the query but whose indexed title words do
      const match = ftsQuery(this.vocab.informative(bigramTokens(q)), 'OR');
      if (match) {
        const found = new Set<string>();
        for (const { rowid } of this.ftsStmt.all(`title : (${match})`) as { rowid: number }[]) {
          for (const { key } of this.keysOfRole.all(rowid) as { key: string }[]) if (!cand.has(key)) found.add(key);
        }
        for (const e of load([...found])) cand.set(e.key, e);
      }
    }
    return [...cand.values()]
      .map((e) => ({ key: e.key, score: score(e) }))
      .filter((m) => m.score > 0.3)
      .sort((x, y) => y.score - x.score || x.key.localeCompare(y.key))
      .slice(0, limit);
  }

  private hanScorer(q: string): (e: Named) => number {
    const pq = syllablesOf(q);
    return (e) => nameSimilarity(q, e.key, pq, e.syllables.split(' '));
  }

  /** Pinyin or initials typed: fuse.js (Bitap) over the shortlist's pinyin and initials, and the alignment. */
  private latinScorer(q: string, shortlist: Entry[]): (e: Entry) => number {
    const fuse = new Fuse(shortlist, { keys: ['pinyin', 'initials', 'key'], includeScore: true, ignoreLocation: true, threshold: 0.5 });
    const fuzzy = new Map(fuse.search(q).map((r) => [r.item.key, 1 - (r.score ?? 1)]));
    return (e) => Math.max(nameSimilarity(q, e.pinyin), nameSimilarity(q, e.initials), nameSimilarity(q, e.key), 0.9 * (fuzzy.get(e.key) ?? 0));
  }
}
