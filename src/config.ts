/** Where the documents and the index live; environment parsed with zod so a bad value fails at start. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project root, so defaults work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled sample documents: kept apart from data/docs, which holds only the company's own files. */
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples', 'docs');
export const EXAMPLES_GLOSSARY = path.join(PROJECT_ROOT, 'examples', 'glossary.yml');

/** Whether a documents folder holds any file yet (absent, empty, or only hidden files: no). */
export function hasDocuments(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile() && !e.name.startsWith('.'));
  } catch {
    return false;
  }
}

const PathsEnv = z.object({
  ROLEBOT_DATA: z.string().min(1).default(path.join(PROJECT_ROOT, 'data', 'docs')),
  ROLEBOT_DB: z.string().min(1).default(path.join(PROJECT_ROOT, 'data', 'rolebot.db')),
});

export type Paths = { dataDir: string; dbPath: string };

/** Where `npm start` writes its pid: ROLEBOT_PID, else rolebot.pid beside the index. */
export function pidFilePath(paths: Paths, env: NodeJS.ProcessEnv = process.env): string {
  const parsed = z.object({ ROLEBOT_PID: z.string().min(1).optional() }).parse({ ROLEBOT_PID: env.ROLEBOT_PID || undefined });
  return parsed.ROLEBOT_PID ?? path.join(path.dirname(paths.dbPath), 'rolebot.pid');
}

export function loadPaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const parsed = PathsEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return { dataDir: parsed.data.ROLEBOT_DATA, dbPath: parsed.data.ROLEBOT_DB };
}

/** What a signing secret looks like, for messages about a wrong one. */
export const SIGNING_SECRET_LOOKS = 'Basic Information → App Credentials → Signing Secret: 32 hexadecimal characters such as 8f14e45fceea167a5a36dedd4bea2543';

/**
 * The company glossary HR edits (ROLEBOT_GLOSSARY, default data/glossary.yml); a missing file is no glossary.
 * The bundled samples come with their own (examples/glossary.yml): indexing them uses it, as documents and
 * glossary belong together.
 */
export function loadGlossaryPath(env: NodeJS.ProcessEnv = process.env, docs?: string): string {
  if (env.ROLEBOT_GLOSSARY) return env.ROLEBOT_GLOSSARY;
  const samples = docs !== undefined && path.resolve(docs) === EXAMPLES_DIR;
  return samples ? EXAMPLES_GLOSSARY : path.join(PROJECT_ROOT, 'data', 'glossary.yml');
}

/** Treat `VAR=` (left blank in a copied .env) the same as unset. */
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

const SlackEnv = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[\w-]+$/, 'must be a bot token (xoxb-…)')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[\w-]+$/, 'must be an app-level token (xapp-…)')),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .regex(/^(?!xox[a-z]-|xapp-)[\w-]{8,}$/, `must be the app's Signing Secret (${SIGNING_SECRET_LOOKS}), not a token (xoxb-…, xapp-…)`),
  ),
  PORT: optional(z.coerce.number({ message: 'must be a number' }).int('must be an integer').min(1).max(65535)),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL, e.g. https://slack.com/api/' })
      // The Web API client appends method names directly, so the base must end with a slash.
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  ),
});

export type SlackConfig =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl?: string }
  | { mode: 'console' };

const ReportEnv = z.object({
  ROLEBOT_REPORT_URL: optional(z.url({ protocol: /^https?$/, message: 'must be the http(s) URL where the HR report page (<db>.report.html) is served' })),
});

/** Where HR can open the refresh report page, when the admin serves it somewhere (optional). */
export function loadReportUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const parsed = ReportEnv.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data.ROLEBOT_REPORT_URL;
}

export type AppConfig = { paths: Paths; slack: SlackConfig; reportUrl?: string };

export const DEFAULT_PORT = 3000;

/**
 * Which surface to run, from the environment: Socket Mode with bot + app tokens, HTTP with bot token +
 * signing secret, the console with no Slack variables at all. Anything in between is a mistake the
 * admin should hear about at start, by variable name, rather than a bot that silently never answers.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig {
  const parsed = SlackEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret, PORT: port, SLACK_API_URL: apiUrl } =
    parsed.data;
  const api = apiUrl === undefined ? {} : { apiUrl };
  if (botToken === undefined) {
    const stray = (['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const).filter((k) => parsed.data[k] !== undefined);
    if (stray.length > 0) throw new Error(`SLACK_BOT_TOKEN: required when ${stray.join(' and ')} is set`);
    return { mode: 'console' };
  }
  if (appToken !== undefined) return { mode: 'socket', botToken, appToken, ...api };
  if (signingSecret !== undefined) return { mode: 'http', botToken, signingSecret, port: port ?? DEFAULT_PORT, ...api };
  throw new Error(
    'SLACK_APP_TOKEN: required with SLACK_BOT_TOKEN for Socket Mode (or set SLACK_SIGNING_SECRET for HTTP mode)',
  );
}

/** Everything `npm start` needs; throws one message naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const reportUrl = loadReportUrl(env);
  return { paths: loadPaths(env), slack: loadSlackConfig(env), ...(reportUrl ? { reportUrl } : {}) };
}
