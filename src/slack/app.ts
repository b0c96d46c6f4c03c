/**
 * The Bolt app in Socket Mode or HTTP mode. Listeners ack at once and answer after the ack;
 * the HTTP receiver adds the request checks Bolt 5.1 leaves out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, webApi, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { registerListeners } from './listeners/index.js';
import type { SlackDeps } from './reply.js';

export type SlackModeConfig = Exclude<SlackConfig, { mode: 'console' }>;

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
/** Slack's own rule: a request more than 5 minutes old may be a replay. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;
/** Slack never dates a request ahead of its send time; allow only ordinary clock drift. */
export const MAX_FUTURE_SKEW_SECONDS = 60;
/** Slack's largest payloads (interactivity with big messages) are far below this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Why a request's x-slack-request-timestamp is unacceptable, or null when it is fine or absent. */
export function requestTimeProblem(header: string | string[] | undefined, nowMs: number): string | null {
  if (header === undefined) return null; // Bolt rejects it as unsigned
  const ts = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(ts)) return 'x-slack-request-timestamp is not a number';
  const now = nowMs / 1000;
  if (ts < now - MAX_REQUEST_AGE_SECONDS) return `request is ${Math.round(now - ts)} s old`;
  if (ts > now + MAX_FUTURE_SKEW_SECONDS) return `request is dated ${Math.round(ts - now)} s in the future`;
  return null;
}

/**
 * Bolt's HTTPReceiver with the timestamp checked in both directions before anything else: Bolt 5.1
 * only rejects stale requests, so a signed request dated in the future would be replayable until then.
 */
class CheckedHTTPReceiver extends HTTPReceiver {
  /** Set to the app's logger once the app exists (the app is built around its receiver). */
  log: Pick<Logger, 'warn'> = console;

  constructor(options: HTTPReceiverOptions) {
    super(options);
    const verifiedListener = this.requestListener;
    this.requestListener = (req: IncomingMessage, res: ServerResponse) => {
      if (req.method === 'POST' && req.url !== undefined && new URL(req.url, 'http://localhost').pathname === EVENTS_PATH) {
        const problem = requestTimeProblem(req.headers['x-slack-request-timestamp'], Date.now());
        if (problem) {
          this.log.warn(`rejected request: ${problem}`);
          req.resume(); // drain the body so the connection can close cleanly
          res.writeHead(401).end();
          return;
        }
      }
      verifiedListener(req, res);
    };
  }
}

export type BotIdentity = { botId: string; botUserId: string };

export type SlackAppOptions = SlackDeps & {
  logger?: Logger;
  logLevel?: LogLevel;
  /** From auth.test; without it Bolt calls auth.test itself as the app is built. */
  bot?: BotIdentity;
};

function clientOptions(config: SlackModeConfig) {
  return config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
}

export function createSlackApp(config: SlackModeConfig, options: SlackAppOptions): App {
  const { getAnswerer, logger, logLevel = LogLevel.INFO, bot } = options;
  const common = { token: config.botToken, clientOptions: clientOptions(config), logLevel, ...(logger ? { logger } : {}), ...bot };
  let app: App;
  if (config.mode === 'socket') {
    app = new App({ ...common, socketMode: true, appToken: config.appToken });
  } else {
    const receiver = new CheckedHTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: [EVENTS_PATH],
      port: config.port,
      bodyLimit: BODY_LIMIT_BYTES,
      logLevel,
      ...(logger ? { logger } : {}),
      customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }],
    });
    app = new App({ ...common, receiver });
    receiver.log = app.logger;
  }
  registerListeners(app, { getAnswerer });
  app.error(async (error) => {
    app.logger.error(`listener failed: ${error.stack ?? error.message}`);
  });
  return app;
}

/** Ask Slack who the bot token belongs to; a wrong token or unreachable API becomes one clear error. */
export async function checkBotToken(config: SlackModeConfig): Promise<BotIdentity> {
  try {
    const r = await new webApi.WebClient(config.botToken, { ...clientOptions(config), retryConfig: { retries: 2 } }).auth.test();
    if (!r.bot_id || !r.user_id) throw new Error('not a bot token');
    return { botId: r.bot_id, botUserId: r.user_id };
  } catch (e) {
    throw new Error(`SLACK_BOT_TOKEN: Slack did not accept the token (${(e as Error).message})`);
  }
}

/**
 * Start the app for `npm start`: check the bot token with Slack first so a wrong token fails at
 * start with a clear message, then connect (Socket Mode) or listen (HTTP), and stop on SIGINT/SIGTERM.
 */
export async function runSlack(config: SlackModeConfig, deps: SlackDeps & { onStop?: () => void }): Promise<App> {
  const app = createSlackApp(config, { ...deps, bot: await checkBotToken(config) });
  await app.start();
  app.logger.info(config.mode === 'socket' ? 'rolebot connected (Socket Mode)' : `rolebot listening on :${config.port}${EVENTS_PATH}`);
  const stop = () => {
    app.stop().finally(() => {
      deps.onStop?.();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
