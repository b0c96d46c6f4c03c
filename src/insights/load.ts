/** Insights from the files: the question log beside the index, and the index itself when it can be read. */
import { existsSync } from 'node:fs';
import { openAnswerer } from '../answer/engine.js';
import { QuestionLog } from '../log/question-log.js';
import { loadRoleSummaries } from '../store/summaries.js';
import { computeInsights, type Insights, type InsightsIndex } from './insights.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type InsightsSource = {
  dbPath: string;
  logPath: string;
  /** Retention (ROLEBOT_LOG_DAYS): opening the log enforces it. */
  retentionDays: number;
  /** Only questions from the last N days (default: everything kept). */
  days?: number;
  now?: number;
};

export type LoadedInsights = { insights: Insights; questions: number; votes: number; since: number; indexRead: boolean; indexError: string | null };

/** Throws when there is no log file (never logged, or ROLEBOT_LOG=off) so the caller can say so. */
export function loadInsights(src: InsightsSource): LoadedInsights {
  if (!existsSync(src.logPath)) throw new Error(`no question log at ${src.logPath} (nothing asked yet, or ROLEBOT_LOG=off)`);
  const now = src.now ?? Date.now();
  const since = src.days ? now - src.days * DAY_MS : 0;
  const log = new QuestionLog(src.logPath, { days: src.retentionDays, now: () => now, checkpointEveryMs: 0 });
  let rows, votes;
  try {
    rows = log.rows(since);
    votes = log.votes(since);
  } finally {
    log.close();
  }
  let index: InsightsIndex | null = null;
  let indexError: string | null = null;
  let answerer: ReturnType<typeof openAnswerer> | null = null;
  try {
    answerer = openAnswerer(src.dbPath);
    index = { roles: loadRoleSummaries(src.dbPath), answerer };
  } catch (e) {
    // still useful without the index: closest roles come from the log, and roles never asked are unknown
    indexError = (e as Error).message;
  }
  try {
    return { insights: computeInsights(rows, votes, index), questions: rows.length, votes: votes.length, since, indexRead: index !== null, indexError };
  } finally {
    answerer?.close();
  }
}
