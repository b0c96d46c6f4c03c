/** Search tables written alongside the role records, in the same transaction (owned by the search layer). */
import type Database from 'better-sqlite3';
import type { Role } from '../roles/schema.js';
import { bigramTokens } from '../text/normalize.js';

export const SEARCH_DDL = `
-- Pre-tokenized bigram text (see bigramTokens): unicode61 then splits on the spaces we put in.
CREATE VIRTUAL TABLE roles_fts USING fts5(title, duties, tokenize = 'unicode61 remove_diacritics 0');
`;

export function ftsText(parts: string[]): string {
  return parts.flatMap(bigramTokens).join(' ');
}

/** Called once per role with the rowid of its row in `roles`. */
export function searchRowWriter(db: Database.Database): (rowid: number | bigint, role: Role) => void {
  const ins = db.prepare('INSERT INTO roles_fts (rowid, title, duties) VALUES (?, ?, ?)');
  return (rowid, r) => {
    ins.run(rowid, ftsText([r.title, ...r.aliases]), ftsText(r.duties));
  };
}
