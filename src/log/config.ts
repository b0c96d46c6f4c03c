/**
 * The question log's and the feedback features' settings, from the environment (zod, one message per
 * bad variable, as src/config.ts does for the Slack variables).
 */
import path from 'node:path';
import { z } from 'zod';

const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);
/** Comma- or space-separated Slack ids, each checked against its pattern. */
const idList = (pattern: RegExp, what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v === undefined ? [] : v),
    z.array(z.string().regex(pattern, `each entry must be a ${what}`)),
  );

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

const FeedbackEnv = z.object({
  ROLEBOT_LOG: z.preprocess(blankIsUnset, z.enum(['on', 'off'], { message: 'must be on or off' }).default('on')),
  ROLEBOT_LOG_DAYS: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a number' }).int('must be a whole number of days').min(1).max(3650).default(180)),
  ROLEBOT_LOG_DB: z.preprocess(blankIsUnset, z.string().min(1).optional()),
  ROLEBOT_HR_CHANNEL: z.preprocess(blankIsUnset, z.string().regex(CHANNEL_ID, 'must be a channel id (C… or G…), see the channel details').optional()),
  ROLEBOT_ADMINS: z.preprocess(blankIsUnset, idList(USER_ID, 'Slack user id (U…)')),
  ROLEBOT_CHANNELS: z.preprocess(blankIsUnset, idList(CHANNEL_ID, 'channel id (C… or G…)')),
});

export type FeedbackConfig = {
  /** null: ROLEBOT_LOG=off. */
  log: { path: string; days: number } | null;
  hrChannel: string | null;
  admins: string[];
  /** Channels where @mentions are answered; null: everywhere. */
  channels: string[] | null;
};

/** The question log lives beside the index, in a file of its own, so a refresh (which replaces the index) never touches it. */
export function defaultLogPath(dbPath: string): string {
  const ext = path.extname(dbPath);
  return path.join(path.dirname(dbPath), `${path.basename(dbPath, ext)}.questions.db`);
}

export function loadFeedbackConfig(dbPath: string, env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
  const parsed = FeedbackEnv.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const e = parsed.data;
  return {
    log: e.ROLEBOT_LOG === 'off' ? null : { path: e.ROLEBOT_LOG_DB ?? defaultLogPath(dbPath), days: e.ROLEBOT_LOG_DAYS },
    hrChannel: e.ROLEBOT_HR_CHANNEL ?? null,
    admins: e.ROLEBOT_ADMINS,
    channels: e.ROLEBOT_CHANNELS.length ? e.ROLEBOT_CHANNELS : null,
  };
}
