/** Search tables written alongside the role records, in the same transaction (owned by the search layer). */
import type Database from 'better-sqlite3';
import { mainPost } from '../roles/names.js';
import type { Role } from '../roles/schema.js';
import { bigramText, normalizeKey, pinyinForms } from '../text/normalize.js';

/**
 * - roles_fts: pre-tokenized bigram text (see bigramTokens); FTS5's ascii tokenizer then only splits on the spaces
 *   we put in (our tokens are already lower-case letters, digits and Han, so unicode61's Unicode tables add nothing
 *   but time).
 *   Contentless: searches read rowids and bm25 only (the words are in roles.json), so the text is not stored.
 *   roles_fts_vocab gives each bigram's document frequency (which question words are informative).
 * - title_keys: every name a role answers to (its title and aliases) as a normalized key with its pinyin and
 *   initials and per-character syllables (for homophones), so exact lookups are one index probe and the fuzzy matcher loads the DISTINCT names only.
 * - reports_keys: the normalized reportsTo of each role, to find a role's direct reports without a scan (by key
 *   and role, so a name thousands of roles report to, 总经理, is searched within one document's rowids).
 */
export const SEARCH_DDL = `
CREATE VIRTUAL TABLE roles_fts USING fts5(title, duties, content = '', tokenize = 'ascii');
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
CREATE TABLE reports_keys (key TEXT NOT NULL, role INTEGER NOT NULL);
`;

/** Indexes on the search tables, created once the rows are in: one sort each instead of a B-tree insert per row. */
export const SEARCH_INDEXES = `
CREATE INDEX title_keys_key ON title_keys(key, kind DESC, richness DESC);
CREATE INDEX title_keys_file ON title_keys(key, file, kind DESC, richness DESC);
CREATE INDEX title_keys_pinyin ON title_keys(pinyin);
CREATE INDEX title_keys_initials ON title_keys(initials);
CREATE INDEX reports_keys_key ON reports_keys(key, role);
`;

export function ftsText(parts: string[]): string {
  return parts.map(bigramText).filter(Boolean).join(' ');
}

export type NameKey = { key: string; pinyin: string; initials: string; syllables: string; kind: 'title' | 'alias' };

export type NameForms = Omit<NameKey, 'kind'>;

function nameForms(name: string): NameForms {
  const f = pinyinForms(name);
  return { key: f.key, pinyin: f.pinyin, initials: f.initials, syllables: f.syllables.join(' ') };
}

/** Words an English title's acronym skips (Director of Nursing → DN). */
const ACRONYM_SKIP = new Set(['of', 'and', 'the', 'for', 'in', 'to', 'at', '&']);

/**
 * The acronym people use for an English name of two or more words (Site Reliability Engineer → sre), or null.
 * Han text in the name leaves it without one: its initials are already a key (pinyin forms).
 */
export function acronymOf(name: string): string | null {
  if (/\p{Script=Han}/u.test(name)) return null;
  const words = name.toLowerCase().split(/[^a-z0-9&]+/).filter((w) => w && !ACRONYM_SKIP.has(w));
  if (words.length < 2 || words.length > 6 || !words.every((w) => /^[a-z]/.test(w))) return null;
  return words.map((w) => w[0]).join('');
}

/**
 * The names one role is found by, without duplicates (an alias equal to the title is stored once); an
 * English name's acronym counts as an alias.
 */
export function nameKeys(r: Pick<Role, 'title' | 'aliases'>, forms: (name: string) => NameForms = nameForms): NameKey[] {
  const out = new Map<string, NameKey>();
  const add = (name: string, kind: NameKey['kind']) => {
    const f = forms(name);
    if (f.key && !out.has(f.key)) out.set(f.key, { ...f, kind });
  };
  [r.title, ...r.aliases].forEach((name, i) => add(name, i === 0 ? 'title' : 'alias'));
  for (const name of [r.title, ...r.aliases]) {
    const a = acronymOf(name);
    if (a) add(a, 'alias');
  }
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

/** nameForms remembering each name's result: many roles share a title, so its pinyin forms are worked out once. */
export function cachedNameForms(): (name: string) => NameForms {
  const formsOf = new Map<string, NameForms>();
  return (name) => {
    let f = formsOf.get(name);
    if (!f) formsOf.set(name, (f = nameForms(name)));
    return f;
  };
}

/**
 * Everything one role adds to the search tables except its rowid. Plain data from pure functions, so
 * ingest workers can work it out while the writing thread only inserts.
 */
export type SearchRow = { title: string; duties: string; names: NameKey[]; fields: number; richness: number; reportsTo: string };

export function searchRow(r: Role, forms: (name: string) => NameForms = nameForms): SearchRow {
  return {
    title: ftsText([r.title, ...r.aliases]),
    duties: ftsText(r.duties),
    names: nameKeys(r, forms),
    fields: fieldBits(r),
    richness: richness(r),
    // the post a boss's name stands for (客服主管/副主管 → 客服主管), as its direct reports are looked up by
    reportsTo: r.reportsTo ? normalizeKey(mainPost(r.reportsTo)) : '',
  };
}

/** Called once per role with the rowid of its row in `roles`, its source file and its searchRow. */
export function searchRowWriter(db: Database.Database): (rowid: number | bigint, file: string, row: SearchRow) => void {
  const insFts = db.prepare('INSERT INTO roles_fts (rowid, title, duties) VALUES (?, ?, ?)');
  const insKey = db.prepare('INSERT INTO title_keys (key, pinyin, initials, syllables, kind, role, file, fields, richness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insReports = db.prepare('INSERT INTO reports_keys (key, role) VALUES (?, ?)');
  return (rowid, file, row) => {
    insFts.run(rowid, row.title, row.duties);
    for (const k of row.names) insKey.run(k.key, k.pinyin, k.initials, k.syllables, k.kind, rowid, file, row.fields, row.richness);
    if (row.reportsTo) insReports.run(row.reportsTo, rowid);
  };
}
