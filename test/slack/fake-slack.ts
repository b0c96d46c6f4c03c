/**
 * Test plumbing: a local stand-in for Slack's Web API and response_url hooks that records what the
 * app sends, plus a signer and sender for requests to the app's HTTP receiver.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, type Logger } from '@slack/bolt';

export type ApiCall = { method: string; body: Record<string, any> };
export type HookCall = { path: string; body: Record<string, any> };

export class FakeSlack {
  readonly api: ApiCall[] = [];
  readonly hooks: HookCall[] = [];
  private server: Server | undefined;
  url = '';
  /** Set to make auth.test fail as Slack does for a wrong token (e.g. 'invalid_auth'). */
  authError: string | null = null;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        const body = parseBody(raw, req.headers['content-type'] ?? '');
        const path = req.url ?? '';
        res.setHeader('content-type', 'application/json');
        if (path.startsWith('/api/')) {
          const method = path.slice('/api/'.length);
          this.api.push({ method, body });
          if (method === 'auth.test' && this.authError) return void res.end(JSON.stringify({ ok: false, error: this.authError }));
          const extra = method === 'auth.test' ? { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'rolebot' } : {};
          res.end(JSON.stringify({ ok: true, ts: '1700000009.000100', channel: body.channel, ...extra }));
        } else {
          this.hooks.push({ path, body });
          res.end(JSON.stringify({ ok: true }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Forget what was received (between tests). */
  clear(): void {
    this.api.length = 0;
    this.hooks.length = 0;
  }

  /** Posts the app made other than its start-up auth.test. */
  posts(): ApiCall[] {
    return this.api.filter((c) => c.method !== 'auth.test');
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function parseBody(raw: string, type: string): Record<string, any> {
  if (type.includes('json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends structured arguments (blocks) as JSON strings inside the form.
    out[k] = k === 'blocks' || k === 'attachments' ? JSON.parse(v) : v;
  }
  return out;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type SendOptions = {
  secret: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
};

/** POST a body to the app as Slack would: signed, form or JSON by content. */
export async function sendToApp(url: string, body: string, opts: SendOptions): Promise<{ status: number; text: string }> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.signature ?? sign(opts.secret, ts, body),
      ...opts.headers,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** Poll until the condition holds (the app answers after its ack, asynchronously). */
export async function until<T>(get: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A Bolt logger that keeps warnings and errors in `sink` (tests assert on them) and drops the rest. */
export function collectingLogger(sink: string[]): Logger {
  return {
    debug: () => {},
    info: () => {},
    warn: (...m) => void sink.push(m.join(' ')),
    error: (...m) => void sink.push(m.join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}

/** Slack's example requests over HTTP (test/slack/payloads), signed with the example secret. */
const payload = (name: string) => JSON.parse(readFileSync(new URL(`./payloads/http.${name}.json`, import.meta.url), 'utf8'));
export const HTTP_EXAMPLES = {
  command: payload('slash_command'),
  mention: payload('app_mention'),
  dm: payload('message_im'),
  click: payload('block_actions'),
};
