import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCurrentIndex, openIndex, SCHEMA_VERSION, writeIndex } from '../../src/store/db.js';

describe('index schema version', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolebot-version-'));

  it('accepts an index it wrote and refuses one from another schema with a rebuild hint', () => {
    const db = path.join(dir, 'roles.db');
    writeIndex(db, { documents: [{ file: 'a.txt', sha256: 'x', size: 1, status: 'ok', reason: null, roles: 0 }], roles: [] });
    expect(isCurrentIndex(db)).toBe(true);
    const w = new Database(db);
    w.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    w.close();
    expect(isCurrentIndex(db)).toBe(false);
    expect(() => openIndex(db)).toThrow(/rebuild/);
  });

  it('treats a missing or non-SQLite file as not an index', () => {
    expect(isCurrentIndex(path.join(dir, 'missing.db'))).toBe(false);
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just text '.repeat(200));
    expect(isCurrentIndex(junk)).toBe(false);
  });
});
