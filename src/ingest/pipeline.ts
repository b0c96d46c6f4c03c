/** documents → role records: read, clean, segment/extract, validate; and each role's search row. */
import { finalizeRoles, type Role, type RoleDraft } from '../roles/schema.js';
import { cachedNameForms, searchRow, type NameForms, type SearchRow } from '../search/indexer.js';
import type { DocumentRow } from '../store/db.js';
import type { Doc } from '../documents/model.js';
import { closeReaders } from '../documents/read.js';
import { detectRoles } from './blocks/detect.js';
import { cleanLines } from './clean.js';
import { cleanDuties } from './duties.js';
import { noRoleReason } from './unread.js';
import { extractRoles } from './extract.js';
import { IngestPool } from './pool.js';
import { documentFromBytes, listFiles, readDocument, type ReadResult, type SourceFile } from './read.js';

/** Documents read ahead of the one being parsed in-thread: enough to hide file I/O, few enough to bound memory. */
const READ_AHEAD = 8;
/** Documents in flight per worker: keeps each busy while the main thread takes results in order. */
const AHEAD_PER_WORKER = 8;
/**
 * From this many documents on, workers parse them. Starting one (tsx and the ingest code loaded again) takes
 * about half a second and 0.7 s of CPU: on 2 cores the pool broke even at a few hundred documents (573: 3.5 s
 * against 3.7 s in-thread).
 */
export const PARALLEL_MIN_DOCUMENTS = 400;

/**
 * One document → validated role records (ids assigned, schema-checked). Two readers read it: the line reader
 * (extract.ts: pages flattened to lines, where structure survives only as wording) and, when the document's
 * blocks are known, the block reader (blocks/: headings, lists, tables, forms, prose). The block reader has the
 * document's own structure to go on and is the more precise, so its reading is kept unless the line reader finds
 * clearly more posts (a flattened page, whose structure only the wording shows).
 */
export function ingestText(file: string, text: string, doc?: Doc | null): Role[] {
  const lines = extractRoles(cleanLines(text), file);
  const blocks = doc ? detectRoles(doc.blocks, file) : [];
  // posts counted once per title: a reader that reads one post twice (a heading and its form) finds no more
  const titles = (ds: RoleDraft[]) => new Set(ds.map((d) => d.title));
  const [byBlocks, byLines] = [titles(blocks), titles(lines)];
  // the line reader also finding every post the block reader found, and two or more besides: a flattened page
  const superset = byLines.size - byBlocks.size >= 2 && [...byBlocks].every((t) => byLines.has(t));
  const kept = blocks.length && byBlocks.size >= BLOCKS_KEPT_FROM * byLines.size && !superset ? blocks : lines;
  return finalizeRoles(kept.map((d) => ({ ...d, duties: cleanDuties(d.duties) })));
}

/** The block reading is kept while it finds at least this share of the posts the line reader finds. */
const BLOCKS_KEPT_FROM = 0.75;

/** One document ingested: its index row, its roles and each role's search row (same order), the format read. */
export type Ingested = { row: DocumentRow; roles: Role[]; search: SearchRow[]; format: string | null };

/**
 * One read document → its index row and roles. A document whose extraction fails is recorded as skipped
 * and contributes no roles at all (never half-indexed). forms: name forms for the search rows (a cache).
 */
export function ingestRead(r: ReadResult, forms?: (name: string) => NameForms): Ingested {
  const base = { file: r.file, sha256: r.sha256, size: r.size };
  if (r.status === 'skipped') return { row: { ...base, status: 'skipped', reason: r.reason, roles: 0 }, roles: [], search: [], format: null };
  try {
    const roles = ingestText(r.file, r.text, r.doc);
    const search = roles.map((role) => searchRow(role, forms));
    const reason = roles.length ? null : noRoleReason(r.text, r.doc);
    return { row: { ...base, status: 'ok', reason, roles: roles.length }, roles, search, format: r.format };
  } catch (e) {
    return { row: { ...base, status: 'skipped', reason: `extraction failed: ${(e as Error).message}`, roles: 0 }, roles: [], search: [], format: null };
  }
}

/** A document to ingest: a file to read, or bytes already read (refresh hashes them first). */
export type IngestJob = SourceFile | { file: string; bytes: Uint8Array; sha256: string };

/** The whole per-document step, the same in a worker and in-thread. */
export async function ingestDocument(job: IngestJob, forms?: (name: string) => NameForms): Promise<Ingested> {
  const r =
    'bytes' in job
      ? await documentFromBytes(job.file, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.sha256)
      : await readDocument(job);
  return ingestRead(r, forms);
}

/** Runs ingestDocument on many documents: in worker threads when there are enough of them, else in-thread. */
export type Ingester = { ingest(job: IngestJob): Promise<Ingested>; ahead: number; close(): Promise<void> };

/** documents: how many may be ingested (workers start only when the first job comes). */
export function createIngester(documents: number): Ingester {
  const forms = cachedNameForms();
  const inThread = (job: IngestJob) => ingestDocument(job, forms);
  const workers = IngestPool.defaultSize();
  // one core: a worker would only take turns with this thread
  if (documents < PARALLEL_MIN_DOCUMENTS || workers < 2) return { ingest: inThread, ahead: READ_AHEAD, close: async () => {} };
  const pool = new IngestPool(workers);
  let closed = false;
  return {
    // a worker that fails (it could not start, it crashed) leaves its documents to this thread: same step, same
    // result; once closed (done, or given up on an error) the jobs still in flight are dropped
    ingest: (job) =>
      pool.ingest(job).catch((e: Error) => {
        if (closed) throw e;
        return inThread(job);
      }),
    ahead: workers * AHEAD_PER_WORKER,
    close: () => {
      closed = true;
      return pool.close();
    },
  };
}

/** step over items with up to `ahead` running at once, results yielded in item order. */
export async function* inOrder<T, R>(items: readonly T[], ahead: number, step: (item: T) => Promise<R>): AsyncGenerator<R> {
  const running: (Promise<R> | undefined)[] = [];
  const start = (k: number) => {
    if (k >= items.length) return;
    const p = step(items[k]);
    p.catch(() => {}); // awaited (and rethrown) in turn below; this only keeps an early failure from counting as unhandled
    running[k] = p;
  };
  for (let k = 0; k < ahead; k++) start(k);
  for (let k = 0; k < items.length; k++) {
    const r = await running[k]!;
    running[k] = undefined;
    start(k + ahead);
    yield r;
  }
}

/**
 * step over items through one Ingester sized for them (step is given its ingest function), results in item
 * order; the ingester is closed when the loop ends, however it ends.
 */
export async function* ingestEach<T, R>(items: readonly T[], step: (item: T, ingest: Ingester['ingest']) => Promise<R>): AsyncGenerator<R> {
  const ingester = createIngester(items.length);
  try {
    yield* inOrder(items, ingester.ahead, (item) => step(item, ingester.ingest));
  } finally {
    await ingester.close();
    await closeReaders();
  }
}

export type FolderIngest = { documents: DocumentRow[]; roles: Role[] };

/**
 * Every document in dir, through ingestDocument, in file order. onDocument sees each as it is done, search
 * rows included (buildIndex writes them); the result keeps only the records.
 */
export async function ingestFolder(dir: string, onDocument?: (d: Ingested) => void): Promise<FolderIngest> {
  const documents: DocumentRow[] = [];
  const roles: Role[] = [];
  for await (const d of ingestEach(await listFiles(dir), (file, ingest) => ingest(file))) {
    documents.push(d.row);
    roles.push(...d.roles);
    onDocument?.(d);
  }
  return { documents, roles };
}
