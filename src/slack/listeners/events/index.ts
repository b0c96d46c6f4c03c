/**
 * @mentions (answered in the mention's thread; with ROLEBOT_CHANNELS only in those channels) and direct
 * messages (answered in the DM, always).
 */
import type { App, Logger, webApi } from '@slack/bolt';
import type { Surface } from '../../../log/question-log.js';
import { RecentKeys } from '../../dedupe.js';
import { replyToText, type ListenerDeps } from '../../reply.js';

type Question = { eventId: string | undefined; channel: string; ts: string; text: string; threadTs: string | undefined; surface: Surface };

/** Told (privately) to someone who mentions rolebot in a channel outside ROLEBOT_CHANNELS. */
export const NOT_HERE_TEXT = '我在这个频道不回答 @提及。可以用 /role 提问（只有你能看到回答），或直接私信我。I only answer mentions in some channels: use /role or a DM.';

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
    const message = await deps.answers.run(() => replyToText(deps, logger, q.text, { surface: q.surface }));
    await client.chat.postMessage({ channel: q.channel, ...(q.threadTs ? { thread_ts: q.threadTs } : {}), ...message });
  } catch (e) {
    recent.release(keys);
    throw e;
  }
}

export function register(app: App, deps: ListenerDeps, recent = new RecentKeys()): void {
  app.event('app_mention', async ({ event, body, client, logger }) => {
    if (event.bot_id) return;
    if (deps.channels && !deps.channels.includes(event.channel)) {
      if (event.user) await client.chat.postEphemeral({ channel: event.channel, user: event.user, text: NOT_HERE_TEXT });
      return;
    }
    await answerOnce(recent, deps, client, logger, {
      eventId: body.event_id,
      channel: event.channel,
      ts: event.ts,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
      surface: 'mention',
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
      surface: 'dm',
    });
  });
}
