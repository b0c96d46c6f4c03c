/**
 * Title matching: exact name/alias/pinyin/initials keys first (one index probe), then fuse.js over the
 * DISTINCT names and their pinyin (never duty text), then the FTS5 title column; candidates are re-ranked by
 * a character alignment that forgives homophones (坐席→座席, 主官→主管), the commonest Chinese input typo.
 */
import type Database from 'better-sqlite3';
import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import { bigramTokens, isHan, pinyinKey } from '../text/normalize.js';
import { ftsQuery } from './fts.js';

export type NameMatch = { key: string; score: number };
type Entry = { key: string; pinyin: string; initials: string };

/** Below this a fuzzy candidate is a suggestion, not an answer. */
export const FOUND_SCORE = 0.6;
const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.6, includeScore: true } as const;
const CANDIDATES = 40;

const syllableCache = new Map<string, string[]>();
function syllables(key: string): string[] {
  let s = syllableCache.get(key);
  if (!s) {
    const chars = Array.from(key);
    const py = pinyin(key, { toneType: 'none', type: 'array' });
    s = py.length === chars.length ? py : chars;
    if (syllableCache.size > 50_000) syllableCache.clear();
    syllableCache.set(key, s);
  }
  return s;
}

/**
 * How well name k answers query q, 0..1 (1 = identical): a longest common subsequence in which a homophone
 * counts 0.8, weighted mostly by how much of the query it explains (客服主管 ⊂ 客服部主管), then by how much of
 * the name, with a small bonus for the same first and last character (仓库管理员 → 仓管员 over 管理员).
 */
export function nameSimilarity(q: string, k: string): number {
  if (q === k) return 1;
  const a = Array.from(q);
  const b = Array.from(k);
  if (!a.length || !b.length) return 0;
  const han = isHan(a[0]) || isHan(b[0]);
  const pa = han ? syllables(q) : a;
  const pb = han ? syllables(k) : b;
  let prev = new Float64Array(b.length + 1);
  let cur = new Float64Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 1 : han && pa[i - 1] === pb[j - 1] && isHan(a[i - 1]) ? 0.8 : 0;
      cur[j] = Math.max(prev[j], cur[j - 1], same ? prev[j - 1] + same : 0);
    }
    [prev, cur] = [cur, prev];
  }
  const l = prev[b.length];
  const score = 0.9 * (0.65 * (l / a.length) + 0.35 * (l / b.length)) + (a[0] === b[0] ? 0.05 : 0) + (a[a.length - 1] === b[b.length - 1] ? 0.05 : 0);
  return Math.min(score, 0.99);
}

export class TitleMatcher {
  private readonly byKey: Fuse<Entry>;
  private readonly byPinyin: Fuse<Entry>;
  private readonly exactStmt: Database.Statement;
  private readonly ftsStmt: Database.Statement;
  private readonly keysOfRole: Database.Statement;
  private readonly entries: Map<string, Entry>;

  constructor(db: Database.Database) {
    const entries = db.prepare('SELECT key, min(pinyin) AS pinyin, min(initials) AS initials FROM title_keys GROUP BY key').all() as Entry[];
    this.entries = new Map(entries.map((e) => [e.key, e]));
    this.byKey = new Fuse(entries, { ...FUSE_OPTIONS, keys: ['key'] });
    this.byPinyin = new Fuse(entries, { ...FUSE_OPTIONS, keys: ['pinyin', 'initials'] });
    this.exactStmt = db.prepare('SELECT DISTINCT key FROM title_keys WHERE key = @q OR pinyin = @q OR initials = @q LIMIT 20');
    this.ftsStmt = db.prepare("SELECT rowid FROM roles_fts WHERE roles_fts MATCH ? ORDER BY bm25(roles_fts, 1.0, 0.0) LIMIT 40");
    this.keysOfRole = db.prepare('SELECT key FROM title_keys WHERE role = ?');
  }

  /** Names that equal the query as a name, alias, pinyin or initials key. */
  exact(q: string): string[] {
    if (!q) return [];
    return (this.exactStmt.all({ q }) as { key: string }[]).map((r) => r.key);
  }

  /** Best matching names for the first subject that finds any, best first (exact ones score 1). */
  match(subjects: string[], limit = 10): NameMatch[] {
    for (const q of subjects) {
      const ex = this.exact(q);
      if (ex.length) return ex.map((key) => ({ key, score: 1 }));
    }
    let best: NameMatch[] = [];
    for (const q of subjects) {
      const found = this.fuzzy(q, limit);
      if (found.length && (!best.length || found[0].score > best[0].score)) best = found;
      if (best.length && best[0].score >= FOUND_SCORE) break;
    }
    return best;
  }

  private fuzzy(q: string, limit: number): NameMatch[] {
    if (!q) return [];
    const latin = !Array.from(q).some(isHan);
    const cand = new Set<string>();
    for (const r of this.byKey.search(q, { limit: CANDIDATES })) cand.add(r.item.key);
    for (const r of this.byPinyin.search(latin ? q : pinyinKey(q), { limit: CANDIDATES })) cand.add(r.item.key);
    if (![...cand].some((k) => this.score(q, k, latin) >= FOUND_SCORE)) {
      const match = ftsQuery(bigramTokens(q), 'OR');
      if (match) {
        for (const { rowid } of this.ftsStmt.all(`title : (${match})`) as { rowid: number }[]) {
          for (const { key } of this.keysOfRole.all(rowid) as { key: string }[]) cand.add(key);
        }
      }
    }
    return [...cand]
      .map((key) => ({ key, score: this.score(q, key, latin) }))
      .filter((m) => m.score > 0.3)
      .sort((x, y) => y.score - x.score || x.key.localeCompare(y.key))
      .slice(0, limit);
  }

  private score(q: string, key: string, latin: boolean): number {
    if (!latin) return nameSimilarity(q, key);
    const e = this.entries.get(key);
    return Math.max(nameSimilarity(q, key), e ? nameSimilarity(q, e.pinyin) : 0, e ? nameSimilarity(q, e.initials) : 0);
  }
}
