/** The Home tab is (re)built each time someone opens it, so it always shows the current index. */
import type { App } from '@slack/bolt';
import { publishHome } from '../../home.js';
import type { ListenerDeps } from '../../reply.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, event.user, { kind: 'overview', page: 0 });
  });
}
