/** @mentions (answered in the mention's thread) and direct messages (answered in the DM). */
import type { App, Logger, webApi } from '@slack/bolt';
import { RecentKeys } from '../../dedupe.js';
import { replyToText, type ListenerDeps } from '../../reply.js';

type Question = { eventId: string | undefined; channel: string; ts: string; text: string; threadTs: string | undefined };

/**
 * Reply once per user message: the event id catches Slack's retries, channel+ts catches a second
 * event type describing the same message. Keys are released when posting fails so a retry can answer.
 */
async function answerOnce(recent: RecentKeys, deps: ListenerDeps, client: webApi.WebClient, logger: Logger, q: Question): Promise<void> {
  const keys = [`msg:${q.channel}:${q.ts}`, ...(q.eventId ? [`ev:${q.eventId}`] : [])];
  if (!recent.claim(keys)) {
    logger.debug(`duplicate event ignored: ${keys.join(' ')}`);
    return;
  }
  try {
    const message = await deps.answers.run(() => replyToText(deps, logger, q.text));
    await client.chat.postMessage({ channel: q.channel, ...(q.threadTs ? { thread_ts: q.threadTs } : {}), ...message });
  } catch (e) {
    recent.release(keys);
    throw e;
  }
}

export function register(app: App, deps: ListenerDeps, recent = new RecentKeys()): void {
  app.event('app_mention', async ({ event, body, client, logger }) => {
    if (event.bot_id) return;
    await answerOnce(recent, deps, client, logger, {
      eventId: body.event_id,
      channel: event.channel,
      ts: event.ts,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
    });
  });

  app.message(async ({ message, body, client, logger }) => {
    // Only what a person typed in a DM: edits, joins, bot posts (our own replies included) are skipped.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id) return;
    await answerOnce(recent, deps, client, logger, {
      eventId: body.event_id,
      channel: message.channel,
      ts: message.ts,
      text: message.text ?? '',
      threadTs: message.thread_ts,
    });
  });
}
