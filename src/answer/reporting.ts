/**
 * Reporting lines: a name in a role's text (reportsTo, directReports) linked to a role record. One file often holds
 * several companies' documents (scraped pages), each with its own 总经理, so a name is linked within the file first,
 * to the nearest role of that name (same department first; 商贸公司总经理 is a 总经理 of its own section), and to
 * another file's role only when the names agree exactly.
 */
import type Database from 'better-sqlite3';
import type { Role } from '../roles/schema.js';
import type { TitleMatcher } from '../search/titles.js';
import { normalizeKey } from '../text/normalize.js';
import type { ReportingLine, RoleLink } from './types.js';

const CHAIN_LEVELS = 3;
/** A title or alias equal to the name (TitleMatcher's exact scores); near names score less. */
export const EXACT_NAME = 0.95;
/** Names shorter than this are not looked for as a title's tail (经 would match every 经理). */
const MIN_TAIL = 2;

type Row = { rowid: number; json: string };

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
    this.reportsTo = db.prepare('SELECT r.rowid AS rowid, r.json AS json FROM reports_keys k JOIN roles r ON r.rowid = k.role WHERE k.key = ? AND r.file = ? ORDER BY r.start_line LIMIT 50');
    this.json = db.prepare('SELECT rowid, json FROM roles WHERE rowid = ?');
  }

  private readonly json: Database.Statement;
  private readonly namedInFile: Database.Statement;

  /**
   * The role a name in `from`'s text stands for: in the same file, a role titled so (or ending so: 商贸公司总经理
   * for 总经理), same department first, then the nearest, a role before `from` counting as nearer (documents
   * list the boss before the staff); else in another file, a role with exactly that name.
   */
  resolve(name: string, from: Role): Role | null {
    const key = normalizeKey(name);
    if (!key) return null;
    const ids = this.titles.match([key], 5, { fts: false, near: false }).filter((m) => m.score >= EXACT_NAME).map((m) => m.key);
    const file = from.source.file;
    const rowids = new Set<number>();
    for (const k of ids) for (const id of this.namedInFile.pluck().all(k, file) as number[]) rowids.add(id);
    if (Array.from(key).length >= MIN_TAIL) for (const id of this.endingInFile.all(file, key.replace(/[\\%_]/g, '\\$&')) as number[]) rowids.add(id);
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

  private role(rowid: number): Role | null {
    const row = this.json.get(rowid) as Row | undefined;
    return row ? (JSON.parse(row.json) as Role) : null;
  }

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
    for (const key of keys) {
      for (const row of this.reportsTo.all(key, role.source.file) as Row[]) {
        const r = JSON.parse(row.json) as Role;
        if (r.id === role.id || named.has(r.id) || named.has(normalizeKey(r.title))) continue;
        if (this.resolve(r.reportsTo ?? '', r)?.id !== role.id) continue;
        named.add(r.id);
        directReports.push({ name: r.title, role: r });
      }
    }
    return { chain, directReports };
  }
}
