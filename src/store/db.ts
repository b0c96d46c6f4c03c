/**
 * The SQLite index: source documents, role records (stored as their validated JSON) and the FTS5
 * table the search layer reads. An index is always written whole into a temporary file and renamed
 * over the old one, so readers never see a half-built index.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { RoleSchema, type Role } from '../roles/schema.js';
import { processAlive } from './lock.js';
import { SEARCH_DDL, searchRowWriter } from '../search/indexer.js';

/** Bump whenever the tables change (roles or search), so an index from an older checkout is rebuilt, not misread. */
export const SCHEMA_VERSION = 2;

export type DocumentRow = {
  file: string;
  sha256: string;
  size: number;
  status: 'ok' | 'skipped';
  reason: string | null;
  roles: number;
};

export type IndexContent = { documents: DocumentRow[]; roles: Role[] };

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
CREATE INDEX roles_file ON roles(file, start_line);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

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

/** The consistency every index must have before it may serve: storage, counts and records that parse. */
function validateIndex(db: Database.Database, content: IndexContent): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`index self-check failed: ${String(check)}`);
  const n = (db.prepare('SELECT count(*) AS n FROM roles').get() as { n: number }).n;
  if (n !== content.roles.length) throw new Error(`index holds ${n} roles, expected ${content.roles.length}`);
  const docs = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  if (docs !== content.documents.length) throw new Error(`index holds ${docs} documents, expected ${content.documents.length}`);
  const mismatch = db
    .prepare('SELECT d.file, d.roles, count(r.rowid) AS n FROM documents d LEFT JOIN roles r ON r.file = d.file GROUP BY d.file HAVING n != d.roles LIMIT 1')
    .get() as { file: string; roles: number; n: number } | undefined;
  if (mismatch) throw new Error(`${mismatch.file}: index holds ${mismatch.n} roles, its document row says ${mismatch.roles}`);
  loadRoles(db);
}

/**
 * Build the whole index in a temp file beside dbPath, validate it, then rename it into place. Until the
 * rename the old index is never touched, so a crash, a kill or a failed check leaves it serving.
 */
export function writeIndex(dbPath: string, content: IndexContent, options: WriteOptions = {}): void {
  mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  removeStaleTemps(dbPath);
  const tmp = `${dbPath}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.exec(DDL + SEARCH_DDL);
    const insDoc = db.prepare('INSERT INTO documents (file, sha256, size, status, reason, roles) VALUES (?, ?, ?, ?, ?, ?)');
    const insRole = db.prepare('INSERT INTO roles (id, file, start_line, title, json) VALUES (?, ?, ?, ?, ?)');
    const writeSearchRow = searchRowWriter(db);
    db.transaction(() => {
      for (const d of content.documents) insDoc.run(d.file, d.sha256, d.size, d.status, d.reason, d.roles);
      for (const r of content.roles) {
        const row = insRole.run(r.id, r.source.file, r.source.startLine, r.title, JSON.stringify(r));
        writeSearchRow(row.lastInsertRowid, r);
      }
      const insMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [k, v] of Object.entries({ ...options.meta, built_at: new Date().toISOString() })) insMeta.run(k, v);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    validateIndex(db, content);
    options.validate?.(db);
    db.close();
    fsyncPath(tmp);
    renameSync(tmp, dbPath);
    fsyncPath(path.dirname(path.resolve(dbPath)));
  } catch (e) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw e;
  }
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
