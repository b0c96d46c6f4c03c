/** Search tables written alongside the role records, in the same transaction (owned by the search layer). */
import type Database from 'better-sqlite3';
import type { Role } from '../roles/schema.js';
import { bigramTokens, initialsKey, normalizeKey, pinyinKey, syllablesOf } from '../text/normalize.js';

/**
 * - roles_fts: pre-tokenized bigram text (see bigramTokens); unicode61 then splits on the spaces we put in.
 *   roles_fts_vocab gives each bigram's document frequency (which question words are informative).
 * - title_keys: every name a role answers to (its title and aliases) as a normalized key with its pinyin and
 *   initials and per-character syllables (for homophones), so exact lookups are one index probe and the fuzzy matcher loads the DISTINCT names only.
 * - reports_keys: the normalized reportsTo of each role, to find a role's direct reports without a scan.
 */
export const SEARCH_DDL = `
CREATE VIRTUAL TABLE roles_fts USING fts5(title, duties, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE roles_fts_vocab USING fts5vocab(roles_fts, 'row');
CREATE TABLE title_keys (
  key TEXT NOT NULL,
  pinyin TEXT NOT NULL,
  initials TEXT NOT NULL,
  syllables TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('title','alias')),
  role INTEGER NOT NULL,
  file TEXT NOT NULL,
  -- which fields the role states (FIELD_BITS) and how much it says, so a name shared by many roles
  -- returns the best few without parsing every record
  fields INTEGER NOT NULL,
  richness INTEGER NOT NULL
);
CREATE INDEX title_keys_key ON title_keys(key, kind DESC, richness DESC);
CREATE INDEX title_keys_file ON title_keys(key, file, kind DESC, richness DESC);
CREATE INDEX title_keys_pinyin ON title_keys(pinyin);
CREATE INDEX title_keys_initials ON title_keys(initials);
CREATE TABLE reports_keys (key TEXT NOT NULL, role INTEGER NOT NULL);
CREATE INDEX reports_keys_key ON reports_keys(key);
`;

export function ftsText(parts: string[]): string {
  return parts.flatMap(bigramTokens).join(' ');
}

export type NameKey = { key: string; pinyin: string; initials: string; syllables: string; kind: 'title' | 'alias' };

type NameForms = Omit<NameKey, 'kind'>;

function nameForms(name: string): NameForms {
  const key = normalizeKey(name);
  return { key, pinyin: pinyinKey(name), initials: initialsKey(name), syllables: syllablesOf(key).join(' ') };
}

/** The names one role is found by, without duplicates (an alias equal to the title is stored once). */
export function nameKeys(r: Pick<Role, 'title' | 'aliases'>, forms: (name: string) => NameForms = nameForms): NameKey[] {
  const out = new Map<string, NameKey>();
  [r.title, ...r.aliases].forEach((name, i) => {
    const f = forms(name);
    if (f.key && !out.has(f.key)) out.set(f.key, { ...f, kind: i === 0 ? 'title' : 'alias' });
  });
  return [...out.values()];
}

/** Bit per field a role states: a field question prefers roles that answer it. */
export const FIELD_BITS = { reportsTo: 1, department: 2, directReports: 4, duties: 8, requirements: 16 } as const;

export function fieldBits(r: Role): number {
  let bits = 0;
  for (const [f, bit] of Object.entries(FIELD_BITS)) {
    const v = r[f as keyof typeof FIELD_BITS];
    if (Array.isArray(v) ? v.length : v) bits |= bit;
  }
  return bits;
}

export function richness(r: Role): number {
  return r.duties.length + r.requirements.length + (r.department ? 1 : 0) + (r.reportsTo ? 1 : 0);
}

/** Called once per role with the rowid of its row in `roles`. */
export function searchRowWriter(db: Database.Database): (rowid: number | bigint, role: Role) => void {
  const insFts = db.prepare('INSERT INTO roles_fts (rowid, title, duties) VALUES (?, ?, ?)');
  const insKey = db.prepare('INSERT INTO title_keys (key, pinyin, initials, syllables, kind, role, file, fields, richness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insReports = db.prepare('INSERT INTO reports_keys (key, role) VALUES (?, ?)');
  // many roles share a title: its pinyin forms are worked out once per build
  const formsOf = new Map<string, NameForms>();
  const cachedForms = (name: string): NameForms => {
    let f = formsOf.get(name);
    if (!f) formsOf.set(name, (f = nameForms(name)));
    return f;
  };
  return (rowid, r) => {
    insFts.run(rowid, ftsText([r.title, ...r.aliases]), ftsText(r.duties));
    const bits = fieldBits(r);
    const rich = richness(r);
    for (const k of nameKeys(r, cachedForms)) insKey.run(k.key, k.pinyin, k.initials, k.syllables, k.kind, rowid, r.source.file, bits, rich);
    const boss = r.reportsTo ? normalizeKey(r.reportsTo) : '';
    if (boss) insReports.run(boss, rowid);
  };
}
