/**
 * The SQLite index: source documents, role records (stored as their validated JSON) and the FTS5
 * table the search layer reads. An index is always written whole into a temporary file and renamed
 * over the old one, so readers never see a half-built index.
 */
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { RoleSchema, type Role } from '../roles/schema.js';
import { SEARCH_DDL, searchRowWriter } from '../search/indexer.js';

export const SCHEMA_VERSION = 1;

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

/** Build the whole index in a temp file beside dbPath, check it, then rename it into place. */
export function writeIndex(dbPath: string, content: IndexContent): void {
  mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
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
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('built_at', new Date().toISOString());
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`index self-check failed: ${String(check)}`);
    const n = (db.prepare('SELECT count(*) AS n FROM roles').get() as { n: number }).n;
    if (n !== content.roles.length) throw new Error(`index holds ${n} roles, expected ${content.roles.length}`);
    db.close();
    renameSync(tmp, dbPath);
  } catch (e) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
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

export function loadRoles(db: Database.Database): Role[] {
  const rows = db.prepare('SELECT json FROM roles ORDER BY file, start_line, rowid').all() as { json: string }[];
  return rows.map((r) => RoleSchema.parse(JSON.parse(r.json)));
}

export function loadDocuments(db: Database.Database): DocumentRow[] {
  return db.prepare('SELECT file, sha256, size, status, reason, roles FROM documents ORDER BY file').all() as DocumentRow[];
}
