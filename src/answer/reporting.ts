/**
 * Reporting lines: a name in a role's text (reportsTo, directReports) linked to a role record. One file often holds
 * several companies' documents (scraped pages), each with its own 总经理, so a name is linked within the file first,
 * to the nearest role of that name (same department first; 商贸公司总经理 is a 总经理 of its own section), and to
 * another file's role only when the names agree exactly.
 */
import type Database from 'better-sqlite3';
import { mainPost } from '../roles/names.js';
import type { Role } from '../roles/schema.js';
import type { TitleMatcher } from '../search/titles.js';
import { normalizeKey } from '../text/normalize.js';
import type { ReportingLine, RoleLink } from './types.js';

const CHAIN_LEVELS = 3;
/** Look-ups remembered: enough for the bosses of recent questions. */
const MEMO_SIZE = 256;
/** Boss records remembered (a record is a few KB parsed). */
const ROLE_MEMO_SIZE = 64;
/** A title or alias equal to the name (TitleMatcher's exact scores); near names score less. */
export const EXACT_NAME = 0.95;
/** Names shorter than this are not looked for as a title's tail (经 would match every 经理). */
const MIN_TAIL = 2;

type Row = { rowid: number; json: string };
/** A role a name is read from: where it stands and its department decide which role of the name is meant. */
type From = Pick<Role, 'id' | 'department'> & { source: Pick<Role['source'], 'file' | 'startLine'> };
type Reporter = { rowid: number; id: string; title: string; file: string; startLine: number; reportsTo: string | null; department: string | null };

export class ReportingLines {
  private readonly endingInFile: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly reportsTo: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly titles: TitleMatcher,
  ) {
    // the raw title ending in the name (a name written with spaces or traditional characters is found by its key)
    this.endingInFile = db.prepare("SELECT rowid FROM roles WHERE file = ? AND title LIKE '%' || ? ESCAPE '\\'").pluck();
    this.namedInFile = db.prepare('SELECT role FROM title_keys WHERE key = ? AND file = ?');
    this.byKey = db.prepare('SELECT r.rowid AS rowid, r.json AS json FROM title_keys k JOIN roles r ON r.rowid = k.role WHERE k.key = ? ORDER BY k.kind DESC, k.richness DESC, k.rowid LIMIT 1');
    // the fields that decide whether a reporter's boss is this role, read by SQLite: a title many roles report
    // to (总经理) would otherwise cost a JSON.parse of every reporter's whole record
    this.reportsTo = db.prepare(
      `SELECT r.rowid AS rowid, r.id AS id, r.title AS title, r.file AS file, r.start_line AS startLine,
         json_extract(r.json, '$.reportsTo') AS reportsTo, json_extract(r.json, '$.department') AS department
       FROM reports_keys k JOIN roles r ON r.rowid = k.role
       WHERE k.key = @key AND k.role BETWEEN @first AND @last AND r.file = @file ORDER BY r.start_line LIMIT 50`,
    );
    // a document's roles are written together: their rowids span a short range
    this.fileRange = db.prepare('SELECT min(rowid) AS first, max(rowid) AS last FROM roles WHERE file = ?');
    this.json = db.prepare('SELECT rowid, json FROM roles WHERE rowid = ?');
  }

  private readonly json: Database.Statement;
  private readonly fileRange: Database.Statement;
  private readonly namedInFile: Database.Statement;

  /**
   * The role a name in `from`'s text stands for: in the same file, a role titled so (or ending so: 商贸公司总经理
   * for 总经理), same department first, then the nearest, a role before `from` counting as nearer (documents
   * list the boss before the staff); else in another file, a role with exactly that name.
   */
  resolve(name: string, from: From): Role | null {
    // a post and its deputy named together (客服主管/副主管, 客户服务经理、副经理): the post
    const post = mainPost(name);
    return (post !== name ? this.resolveOne(post, from) : null) ?? this.resolveOne(name, from);
  }

  private resolveOne(name: string, from: From): Role | null {
    const key = normalizeKey(name);
    if (!key) return null;
    const file = from.source.file;
    const { ids, rowids } = this.candidates(key, file);
    let best: { role: Role; rank: number } | null = null;
    for (const rowid of rowids) {
      const role = this.role(rowid);
      if (!role || role.id === from.id) continue;
      const gap = role.source.startLine - from.source.startLine;
      const rank = (from.department && role.department === from.department ? 0 : 1e9) + (gap <= 0 ? -gap : 2 * gap);
      if (!best || rank < best.rank) best = { role, rank };
    }
    if (best) return best.role;
    for (const k of ids) {
      const row = this.byKey.get(k) as Row | undefined;
      if (row) return JSON.parse(row.json) as Role;
    }
    return null;
  }

  /**
   * The names a key stands for and the roles of its file so named or ending so. Remembered (the index does not
   * change while open): a title many roles report to (总经理) is looked up once, not once per reporter.
   */
  private candidates(key: string, file: string): { ids: string[]; rowids: Set<number> } {
    const memo = `${file}\0${key}`;
    let found = this.candidateMemo.get(memo);
    if (!found) {
      const ids = this.titles.match([key], 5, { fts: false, near: false }).filter((m) => m.score >= EXACT_NAME).map((m) => m.key);
      const rowids = new Set<number>();
      for (const k of ids) for (const id of this.namedInFile.pluck().all(k, file) as number[]) rowids.add(id);
      if (Array.from(key).length >= MIN_TAIL) for (const id of this.endingInFile.all(file, key.replace(/[\\%_]/g, '\\$&')) as number[]) rowids.add(id);
      if (this.candidateMemo.size >= MEMO_SIZE) this.candidateMemo.clear();
      this.candidateMemo.set(memo, (found = { ids, rowids }));
    }
    return found;
  }

  private readonly candidateMemo = new Map<string, { ids: string[]; rowids: Set<number> }>();

  /** A candidate boss's record, remembered like the candidates (the same few bosses serve many reporters). */
  private role(rowid: number): Role | null {
    let role = this.roleMemo.get(rowid);
    if (role === undefined) {
      const row = this.json.get(rowid) as Row | undefined;
      role = row ? (JSON.parse(row.json) as Role) : null;
      if (this.roleMemo.size >= ROLE_MEMO_SIZE) this.roleMemo.clear();
      this.roleMemo.set(rowid, role);
    }
    return role;
  }

  private readonly roleMemo = new Map<number, Role | null>();

  line(role: Role): ReportingLine {
    const chain: RoleLink[] = [];
    const visited = new Set([role.id]);
    let cur: Role | null = role;
    while (cur?.reportsTo && chain.length < CHAIN_LEVELS) {
      const boss = this.resolve(cur.reportsTo, cur);
      chain.push({ name: cur.reportsTo, role: boss && !visited.has(boss.id) ? boss : null });
      if (!boss || visited.has(boss.id)) break;
      visited.add(boss.id);
      cur = boss;
    }
    const directReports: RoleLink[] = [];
    const named = new Set<string>();
    for (const name of role.directReports) {
      const r = this.resolve(name, role);
      directReports.push({ name, role: r && r.id !== role.id ? r : null });
      named.add(normalizeKey(name));
      if (r) named.add(r.id);
    }
    // roles in the same file whose boss, resolved as above, is this role (商贸公司总经理's staff say 总经理)
    const title = normalizeKey(role.title);
    const keys = new Set([title, ...role.aliases.map(normalizeKey)]);
    const chars = Array.from(title);
    for (let i = 1; i + MIN_TAIL <= chars.length; i++) keys.add(chars.slice(i).join(''));
    const range = this.fileRange.get(role.source.file) as { first: number | null; last: number | null };
    for (const key of keys) {
      for (const r of this.reportsTo.all({ key, file: role.source.file, first: range.first ?? 0, last: range.last ?? 0 }) as Reporter[]) {
        if (r.id === role.id || named.has(r.id) || named.has(normalizeKey(r.title))) continue;
        const from = { id: r.id, department: r.department, source: { file: r.file, startLine: r.startLine } };
        if (this.resolve(r.reportsTo ?? '', from)?.id !== role.id) continue;
        const full = this.role(r.rowid);
        if (!full) continue;
        named.add(r.id);
        directReports.push({ name: r.title, role: full });
      }
    }
    return { chain, directReports };
  }
}
