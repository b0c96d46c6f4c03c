/**
 * The company glossary HR edits (data/glossary.yml by default): the names people use for a role, and the
 * words people use for the documents' words. Validated with zod when the index is built or refreshed and
 * stored in the index (meta 'glossary'), so it is reloaded with the index and a bad edit never reaches a
 * running app.
 *
 *   roles:                      # a role's title as the documents write it → other names for it
 *     安全主管: [保安队长, security supervisor]
 *   terms:                      # a word → words meaning the same here (both ways)
 *     保安: [门卫, security guard]
 *
 * A file with neither key is read as terms alone (保安: [门卫, security guard]).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Role } from '../roles/schema.js';
import { canonical, normalizeKey } from '../text/normalize.js';
import { englishKey, isEnglish } from './english.js';

const Term = z.string().trim().min(1, 'empty name').max(100, 'longer than 100 characters');
const Names = z.union([Term.transform((t) => [t]), z.array(Term).max(50, 'more than 50 names')]);
const Entries = z.record(Term, Names);
const Structured = z.object({ roles: Entries.default({}), terms: Entries.default({}) }).strict();
const Flat = Entries.transform((terms) => ({ roles: {}, terms }));
/** A file naming roles or terms at the top is the structured form (and held to it); otherwise all terms. */
export const GlossarySchema = z.unknown().transform((v, ctx): GlossaryData => {
  const structured = v !== null && typeof v === 'object' && !Array.isArray(v) && ('roles' in v || 'terms' in v);
  const r = (structured ? Structured : Flat).safeParse(v);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

/** The index meta key the validated glossary is stored under. */
export const GLOSSARY_META = 'glossary';

export type GlossaryData = z.infer<typeof Structured>;
export type GlossaryEntry = { kind: 'role' | 'term'; head: string; names: string[] };

/** How a glossary word is compared: English in key form with spaces, anything else as a title key. */
export function glossaryKey(s: string): string {
  return isEnglish(s) ? englishKey(canonical(s)) : normalizeKey(s);
}

export class Glossary {
  readonly entries: GlossaryEntry[];
  /** key → the other names of every entry holding it (display forms). */
  private readonly others = new Map<string, string[]>();

  private readonly termKeys: string[];

  constructor(readonly data: GlossaryData) {
    this.entries = [
      ...Object.entries(data.roles).map(([head, names]) => ({ kind: 'role' as const, head, names })),
      ...Object.entries(data.terms).map(([head, names]) => ({ kind: 'term' as const, head, names })),
    ];
    for (const e of this.entries) {
      const all = [e.head, ...e.names];
      for (const n of all) {
        const k = glossaryKey(n);
        if (!k) continue;
        const list = this.others.get(k) ?? this.others.set(k, []).get(k)!;
        // a role entry is one-way: other names lead to the title, the title need not lead to each name
        const targets = e.kind === 'role' ? (n === e.head ? [] : [e.head]) : all.filter((x) => x !== n);
        for (const t of targets) if (!list.includes(t)) list.push(t);
      }
    }
    const terms = this.entries.filter((e) => e.kind === 'term').flatMap((e) => [e.head, ...e.names].map(glossaryKey));
    this.termKeys = [...new Set(terms)].filter((k) => k && !k.includes(' ')).sort((a, b) => b.length - a.length);
  }

  /** The names a typed word stands for here (保安 → 门卫, security guard), nearest first. */
  alternatives(text: string): string[] {
    return this.others.get(glossaryKey(text)) ?? [];
  }

  /**
   * The terms' words, longest first: replaced inside a longer title or topic (保安主管 → 门卫主管). Role names
   * are not: they stand for a whole title.
   */
  words(): string[] {
    return this.termKeys;
  }

  get size(): number {
    return this.entries.length;
  }

  toJSON(): string {
    return JSON.stringify(this.data);
  }

  static empty(): Glossary {
    return new Glossary({ roles: {}, terms: {} });
  }

  /** From the JSON stored in an index (written by toJSON); an absent or unreadable value is no glossary. */
  static fromStored(json: string | null): Glossary {
    if (!json) return Glossary.empty();
    const parsed = GlossarySchema.safeParse(JSON.parse(json));
    return parsed.success ? new Glossary(parsed.data) : Glossary.empty();
  }
}

/** Read and validate a glossary file; a missing file is an empty glossary, a bad one an Error naming the problem. */
export function loadGlossary(file: string): Glossary | Error {
  if (!existsSync(file)) return Glossary.empty();
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return new Error(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (raw === null || raw === undefined) return Glossary.empty();
  const parsed = GlossarySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new Error(`${file}: ${issue.path.length ? issue.path.join(' › ') + ': ' : ''}${issue.message}`);
  }
  return new Glossary(parsed.data);
}

export type GlossaryIssue =
  | { kind: 'unknownRole'; head: string }
  | { kind: 'noMatch'; head: string };

export type GlossaryCheck = { file: string; entries: number; error: string | null; issues: GlossaryIssue[] };

/**
 * What HR should fix: role entries naming no role (title or alias) of the index, and term entries none of
 * whose words occurs in any title, alias or duty (they can never change an answer).
 */
export function checkGlossary(file: string, glossary: Glossary | Error, roles: Role[]): GlossaryCheck {
  if (glossary instanceof Error) return { file, entries: 0, error: glossary.message, issues: [] };
  const names = new Set(roles.flatMap((r) => [r.title, ...r.aliases].map(normalizeKey)));
  let text: string | null = null;
  const corpus = () => (text ??= roles.map((r) => canonical([r.title, ...r.aliases, ...r.duties].join('\n'))).join('\n'));
  const issues: GlossaryIssue[] = [];
  for (const e of glossary.entries) {
    if (e.kind === 'role') {
      if (!names.has(normalizeKey(e.head))) issues.push({ kind: 'unknownRole', head: e.head });
    } else if (![e.head, ...e.names].some((n) => corpus().includes(canonical(n).trim()))) {
      issues.push({ kind: 'noMatch', head: e.head });
    }
  }
  return { file, entries: glossary.size, error: null, issues };
}

/** The check as lines for the refresh report (markdown list items); nothing when all is well. */
export function glossaryReportItems(c: GlossaryCheck | undefined): string[] {
  if (!c) return [];
  if (c.error) return [`The glossary is invalid: ${c.error}`];
  return c.issues.map((i) =>
    i.kind === 'unknownRole'
      ? `Glossary (${c.file}): role “${i.head}” is no role title or alias in any document`
      : `Glossary (${c.file}): entry “${i.head}” matches no title or duty in any document`,
  );
}
