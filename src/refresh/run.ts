/**
 * One refresh: read every document (re-parsing only those whose bytes changed since the previous
 * index), compare with the previous index, and, unless checking, write the new index safely.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { ingestEach, type Ingested, type IngestJob } from '../ingest/pipeline.js';
import { listFiles, sha256 } from '../ingest/read.js';
import type { Role } from '../roles/schema.js';
import type { SearchRow } from '../search/indexer.js';
import { loadDocuments, readMeta, loadRoles, openIndex, writeIndex, type DocumentRow } from '../store/db.js';
import { acquireLock } from '../store/lock.js';
import { diffRoles, type RoleDiff } from './diff.js';
import { findWarnings, warningKey, type Warning } from './warnings.js';
import { checkGlossary, GLOSSARY_META, loadGlossary, type GlossaryCheck } from '../words/glossary.js';

export type DocumentOutcome = DocumentRow & {
  /** 'unchanged': same bytes as in the previous index, roles reused without parsing. */
  change: 'new' | 'changed' | 'unchanged';
  /** Roles taken from the previous index without parsing the document again. */
  reused: boolean;
  format: string | null;
  titles: string[];
};

export type Previous = {
  path: string;
  exists: boolean;
  builtAt: string | null;
  documents: number;
  roles: number;
  error: string | null;
  /** False when the extraction code changed since the previous index: nothing is reused then. */
  sameExtractor: boolean;
  /** Whether the previous index recorded its warnings (indexes written by a refresh do), so new ones can be told apart. */
  warningsRecorded: boolean;
};

/** A warning with its identity across runs and whether the previous index had it already. */
export type TrackedWarning = Warning & { key: string; isNew: boolean };

export type RefreshResult = {
  dataDir: string;
  dbPath: string;
  check: boolean;
  startedAt: string;
  durationMs: number;
  previous: Previous;
  documents: DocumentOutcome[];
  /** Documents that were in the previous index and are gone from the folder. */
  deletedDocuments: string[];
  roles: Role[];
  diff: RoleDiff;
  warnings: TrackedWarning[];
  /** Warnings the previous index had that are gone now (fixed, or their roles removed). */
  resolvedWarnings: number;
  /** The company glossary read with the documents: entries, and what in it matches nothing. */
  glossary?: GlossaryCheck;
  written: boolean;
  /** Why the index was not written ('--check' included); null when written. */
  notWritten: string | null;
  exitCode: 0 | 1 | 2;
};

export type RefreshOptions = {
  dataDir: string;
  dbPath: string;
  check?: boolean;
  /** Re-parse every document even when unchanged (after an extractor upgrade). */
  full?: boolean;
  onStart?: (total: number) => void;
  onDocument?: (d: DocumentOutcome, index: number, total: number) => void;
  /** The company glossary to check and store with the index; an invalid one stops the write. */
  glossaryPath?: string;
  /** Called just before the new index is written (progress output, tests). */
  onWrite?: () => void;
};

const FINGERPRINT_KEY = 'ingest_fingerprint';
/** Meta row holding the warning keys of an index's refresh (JSON array), for "new since the last run". */
const WARNINGS_KEY = 'warning_keys';
const HERE = fileURLToPath(import.meta.url);
const SRC = path.resolve(path.dirname(HERE), '..');
/** .ts under tsx, .js if ever compiled: hash whichever code is running. */
const EXT = path.extname(HERE);

/**
 * A hash of the code that turns documents into roles. Reusing an unchanged document's roles is only
 * right while that code is the same; after an upgrade every document is parsed again.
 */
export function ingestFingerprint(): string {
  const h = createHash('sha256');
  const files = [
    ...readdirSync(path.join(SRC, 'ingest')).filter((f) => f.endsWith(EXT)).map((f) => path.join('ingest', f)),
    `roles/schema${EXT}`,
    `text/normalize${EXT}`,
  ].sort();
  for (const f of files) h.update(f).update('\0').update(readFileSync(path.join(SRC, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

type Loaded = { previous: Previous; documents: Map<string, DocumentRow>; rolesByFile: Map<string, Role[]>; warningKeys: Set<string> };

/** The previous index, if any. An unreadable one is reported and everything is parsed afresh. */
function loadPrevious(dbPath: string, fingerprint: string): Loaded {
  const previous: Previous = { path: dbPath, exists: existsSync(dbPath), builtAt: null, documents: 0, roles: 0, error: null, sameExtractor: false, warningsRecorded: false };
  const documents = new Map<string, DocumentRow>();
  const rolesByFile = new Map<string, Role[]>();
  const warningKeys = new Set<string>();
  if (!previous.exists) return { previous, documents, rolesByFile, warningKeys };
  try {
    const db = openIndex(dbPath);
    try {
      for (const d of loadDocuments(db)) documents.set(d.file, d);
      const roles = loadRoles(db);
      for (const r of roles) {
        const list = rolesByFile.get(r.source.file);
        if (list) list.push(r);
        else rolesByFile.set(r.source.file, [r]);
      }
      previous.builtAt = readMeta(db, 'built_at');
      previous.sameExtractor = readMeta(db, FINGERPRINT_KEY) === fingerprint;
      previous.documents = documents.size;
      previous.roles = roles.length;
      const keys = readMeta(db, WARNINGS_KEY);
      if (keys !== null) {
        for (const k of JSON.parse(keys) as string[]) warningKeys.add(k);
        previous.warningsRecorded = true;
      }
    } finally {
      db.close();
    }
  } catch (e) {
    previous.error = (e as Error).message;
    documents.clear();
    rolesByFile.clear();
    warningKeys.clear();
  }
  return { previous, documents, rolesByFile, warningKeys };
}

type Outcome = { row: DocumentOutcome; roles: Role[]; search?: SearchRow[] };

async function ingestOne(file: string, absPath: string, prev: Loaded, full: boolean, ingest: (job: IngestJob) => Promise<Ingested>): Promise<Outcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absPath);
  } catch (e) {
    const row = { file, sha256: '', size: 0, status: 'skipped', reason: `unreadable: ${(e as Error).message}`, roles: 0 } as const;
    return { row: { ...row, change: prev.documents.has(file) ? 'changed' : 'new', reused: false, format: null, titles: [] }, roles: [] };
  }
  const hash = sha256(bytes);
  const old = prev.documents.get(file);
  const oldRoles = prev.rolesByFile.get(file) ?? [];
  if (!full && old && old.status === 'ok' && old.sha256 === hash && old.roles === oldRoles.length) {
    return { row: { ...old, change: 'unchanged', reused: true, format: null, titles: oldRoles.map((r) => r.title) }, roles: oldRoles };
  }
  const change = !old ? 'new' : old.sha256 === hash ? 'unchanged' : 'changed';
  const { row, roles, search, format } = await ingest({ file, bytes, sha256: hash });
  return { row: { ...row, change, reused: false, format, titles: roles.map((x) => x.title) }, roles, search };
}

export async function runRefresh(opts: RefreshOptions): Promise<RefreshResult> {
  if (opts.check) return refreshLocked(opts);
  mkdirSync(path.dirname(path.resolve(opts.dbPath)), { recursive: true });
  const lock = acquireLock(opts.dbPath);
  if (lock instanceof Error) throw lock;
  try {
    return await refreshLocked(opts);
  } finally {
    lock.release();
  }
}

async function refreshLocked(opts: RefreshOptions): Promise<RefreshResult> {
  const started = Date.now();
  const fingerprint = ingestFingerprint();
  const prev = loadPrevious(opts.dbPath, fingerprint);
  const full = (opts.full ?? false) || !prev.previous.sameExtractor;
  const files = await listFiles(opts.dataDir);
  opts.onStart?.(files.length);
  const documents: DocumentOutcome[] = [];
  const roles: Role[] = [];
  // search rows of the documents parsed now (reused roles get theirs when written)
  const search: (SearchRow | undefined)[] = [];
  const step = (src: (typeof files)[number], ingest: (job: IngestJob) => Promise<Ingested>) => ingestOne(src.file, src.absPath, prev, full, ingest);
  for await (const { row, roles: found, search: rows } of ingestEach(files, step)) {
    documents.push(row);
    roles.push(...found);
    search.push(...(rows ?? found.map(() => undefined)));
    opts.onDocument?.(row, documents.length - 1, files.length);
  }
  const present = new Set(files.map((f) => f.file));
  const previousRoles = [...prev.rolesByFile.values()].flat();
  const skipped = documents.some((d) => d.status === 'skipped');
  const warnings = findWarnings(roles).map((w): TrackedWarning => {
    const key = warningKey(w);
    return { ...w, key, isNew: !prev.warningKeys.has(key) };
  });
  const keys = new Set(warnings.map((w) => w.key));

  // failure: nothing written although a write was wanted (exit 2); a check is not a failure.
  let failure: string | null = null;
  let written = false;
  const glossary = opts.glossaryPath ? loadGlossary(opts.glossaryPath) : null;
  if (!documents.some((d) => d.status === 'ok')) failure = `no document in ${opts.dataDir} could be read`;
  else if (glossary instanceof Error) failure = `the glossary is invalid: ${glossary.message}`;
  else if (!opts.check) {
    try {
      opts.onWrite?.();
      writeIndex(opts.dbPath, { documents: documents.map(({ file, sha256, size, status, reason, roles: n }) => ({ file, sha256, size, status, reason, roles: n })), roles, search }, { meta: { [FINGERPRINT_KEY]: fingerprint, [WARNINGS_KEY]: JSON.stringify([...keys]), ...(glossary && !(glossary instanceof Error) ? { [GLOSSARY_META]: glossary.toJSON() } : {}) } });
      written = true;
    } catch (e) {
      failure = `the new index failed: ${(e as Error).message}`;
    }
  }
  return {
    dataDir: opts.dataDir,
    dbPath: opts.dbPath,
    check: opts.check ?? false,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    previous: prev.previous,
    documents,
    deletedDocuments: [...prev.documents.keys()].filter((f) => !present.has(f)),
    roles,
    diff: diffRoles(previousRoles, roles),
    warnings,
    resolvedWarnings: [...prev.warningKeys].filter((k) => !keys.has(k)).length,
    ...(glossary && opts.glossaryPath ? { glossary: checkGlossary(opts.glossaryPath, glossary, roles) } : {}),
    written,
    notWritten: failure ?? (written ? null : 'check only (--check)'),
    exitCode: failure ? 2 : skipped ? 1 : 0,
  };
}
