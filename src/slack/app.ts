/**
 * The Bolt app in Socket Mode or HTTP mode. Requests are acked first (in HTTP mode by the receiver as
 * soon as a request is verified); answer work then waits its turn in one AnswerQueue.
 */
import { App, LogLevel, webApi, type Logger } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { AnswerQueue } from './answer-queue.js';
import { registerListeners } from './listeners/index.js';
import { AckFirstReceiver, EVENTS_PATH } from './receiver.js';
import { NO_FEEDBACK, type FeedbackDeps, type SlackDeps } from './reply.js';

export type SlackModeConfig = Exclude<SlackConfig, { mode: 'console' }>;

export type BotIdentity = { botId: string; botUserId: string };

export type SlackAppOptions = SlackDeps & {
  logger?: Logger;
  logLevel?: LogLevel;
  /** From auth.test; without it Bolt calls auth.test itself as the app is built. */
  bot?: BotIdentity;
  /** Where answer work waits (default: a queue with the default bound). */
  answers?: AnswerQueue;
  /** Question log, HR channel, admins, mention allow-list (default: none of them). */
  feedback?: Partial<FeedbackDeps>;
};

function clientOptions(config: SlackModeConfig) {
  return config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
}

export function createSlackApp(config: SlackModeConfig, options: SlackAppOptions): App {
  const { getAnswerer, getCatalog, reportUrl, logger, logLevel = LogLevel.INFO, bot, answers = new AnswerQueue() } = options;
  // no conversation store: no listener keeps per-conversation state, so its per-event lookup is wasted work
  const common = { token: config.botToken, clientOptions: clientOptions(config), convoStore: false as const, logLevel, ...(logger ? { logger } : {}), ...bot };
  let app: App;
  if (config.mode === 'socket') {
    app = new App({ ...common, socketMode: true, appToken: config.appToken });
  } else {
    app = new App({ ...common, receiver: new AckFirstReceiver({ signingSecret: config.signingSecret, port: config.port, answers }) });
  }
  registerListeners(app, { getAnswerer, ...(getCatalog ? { getCatalog } : {}), answers, ...NO_FEEDBACK, ...options.feedback, ...(reportUrl ? { reportUrl } : {}) });
  app.error(async (error) => {
    app.logger.error(`listener failed: ${error.stack ?? error.message}`);
  });
  return app;
}

/**
 * Ask Slack who the bot token belongs to. A token Slack refuses and a Slack that cannot be reached (DNS, proxy,
 * firewall, a wrong SLACK_API_URL) are different problems for the admin: each gets its own message, the second
 * with the URL tried.
 */
export async function checkBotToken(config: SlackModeConfig): Promise<BotIdentity> {
  const url = `${config.apiUrl ?? 'https://slack.com/api/'}auth.test`;
  let r;
  try {
    r = await new webApi.WebClient(config.botToken, { ...clientOptions(config), retryConfig: { retries: 2 } }).auth.test();
  } catch (e) {
    const err = e as Error & { code?: string; original?: Error; statusCode?: number };
    if (err.code === webApi.ErrorCode.RequestError || (err.code === webApi.ErrorCode.HTTPError && (err.statusCode ?? 0) >= 500)) {
      throw new Error(
        `could not reach Slack at ${url} (${err.original?.message ?? err.message}): check the network, DNS, proxy and firewall` +
          ` (or SLACK_API_URL); the token was not checked`,
      );
    }
    throw new Error(`SLACK_BOT_TOKEN: Slack did not accept the token (${err.message})`);
  }
  if (!r.bot_id || !r.user_id) throw new Error('SLACK_BOT_TOKEN: Slack did not accept the token (not a bot token)');
  return { botId: r.bot_id, botUserId: r.user_id };
}

/**
 * Start the app for `npm start`: check the bot token with Slack first so a wrong token fails at
 * start with a clear message, then connect (Socket Mode) or listen (HTTP), and stop on SIGINT/SIGTERM.
 */
export async function runSlack(config: SlackModeConfig, deps: SlackDeps & { feedback?: Partial<FeedbackDeps>; onStop?: () => void }): Promise<App> {
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
