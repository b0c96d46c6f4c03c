/** Buttons on the Home tab: page through departments, open a department, open a role card in a modal. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { decodeHomeState, HOME_ACTIONS } from '../../../home/view.js';
import { RefSchema } from '../../../render/blocks.js';
import { publishHome } from '../../home.js';
import { cardModal } from '../../modal.js';
import { replyToRef, type ListenerDeps } from '../../reply.js';

const actionId = (name: string) => new RegExp(`^${name}(:[\\w]+)?$`);

export function register(app: App, deps: ListenerDeps): void {
  for (const name of [HOME_ACTIONS.page, HOME_ACTIONS.department]) {
    app.action<BlockButtonAction>(actionId(name), async ({ ack, action, body, client, logger }) => {
      await ack();
      const state = decodeHomeState(action.value ?? '');
      if (!state) return logger.warn(`ignored Home button with value ${JSON.stringify(action.value)}`);
      await publishHome(deps, client, body.user.id, state);
    });
  }

  app.action<BlockButtonAction>(actionId(HOME_ACTIONS.role), async ({ ack, action, body, client, logger }) => {
    await ack();
    const ref = RefSchema.safeParse(action.value ?? '');
    if (!ref.success) return logger.warn(`ignored Home role button with value ${JSON.stringify(action.value)}`);
    const message = await deps.answers.run(() => replyToRef(deps, logger, ref.data));
    await client.views.open({ trigger_id: body.trigger_id, view: cardModal(message) });
  });
}
