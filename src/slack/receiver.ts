/**
 * The HTTP side of the Slack app: a Bolt receiver that acknowledges each verified request the moment
 * it is read and hands it to the app afterwards, so ack latency does not depend on answer work or on
 * Bolt's middleware. Verification and parsing are Bolt's own functions; added here:
 * - the timestamp checked in both directions (Bolt 5.1 rejects only stale requests, so a signed request
 *   dated in the future would be replayable until then);
 * - load shedding: while the answer queue is full (AnswerQueue.full: more work waiting than can be done
 *   in time) a request is turned away at once: a slash command gets a "busy" note, anything else 503
 *   so Slack retries the event later.
 * Listeners' own ack() calls are no-ops here: the ack has already been sent, empty. None of ours acks
 * with content (answers go through response_url or the Web API).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions as httpFn, isRawBodyError, type Logger, type Receiver } from '@slack/bolt';
import type { AnswerQueue } from './answer-queue.js';
import { SIGNING_SECRET_LOOKS } from '../config.js';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
/** Slack's own rule: a request more than 5 minutes old may be a replay. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;
/** Slack never dates a request ahead of its send time; allow only ordinary clock drift. */
export const MAX_FUTURE_SKEW_SECONDS = 60;
/** Slack's largest payloads (interactivity with big messages) are far below this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Shown to someone whose /role arrives while the queue is full. */
export const BUSY_TEXT = 'rolebot is busy right now. Please ask again in a minute.';
/** How long a stop waits for accepted answers to be sent (Slack down must not keep the process alive). */
const STOP_GRACE_MS = 10_000;
/** Turned-away requests are logged as one summary per interval, not one line each. */
const SHED_LOG_INTERVAL_MS = 10_000;

/** Why a request's x-slack-request-timestamp is unacceptable, or null when it is fine or absent. */
export function requestTimeProblem(header: string | string[] | undefined, nowMs: number): string | null {
  if (header === undefined) return null; // signature verification rejects it as unsigned
  const ts = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(ts)) return 'x-slack-request-timestamp is not a number';
  const now = nowMs / 1000;
  if (ts < now - MAX_REQUEST_AGE_SECONDS) return `request is ${Math.round(now - ts)} s old`;
  if (ts > now + MAX_FUTURE_SKEW_SECONDS) return `request is dated ${Math.round(ts - now)} s in the future`;
  return null;
}

export type AckFirstReceiverOptions = {
  signingSecret: string;
  port: number;
  answers: AnswerQueue;
};

export class AckFirstReceiver implements Receiver {
  private app: App | undefined;
  private log: Pick<Logger, 'warn' | 'error'> = console;
  private server: Server | undefined;
  /** Turned away since lastShedLog. */
  private shed = 0;
  private lastShedLog = 0;

  constructor(private readonly opts: AckFirstReceiverOptions) {}

  /** Bolt calls this as the app is built, its logger already set up. */
  init(app: App): void {
    this.app = app;
    this.log = app.logger;
  }

  start(port = this.opts.port): Promise<Server> {
    const server = createServer((req, res) => this.route(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** Stop taking requests, then let the answers already accepted finish (for at most STOP_GRACE_MS). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.opts.answers.idle(), new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)))]);
    clearTimeout(timer);
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === HEALTH_PATH) return void res.writeHead(200).end('ok');
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      req.resume();
      return void res.writeHead(404).end();
    }
    const problem = requestTimeProblem(req.headers['x-slack-request-timestamp'], Date.now());
    if (problem) {
      this.log.warn(`rejected request: ${problem}`);
      req.resume(); // drain the body so the connection can be reused
      return void res.writeHead(401).end();
    }
    this.receive(req, res).catch((e: Error) => {
      this.log.error(`request failed: ${e.stack ?? e.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered;
    try {
      buffered = await httpFn.parseAndVerifyHTTPRequest({ signingSecret: this.opts.signingSecret, bodyLimit: BODY_LIMIT_BYTES }, req);
    } catch (e) {
      const tooLarge = isRawBodyError(e) && (e.type === 'entity.too.large' || e.statusCode === 413);
      // a wrong SLACK_SIGNING_SECRET fails every request: say what the right one looks like
      const hint = /signature/i.test((e as Error).message) ? ` (is SLACK_SIGNING_SECRET the app's Signing Secret? ${SIGNING_SECRET_LOOKS})` : '';
      this.log.warn(tooLarge ? 'rejected request: body over the size limit' : `rejected request: ${(e as Error).message}${hint}`);
      return httpFn.buildNoBodyResponse(res, tooLarge ? 413 : 401);
    }
    let body;
    try {
      body = httpFn.parseHTTPRequestBody(buffered);
    } catch (e) {
      this.log.warn(`malformed request body: ${(e as Error).message}`);
      return httpFn.buildNoBodyResponse(res, 400);
    }
    if (body.ssl_check === '1') return httpFn.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return httpFn.buildUrlVerificationResponse(res, body);
    if (this.opts.answers.full) return this.turnAway(body, res);

    res.writeHead(200).end(); // the ack
    const event = {
      body,
      ack: async () => {},
      retryNum: httpFn.extractRetryNumFromHTTPRequest(req),
      retryReason: httpFn.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    // Bolt's middleware and the listener run in the queue's time slices too, not while requests wait to be read.
    await this.opts.answers.run(() => this.app!.processEvent(event));
  }

  private turnAway(body: Record<string, unknown>, res: ServerResponse): void {
    if (typeof body.command === 'string') httpFn.buildContentResponse(res, { response_type: 'ephemeral', text: BUSY_TEXT });
    else httpFn.buildNoBodyResponse(res, 503);
    this.shed++;
    const now = Date.now();
    if (now - this.lastShedLog >= SHED_LOG_INTERVAL_MS) {
      this.log.warn(`answer queue full (${this.opts.answers.waiting} waiting): turned away ${this.shed} request(s) since the last report`);
      this.shed = 0;
      this.lastShedLog = now;
    }
  }
}
