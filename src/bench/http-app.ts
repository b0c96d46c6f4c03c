/**
 * Child process of `npm run bench:http`: the real Slack app in HTTP mode on a loopback port,
 * answering from one index, with Slack's API pointed at the parent's fake. Runs apart from the
 * load generator so the two do not share an event loop.
 *
 * argv: <index file> <signing secret> <fake Slack API url> [<question log file>]; sends { port } to the parent
 * when listening. With a log file the app logs every answer there, as in production (ROLEBOT_LOG on).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { openAnswerer } from '../answer/engine.js';
import { NO_LOG, QuestionLog } from '../log/question-log.js';
import { createSlackApp } from '../slack/app.js';
import { peakRssBytes } from './memory.js';

const [dbPath, signingSecret, apiUrl, logPath] = process.argv.slice(2);
const answerer = openAnswerer(dbPath);
const log = logPath ? new QuestionLog(logPath, { days: 180, onError: (e) => process.stderr.write(`question log: ${e.message}\n`) }) : NO_LOG;
const app = createSlackApp(
  { mode: 'http', botToken: 'xoxb-bench-not-real', signingSecret, port: 0, apiUrl },
  { getAnswerer: () => answerer, logLevel: LogLevel.ERROR, feedback: { log } },
);
const server = (await app.start()) as Server;
process.send?.({ port: (server.address() as AddressInfo).port });
process.on('message', async (m) => {
  if (m !== 'stop') return;
  await app.stop();
  answerer.close();
  const logRows = log.enabled ? log.rows().length : null;
  log.close();
  process.send?.({ rssBytes: process.memoryUsage().rss, maxRssBytes: peakRssBytes(), logRows }, () => process.exit(0));
});
