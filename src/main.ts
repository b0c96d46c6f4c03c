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
import { loadFeedbackConfig } from './log/config.js';
import { openAnswerLog } from './log/question-log.js';
import { runSlack } from './slack/app.js';
import { Catalog } from './store/catalog.js';
import { createLiveIndex } from './store/live.js';

const envFile = path.join(PROJECT_ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

try {
  const config = loadConfig();
  const pidFile = pidFilePath(config.paths);
  writePidFile(pidFile);
  const feedback = loadFeedbackConfig(config.paths.dbPath);
  const log = openAnswerLog(feedback.log, { onError: (e) => process.stderr.write(`question log: ${e.message}\n`) });
  if (config.slack.mode === 'console') {
    await runConsole(config.paths, log);
  } else {
    await ensureIndex(config.paths);
    process.stdout.write(`pid ${process.pid} (in ${pidFile}: kill -HUP reloads the index, kill -TERM stops)\n`);
    // The Slack app asks for the answerer per request, so a refreshed index is served without a restart.
    const open = (p: string) => {
      const answerer = openAnswerer(p);
      return { answerer, catalog: new Catalog(p), close: () => answerer.close() };
    };
    const live = createLiveIndex(config.paths.dbPath, open, {
      sighup: true,
      onSwitch: ({ generation }) => process.stdout.write(`index reloaded (generation ${generation}): ${config.paths.dbPath}\n`),
      onError: (e) => process.stderr.write(`index reload failed, still serving the previous index: ${e.message}\n`),
    });
    await runSlack(config.slack, {
      getAnswerer: () => live.current().answerer,
      getCatalog: () => live.current().catalog,
      reportUrl: config.reportUrl,
      feedback: { ...feedback, log },
      onStop: () => {
        live.close();
        log.close();
      },
    });
  }
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(1);
}
