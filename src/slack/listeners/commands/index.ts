/** `/role <question>`: answered privately with a card the asker can then post to the channel. */
import type { App } from '@slack/bolt';
import { replyToText, type ListenerDeps } from '../../reply.js';

export const ROLE_COMMAND = '/role';

export function register(app: App, deps: ListenerDeps): void {
  app.command(ROLE_COMMAND, async ({ command, ack, respond, logger }) => {
    await ack();
    const message = await deps.answers.run(() => replyToText(deps, logger, command.text, { shareable: true, surface: 'slash' }));
    await respond({ response_type: 'ephemeral', ...message });
  });
}
