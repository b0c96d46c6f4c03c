/**
 * The SQLite index: source documents, role records (stored as their validated JSON) and the FTS5
 * table the search layer reads. An index is always written whole into a temporary file and renamed
 * over the old one, so readers never see a half-built index.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { RoleSchema, type Role } from '../roles/schema.js';
import { processAlive } from './lock.js';
import { cachedNameForms, SEARCH_DDL, SEARCH_INDEXES, searchRow, searchRowWriter, type SearchRow } from '../search/indexer.js';

/** Bump whenever the tables or their contents change (roles, search tables, how search text is tokenized), so an index from an older checkout is rebuilt, not misread. */
export const SCHEMA_VERSION = 3;

export type DocumentRow = {
  file: string;
  sha256: string;
  size: number;
  status: 'ok' | 'skipped';
  reason: string | null;
  roles: number;
};

/** search[i], when given, is roles[i]'s search row worked out already (by ingest); missing ones are worked out here. */
export type IndexContent = { documents: DocumentRow[]; roles: Role[]; search?: readonly (SearchRow | undefined)[] };

const DDL = `
CREATE TABLE documents (
  file TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok','skipped')),
  reason TEXT,
  roles INTEGER NOT NULL
);
CREATE TABLE roles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL REFERENCES documents(file),
  start_line INTEGER NOT NULL,
  title TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
/** Created after the rows are in (see SEARCH_INDEXES). */
const INDEXES = `
CREATE INDEX roles_file ON roles(file, start_line);
`;

/**
 * The temp file is thrown away unless it is finished, checked, flushed and renamed: it needs no journal and
 * no syncs while it is written. (A 256 MB page cache gained nothing measurable once the FTS table was
 * contentless, and the process kept the memory it freed.)
 */
const BUILD_PRAGMAS = ['journal_mode = OFF', 'synchronous = OFF'];

export type WriteOptions = {
  /** Extra checks on the finished temp index before it replaces the old one; throw to refuse it. */
  validate?: (db: Database.Database) => void;
  /** Extra meta rows (key → value) stored with the index, read back with readMeta. */
  meta?: Record<string, string>;
};

/** Temp files of writers that died (kill, crash) before renaming; only the writer's own pid is ever live. */
function removeStaleTemps(dbPath: string): void {
  const dir = path.dirname(path.resolve(dbPath));
  const prefix = `${path.basename(dbPath)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

/** Flush a file or directory to disk, so a power loss after the rename cannot resurrect a half file. */
function fsyncPath(p: string): void {
  const fd = openSync(p, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The consistency every index must have before it may serve: storage, counts, and the stored records
 * byte for byte the ones written (each was schema-checked before it was written; a digest of their JSON
 * in rowid order is cheaper than parsing and re-checking 100k records, and a stronger check).
 */
function validateIndex(db: Database.Database, expected: { documents: number; roles: number; rolesDigest: string }): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`index self-check failed: ${String(check)}`);
  const n = (db.prepare('SELECT count(*) AS n FROM roles').get() as { n: number }).n;
  if (n !== expected.roles) throw new Error(`index holds ${n} roles, expected ${expected.roles}`);
  const docs = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  if (docs !== expected.documents) throw new Error(`index holds ${docs} documents, expected ${expected.documents}`);
  const mismatch = db
    .prepare('SELECT d.file, d.roles, count(r.rowid) AS n FROM documents d LEFT JOIN roles r ON r.file = d.file GROUP BY d.file HAVING n != d.roles LIMIT 1')
    .get() as { file: string; roles: number; n: number } | undefined;
  if (mismatch) throw new Error(`${mismatch.file}: index holds ${mismatch.n} roles, its document row says ${mismatch.roles}`);
  const stored = createHash('sha256');
  for (const json of db.prepare('SELECT json FROM roles ORDER BY rowid').pluck().iterate() as Iterable<string>) stored.update(json).update('\0');
  if (stored.digest('hex') !== expected.rolesDigest) throw new Error('index records differ from the records written');
}

/**
 * A new index written in a temp file beside dbPath, row by row (so a build can write while documents are
 * still being parsed), then validated and renamed into place by finish(). Until the rename the old index is
 * never touched, so a crash, a kill, a failed check or abort() leaves it serving.
 */
export class IndexWriter {
  private readonly db: Database.Database;
  private readonly tmp: string;
  private readonly insDoc: Database.Statement;
  private readonly insRole: Database.Statement;
  private readonly writeSearchRow: ReturnType<typeof searchRowWriter>;
  private readonly forms = cachedNameForms();
  private documents = 0;
  private roles = 0;
  /** Of every role's JSON in insert (rowid) order, for validateIndex. */
  private readonly rolesDigest = createHash('sha256');

  constructor(readonly dbPath: string) {
    mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
    removeStaleTemps(dbPath);
    this.tmp = `${dbPath}.tmp-${process.pid}`;
    rmSync(this.tmp, { force: true });
    this.db = new Database(this.tmp);
    try {
      for (const p of BUILD_PRAGMAS) this.db.pragma(p);
      this.db.exec(DDL + SEARCH_DDL);
      this.insDoc = this.db.prepare('INSERT INTO documents (file, sha256, size, status, reason, roles) VALUES (?, ?, ?, ?, ?, ?)');
      this.insRole = this.db.prepare('INSERT INTO roles (id, file, start_line, title, json) VALUES (?, ?, ?, ?, ?)');
      this.writeSearchRow = searchRowWriter(this.db);
      this.db.exec('BEGIN');
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  addDocument(d: DocumentRow): void {
    this.insDoc.run(d.file, d.sha256, d.size, d.status, d.reason, d.roles);
    this.documents++;
  }

  /** search: the role's searchRow when it was worked out already (by ingest). */
  addRole(r: Role, search: SearchRow = searchRow(r, this.forms)): void {
    const json = JSON.stringify(r);
    const row = this.insRole.run(r.id, r.source.file, r.source.startLine, r.title, json);
    this.rolesDigest.update(json).update('\0');
    this.writeSearchRow(row.lastInsertRowid, r.source.file, search);
    this.roles++;
  }

  /** Commit, check, and swap the new index in; on any failure the temp file is removed and the error thrown. */
  finish(options: WriteOptions = {}): void {
    const { db, tmp, dbPath } = this;
    try {
      const insMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [k, v] of Object.entries({ ...options.meta, built_at: new Date().toISOString() })) insMeta.run(k, v);
      db.exec(INDEXES + SEARCH_INDEXES);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      db.exec('COMMIT');
      validateIndex(db, { documents: this.documents, roles: this.roles, rolesDigest: this.rolesDigest.digest('hex') });
      options.validate?.(db);
      db.close();
      fsyncPath(tmp);
      renameSync(tmp, dbPath);
      fsyncPath(path.dirname(path.resolve(dbPath)));
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Drop the unfinished index; the old one is untouched. */
  abort(): void {
    if (this.db?.open) this.db.close();
    rmSync(this.tmp, { force: true });
  }
}

/** A whole index at once, through IndexWriter. */
export function writeIndex(dbPath: string, content: IndexContent, options: WriteOptions = {}): void {
  const w = new IndexWriter(dbPath);
  try {
    for (const d of content.documents) w.addDocument(d);
    content.roles.forEach((r, i) => w.addRole(r, content.search?.[i]));
  } catch (e) {
    w.abort();
    throw e;
  }
  w.finish(options);
}

/** A meta value of the index ('built_at' is always there), or null. */
export function readMeta(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Open an existing index read-only; refuses files that are not a rolebot index of this version. */
export function openIndex(dbPath: string): Database.Database {
  if (!existsSync(dbPath)) throw new Error(`no index at ${dbPath}: build it with npm run index -- --data <dir> --db ${dbPath}`);
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  let version: unknown;
  try {
    version = db.pragma('user_version', { simple: true });
  } catch (e) {
    db.close();
    throw new Error(`${dbPath} is not a rolebot index: ${(e as Error).message}`);
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`${dbPath} has index schema ${String(version)}, this rolebot needs ${SCHEMA_VERSION}: rebuild it with npm run index`);
  }
  return db;
}

/** True when dbPath holds an index this checkout can read (exists, is SQLite, current schema). */
export function isCurrentIndex(dbPath: string): boolean {
  try {
    openIndex(dbPath).close();
    return true;
  } catch {
    return false;
  }
}

export function loadRoles(db: Database.Database): Role[] {
  const rows = db.prepare('SELECT json FROM roles ORDER BY file, start_line, rowid').all() as { json: string }[];
  return rows.map((r) => RoleSchema.parse(JSON.parse(r.json)));
}

export function loadDocuments(db: Database.Database): DocumentRow[] {
  return db.prepare('SELECT file, sha256, size, status, reason, roles FROM documents ORDER BY file').all() as DocumentRow[];
}
