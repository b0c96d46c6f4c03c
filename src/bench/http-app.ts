/**
 * Child process of `npm run bench:http`: the real Slack app in HTTP mode on a loopback port,
 * answering from one index, with Slack's API pointed at the parent's fake. Runs apart from the
 * load generator so the two do not share an event loop.
 *
 * argv: <index file> <signing secret> <fake Slack API url>; sends { port } to the parent when listening.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { openAnswerer } from '../answer/engine.js';
import { createSlackApp } from '../slack/app.js';
import { peakRssBytes } from './memory.js';

const [dbPath, signingSecret, apiUrl] = process.argv.slice(2);
const answerer = openAnswerer(dbPath);
const app = createSlackApp(
  { mode: 'http', botToken: 'xoxb-bench-not-real', signingSecret, port: 0, apiUrl },
  { getAnswerer: () => answerer, logLevel: LogLevel.ERROR },
);
const server = (await app.start()) as Server;
process.send?.({ port: (server.address() as AddressInfo).port });
process.on('message', async (m) => {
  if (m !== 'stop') return;
  await app.stop();
  answerer.close();
  process.send?.({ rssBytes: process.memoryUsage().rss, maxRssBytes: peakRssBytes() }, () => process.exit(0));
});
