/**
 * The question log: what was asked, on which surface, what was answered, and the feedback on it. A SQLite
 * file of its own beside the index (a refresh replaces the index file, never this one). Privacy by design:
 * no user names; a Slack user id is kept only as a salted hash, to allow one vote per user per answer; rows
 * older than the retention limit are deleted at open and daily.
 *
 * Logging must never slow or break an answer: record() only queues the row in memory; a timer writes the
 * queue in one transaction off the answer path, and any failure is reported (rate-limited) and dropped.
 */
import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Answer, Intent } from '../answer/types.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { answerSummary, type Outcome, type Surface } from './summary.js';

export type { Outcome, Surface } from './summary.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Queued rows beyond this are dropped (the log is locked or broken for long): memory stays bounded. */
const MAX_PENDING = 10_000;
const ERROR_LOG_INTERVAL_MS = 60_000;
/** An answer key: made here, carried in button values, so checked when it comes back. */
export const ANSWER_KEY = /^[A-Za-z0-9_-]{8,32}$/;

const DDL = `
CREATE TABLE IF NOT EXISTS questions (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  surface TEXT NOT NULL,
  question TEXT NOT NULL,
  intent TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('found','weak','none')),
  results TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_at ON questions(at);
CREATE TABLE IF NOT EXISTS votes (
  answer TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  user_hash TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up','down')),
  comment TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (answer, user_hash)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export type Vote = 'up' | 'down';
export type VoteResult = 'recorded' | 'duplicate' | 'unknown';

export type LogRow = {
  id: string;
  at: number;
  surface: Surface;
  question: string;
  intent: Intent;
  outcome: Outcome;
  results: Array<{ id: string; title: string; score: number }>;
};

export type VoteRow = { answer: string; vote: Vote; comment: string | null; at: number };

export type QuestionLogOptions = {
  /** Days a row is kept (ROLEBOT_LOG_DAYS). */
  days: number;
  /** How often queued rows are written, ms. */
  flushMs?: number;
  /** How often old rows are deleted, ms (daily). */
  purgeEveryMs?: number;
  /** How often the worker thread checkpoints the WAL into the database, ms; 0: no worker (short-lived readers). */
  checkpointEveryMs?: number;
  now?: () => number;
  onError?: (e: Error) => void;
};

/** The log as the app uses it; NO_LOG when ROLEBOT_LOG=off or the file cannot be opened. */
export interface AnswerLog {
  readonly enabled: boolean;
  /** Queue a row for an answer; returns its key (for feedback buttons), or null when not logging. */
  record(surface: Surface, answer: Answer): string | null;
  vote(key: string, user: string, vote: Vote): VoteResult;
  /** Attach the optional "what were you looking for?" text to a user's vote. */
  comment(key: string, user: string, text: string): void;
  /** A user's vote on an answer, if any. */
  voteOf(key: string, user: string): { vote: Vote; comment: string | null } | null;
  /** Rows asked since a time (ms), oldest first, and the votes on them (insights). */
  rows(since?: number): LogRow[];
  votes(since?: number): VoteRow[];
  close(): void;
}

export const NO_LOG: AnswerLog = {
  enabled: false,
  record: () => null,
  vote: () => 'unknown',
  comment: () => {},
  voteOf: () => null,
  rows: () => [],
  votes: () => [],
  close: () => {},
};

export class QuestionLog implements AnswerLog {
  readonly enabled = true;
  private readonly db: Database.Database;
  private readonly salt: string;
  private readonly now: () => number;
  private readonly days: number;
  private pending: LogRow[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly purgeTimer: NodeJS.Timeout;
  private readonly checkpointer: Checkpointer | null;
  private readonly flushMs: number;
  private lastError = 0;
  private readonly insert: Database.Statement;
  private readonly writeAll: (rows: LogRow[]) => void;

  constructor(
    file: string,
    private readonly opts: QuestionLogOptions,
  ) {
    let db: Database.Database;
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file);
    } catch (e) {
      throw new Error(`question log ${file} could not be opened: ${(e as Error).message}`);
    }
    this.db = db;
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      // another process (console, a second app) may hold the lock for a moment; never wait long on the event loop
      this.db.pragma('busy_timeout = 50');
      // checkpoints (and their disk syncs) happen in a worker thread, never inside the app's commits
      this.db.pragma('wal_autocheckpoint = 0');
      this.db.exec(DDL);
      this.salt = this.readOrMakeSalt();
    } catch (e) {
      this.db.close();
      throw new Error(`question log ${file} could not be opened: ${(e as Error).message}`);
    }
    this.now = opts.now ?? Date.now;
    this.days = opts.days;
    this.flushMs = opts.flushMs ?? 250;
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO questions (id, at, surface, question, intent, outcome, results) VALUES (@id, @at, @surface, @question, @intent, @outcome, @results)',
    );
    this.writeAll = this.db.transaction((rows: LogRow[]) => {
      for (const r of rows) this.insert.run({ ...r, results: JSON.stringify(r.results) });
    });
    this.purge();
    this.purgeTimer = setInterval(() => this.safely(() => this.purge()), opts.purgeEveryMs ?? DAY_MS);
    this.purgeTimer.unref();
    const every = opts.checkpointEveryMs ?? 10_000;
    this.checkpointer = every > 0 ? startCheckpointer(file, every, (e) => this.report(e)) : null;
  }

  /** The salt for user hashes is made once per log file, at random, and never leaves it. */
  private readOrMakeSalt(): string {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string } | undefined;
    if (row) return row.value;
    const salt = randomBytes(32).toString('hex');
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('salt', ?)").run(salt);
    return salt;
  }

  /** A user's id as stored: salted hash, not reversible without the salt, stable within this log. */
  userHash(user: string): string {
    return createHmac('sha256', this.salt).update(user).digest('base64url').slice(0, 22);
  }

  record(surface: Surface, answer: Answer): string | null {
    if (answer.kind === 'help') return null;
    const id = randomBytes(9).toString('base64url');
    if (this.pending.length >= MAX_PENDING) this.pending.shift();
    this.pending.push({ id, at: this.now(), surface, ...answerSummary(answer) });
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        this.safely(() => this.flush());
      }, this.flushMs);
      this.flushTimer.unref();
    }
    return id;
  }

  /** Write the queued rows now; kept queued when the file is busy, so the next flush tries again. */
  flush(): void {
    if (!this.pending.length) return;
    const rows = this.pending;
    this.pending = [];
    try {
      this.writeAll(rows);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') this.pending = [...rows, ...this.pending].slice(-MAX_PENDING);
      throw e;
    }
  }

  vote(key: string, user: string, vote: Vote): VoteResult {
    return (
      this.safely(() => {
        this.flush();
        if (!this.db.prepare('SELECT 1 FROM questions WHERE id = ?').get(key)) return 'unknown' as const;
        const r = this.db
          .prepare('INSERT OR IGNORE INTO votes (answer, user_hash, vote, at) VALUES (?, ?, ?, ?)')
          .run(key, this.userHash(user), vote, this.now());
        return r.changes ? ('recorded' as const) : ('duplicate' as const);
      }) ?? 'unknown'
    );
  }

  comment(key: string, user: string, text: string): void {
    const t = text.trim();
    if (!t) return;
    this.safely(() => this.db.prepare('UPDATE votes SET comment = ? WHERE answer = ? AND user_hash = ?').run(t.slice(0, 2000), key, this.userHash(user)));
  }

  voteOf(key: string, user: string): { vote: Vote; comment: string | null } | null {
    const row = this.safely(
      () => this.db.prepare('SELECT vote, comment FROM votes WHERE answer = ? AND user_hash = ?').get(key, this.userHash(user)) as { vote: Vote; comment: string | null } | undefined,
    );
    return row ?? null;
  }

  /** Delete rows (and their votes) older than the retention limit; returns how many questions went. */
  purge(): number {
    const cutoff = this.now() - this.days * DAY_MS;
    return this.db.prepare('DELETE FROM questions WHERE at < ?').run(cutoff).changes;
  }

  /** Rows since a time, oldest first (insights). */
  rows(since = 0): LogRow[] {
    this.safely(() => this.flush());
    const rows = this.db.prepare('SELECT id, at, surface, question, intent, outcome, results FROM questions WHERE at >= ? ORDER BY at').all(since) as Array<
      Omit<LogRow, 'results'> & { results: string }
    >;
    return rows.map((r) => ({ ...r, results: JSON.parse(r.results) }));
  }

  votes(since = 0): VoteRow[] {
    return this.db.prepare('SELECT v.answer, v.vote, v.comment, v.at FROM votes v JOIN questions q ON q.id = v.answer WHERE q.at >= ? ORDER BY v.at').all(since) as VoteRow[];
  }

  /** Write what is queued and close; the last connection to close checkpoints the WAL away. */
  close(): void {
    clearInterval(this.purgeTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.safely(() => this.flush());
    void this.checkpointer?.stop();
    this.db.close();
  }

  private report(e: Error): void {
    const t = Date.now();
    if (t - this.lastError >= ERROR_LOG_INTERVAL_MS) {
      this.lastError = t;
      this.opts.onError?.(e);
    }
  }

  private safely<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.report(e as Error);
      return undefined;
    }
  }
}

/** The log the settings ask for: off, or the file, or (when it cannot be opened) off with the reason reported. */
export function openAnswerLog(config: { path: string; days: number } | null, opts: Omit<QuestionLogOptions, 'days'> = {}): AnswerLog {
  if (!config) return NO_LOG;
  try {
    return new QuestionLog(config.path, { ...opts, days: config.days });
  } catch (e) {
    opts.onError?.(e as Error);
    return NO_LOG;
  }
}
