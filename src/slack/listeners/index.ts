import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../reply.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as home from './events/home.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  home.register(app, deps);
  actions.register(app, deps);
}
