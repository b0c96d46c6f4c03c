/**
 * "Who handles X": FTS5 over JS-generated character bigrams finds candidates, each question word as a phrase of
 * its bigrams (so 处理业主投诉 never asks for the cross-word bigram 理业). All words (AND) first, then an OR
 * top-up over the informative words so a question phrased differently from the document still finds roles;
 * bm25 weights the title over the duties. The candidates are then ranked by whole words (words.ts): evidence is
 * the duty lines holding the most question words as words, marked.
 */
import type Database from 'better-sqlite3';
import type { Evidence } from '../answer/types.js';
import type { Role } from '../roles/schema.js';
import { bigramTokens } from '../text/normalize.js';
import type { Vocabulary } from './fts.js';
import { groupMatch, mentions, mergeMarks, segmentLine, termGroups, type TermGroup } from './words.js';

export type DutyHit = { rowid: number; bm25: number; all: boolean };
/**
 * The question's words that occur in the index, each with its idf weight and FTS5 expression; total: the
 * question's whole weight, a word no document has counted as much as its rarest present word.
 */
export type WhoQuery = { groups: Array<TermGroup & { weight: number; df: number; fts: string }>; total: number };

const OR_GROUPS = 8;
/** As in Vocabulary.informative: a word in more than this share of roles is left out of the AND query. */
const COMMON_SHARE = 0.2;
const COMMON_MIN = 2000;

const phrase = (tokens: string[]): string => `"${tokens.join(' ').replace(/"/g, '""')}"`;

export class DutySearch {
  private readonly stmt: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly vocab: Vocabulary,
  ) {
    this.stmt = db.prepare('SELECT rowid, bm25(roles_fts, 3.0, 1.0) AS bm25 FROM roles_fts WHERE roles_fts MATCH ? ORDER BY bm25 LIMIT ?');
  }

  /**
   * A topic's words with an index presence: a word's df is estimated by its rarest bigram (a phrase is no commoner).
   * A word's parts are searched too (发工资 via 工资), unless they are common: 部门经理 OR 经理 would walk most of
   * the index for little (the word ranking still credits them in the candidates found).
   */
  query(topic: string): WhoQuery {
    const common = this.commonDf();
    const groups: WhoQuery['groups'] = [];
    let missing = 0;
    for (const g of termGroups(topic)) {
      const alts = [g.word, ...g.subs].map((w) => {
        const tokens = bigramTokens(w);
        const df = tokens.length ? Math.min(...tokens.map((t) => this.vocab.docs(t))) : 0;
        return { tokens, df };
      });
      const usable = alts.filter((a, i) => a.df > 0 && (i === 0 || a.df <= common));
      if (!usable.length) {
        missing++;
        continue;
      }
      const df = Math.max(...usable.map((a) => a.df));
      const own = alts[0].df || df;
      const fts = usable.length === 1 ? phrase(usable[0].tokens) : `(${usable.map((a) => phrase(a.tokens)).join(' OR ')})`;
      groups.push({ ...g, df, weight: Math.log(1 + this.vocab.roles / own), fts });
    }
    // a question word no document has is still part of what was asked, so roles holding only the other words
    // (每天 of 每天夜里关账) are partial answers
    const total = groups.reduce((sum, g) => sum + g.weight, 0) + missing * Math.max(0, ...groups.map((g) => g.weight)) || 1;
    return { groups, total };
  }

  private commonDf(): number {
    return Math.max(this.vocab.roles * COMMON_SHARE, COMMON_MIN);
  }

  search({ groups }: WhoQuery, want: number, limit: number): DutyHit[] {
    if (!groups.length) return [];
    const hits: DutyHit[] = [];
    const seen = new Set<number>();
    const add = (rows: { rowid: number; bm25: number }[], all: boolean) => {
      for (const r of rows) {
        if (seen.has(r.rowid) || hits.length >= limit) continue;
        seen.add(r.rowid);
        hits.push({ rowid: r.rowid, bm25: r.bm25, all });
      }
    };
    // common words (管理, 客户) barely move bm25 but make FTS5 walk most of the index: rare words only
    const byDf = [...groups].sort((a, b) => a.df - b.df);
    const common = this.commonDf();
    const rare = byDf.filter((g) => g.df <= common);
    // only common words (客户 + 管理): their AND walks most of the index (~40 ms at 100k roles); the words written
    // together (`客户管理`) are a phrase few duty lines hold (~4 ms), tried first
    if (!rare.length && groups.length >= 2) {
      const joined = bigramTokens(groups.map((g) => g.word).join(''));
      if (joined.length) add(this.stmt.all(phrase(joined), limit) as { rowid: number; bm25: number }[], true);
      if (hits.length >= want) return hits;
    }
    const informative = rare.length >= 2 ? rare : byDf.slice(0, 2);
    add(this.stmt.all(informative.map((g) => g.fts).join(' AND '), limit) as { rowid: number; bm25: number }[], true);
    if (hits.length < want && informative.length > 1) {
      add(this.stmt.all(informative.slice(0, OR_GROUPS).map((g) => g.fts).join(' OR '), limit) as { rowid: number; bm25: number }[], false);
    }
    return hits;
  }
}

/**
 * How well a role's words answer the question: the best duty line's share of the question's weight (one line
 * covering the question is strong evidence), the share found anywhere in the duties, the share in its names;
 * and the best lines, marked where question words occur as words.
 */
export function whoEvidence(role: Role, { groups, total }: WhoQuery, max = 3): { evidence: Evidence[]; bestShare: number; coverage: number; titleShare: number } {
  const best = new Array<number>(groups.length).fill(0);
  const lines = role.duties
    .map((text, index) => {
      const seg = segmentLine(text);
      let w = 0;
      if (!mentions(seg, groups)) return { index, text, marks: [], w };
      const marks: Array<[number, number]> = [];
      groups.forEach((g, i) => {
        const m = groupMatch(seg, g);
        if (!m.credit) return;
        w += g.weight * m.credit;
        best[i] = Math.max(best[i], m.credit);
        marks.push(...m.marks);
      });
      return { index, text, marks: mergeMarks(marks), w };
    })
    .filter((l) => l.w > 0);
  lines.sort((a, b) => b.w - a.w || a.index - b.index);
  let titleShare = 0;
  for (const name of [role.title, ...role.aliases]) {
    const seg = segmentLine(name);
    if (!mentions(seg, groups)) continue;
    titleShare = Math.max(titleShare, groups.reduce((s, g) => s + g.weight * groupMatch(seg, g).credit, 0) / total);
  }
  return {
    evidence: lines.slice(0, max).map(({ index, text, marks }) => ({ index, text, marks })),
    bestShare: lines.length ? lines[0].w / total : 0,
    coverage: groups.reduce((s, g, i) => s + g.weight * best[i], 0) / total,
    titleShare,
  };
}
