/**
 * The refresh report's insights section: one call for the report code. Empty when there is no question
 * log (never asked, or ROLEBOT_LOG=off), and never fails the report: a broken log becomes one line.
 */
import { loadFeedbackConfig } from '../log/config.js';
import { loadInsights } from './load.js';
import { insightsMarkdown } from './render.js';

/** Markdown lines to append to the report of a refresh of dbPath (the new index is read for closest roles). */
export function insightsReportSection(dbPath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  let log;
  try {
    log = loadFeedbackConfig(dbPath, env).log;
  } catch (e) {
    return ['', '## Questions people asked', '', `Not available: ${(e as Error).message}`];
  }
  if (!log) return [];
  try {
    return insightsMarkdown(loadInsights({ dbPath, logPath: log.path, retentionDays: log.days, days: log.days }), log.days);
  } catch (e) {
    if (/no question log/.test((e as Error).message)) return [];
    return ['', '## Questions people asked', '', `Not available: ${(e as Error).message.replace(/\s+/g, ' ')}`];
  }
}
