/**
 * npm start: Socket Mode or HTTP when Slack variables are set, otherwise the interactive console on
 * the bundled documents. Configuration errors stop here with the variable's name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openAnswerer } from './answer/engine.js';
import { loadConfig, pidFilePath, PROJECT_ROOT } from './config.js';
import { writePidFile } from './pidfile.js';
import { ensureIndex, runConsole } from './console.js';
import { runSlack } from './slack/app.js';
import { createLiveIndex } from './store/live.js';

const envFile = path.join(PROJECT_ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

try {
  const config = loadConfig();
  const pidFile = pidFilePath(config.paths);
  writePidFile(pidFile);
  if (config.slack.mode === 'console') {
    await runConsole(config.paths);
  } else {
    await ensureIndex(config.paths);
    process.stdout.write(`pid ${process.pid} (in ${pidFile}: kill -HUP reloads the index, kill -TERM stops)\n`);
    // The Slack app asks for the answerer per request, so a refreshed index is served without a restart.
    const live = createLiveIndex(config.paths.dbPath, openAnswerer, {
      sighup: true,
      onSwitch: ({ generation }) => process.stdout.write(`index reloaded (generation ${generation}): ${config.paths.dbPath}\n`),
      onError: (e) => process.stderr.write(`index reload failed, still serving the previous index: ${e.message}\n`),
    });
    await runSlack(config.slack, { getAnswerer: () => live.current(), reportUrl: config.reportUrl, onStop: () => live.close() });
  }
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(1);
}
