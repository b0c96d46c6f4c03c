/** npm start: the interactive console on the bundled documents (Slack modes are added by the Slack app). */
import { loadPaths } from './config.js';
import { runConsole } from './console.js';

try {
  await runConsole(loadPaths());
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(1);
}
