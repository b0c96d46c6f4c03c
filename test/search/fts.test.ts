import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/search/fts.js';
import { SEARCH_DDL } from '../../src/search/indexer.js';

describe('Vocabulary', () => {
  it('finds every indexed term with its document count, also where UTF-8 and JS string order differ', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE roles (rowid INTEGER PRIMARY KEY); ${SEARCH_DDL}`);
    // 𠮷 (U+20BB7, a surrogate pair in JS) sorts after ｚ (U+FF5A) in SQLite, before it with JS's <
    const docs = ['𠮷野 丈夫 ｚ', '丈夫 ｚｚ', '丈夫 kpi 2024', '𠮷 ｚ'];
    docs.forEach((text, i) => {
      db.prepare('INSERT INTO roles (rowid) VALUES (?)').run(i + 1);
      db.prepare('INSERT INTO roles_fts (rowid, title, duties) VALUES (?, ?, ?)').run(i + 1, '', text);
    });
    const vocab = new Vocabulary(db);
    const rows = db.prepare('SELECT term, doc FROM roles_fts_vocab').all() as { term: string; doc: number }[];
    expect(rows.map((r) => r.term)).toEqual(['2024', 'kpi', '丈夫', 'ｚ', 'ｚｚ', '𠮷', '𠮷野']);
    for (const { term, doc } of rows) expect(vocab.docs(term)).toBe(doc);
    expect(vocab.docs('丈夫')).toBe(3);
    for (const missing of ['', '丈', '𠮷野x', 'ｚｚｚ', 'zz', '\u{10FFFF}']) expect(vocab.docs(missing)).toBe(0);
    expect(vocab.roles).toBe(4);
  });

  it('reads an empty index', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE roles (rowid INTEGER PRIMARY KEY); ${SEARCH_DDL}`);
    const vocab = new Vocabulary(db);
    expect(vocab.docs('丈夫')).toBe(0);
    expect(vocab.informative(['丈夫'])).toEqual([]);
  });
});
