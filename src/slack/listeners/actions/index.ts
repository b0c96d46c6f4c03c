/** Buttons on answer cards: open a linked role, show the whole card, post it to the channel; feedback; the Home tab. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, RefSchema } from '../../../render/blocks.js';
import { cardModal } from '../../modal.js';
import { replyToRef, type ListenerDeps } from '../../reply.js';
import * as feedback from './feedback.js';
import * as home from './home.js';

/** Matches the action and its per-message `:n` suffix. */
const actionId = (name: string) => new RegExp(`^${name}(:\\d+)?$`);

/** Ephemeral cards (the asker's private view) are replaced in place; public ones get a private reply. */
function inPlace(body: BlockButtonAction): boolean {
  return body.container?.is_ephemeral === true;
}

export function register(app: App, deps: ListenerDeps): void {
  for (const [name, full] of [
    [ACTIONS.openRole, false],
    [ACTIONS.showAll, true],
  ] as const) {
    app.action<BlockButtonAction>(actionId(name), async ({ ack, action, body, respond, client, logger }) => {
      await ack();
      const ref = RefSchema.safeParse(action.value ?? '');
      if (!ref.success) return logger.warn(`ignored button ${action.action_id} with value ${JSON.stringify(action.value)}`);
      if (body.view) {
        // a card in a modal opened from the Home tab: there is no conversation to answer in
        const card = await deps.answers.run(() => replyToRef(deps, logger, ref.data, { full }));
        return void (await client.views.update({ view_id: body.view.id, view: cardModal(card) }));
      }
      const message = await deps.answers.run(() => replyToRef(deps, logger, ref.data, { full, shareable: true, surface: 'button' }));
      await respond({ response_type: 'ephemeral', replace_original: inPlace(body), ...message });
    });
  }

  app.action<BlockButtonAction>(actionId(ACTIONS.share), async ({ ack, action, body, respond, logger }) => {
    await ack();
    const ref = RefSchema.safeParse(action.value ?? '');
    if (!ref.success) return logger.warn(`ignored share button with value ${JSON.stringify(action.value)}`);
    // Through response_url, so sharing works where the bot is not a member (private channels, DMs).
    const message = await deps.answers.run(() => replyToRef(deps, logger, ref.data, { sharedBy: body.user.id }));
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    if (inPlace(body)) await respond({ delete_original: true });
  });

  feedback.register(app, deps);
  home.register(app, deps);
}
