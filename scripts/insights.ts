/**
 * npm run insights -- [--db <index file>] [--log <question log>] [--days N] [--json]: what people asked and
 * did not find, answers marked wrong, the most and never asked roles. The log defaults to the file beside
 * the index (ROLEBOT_LOG_DB overrides). --json prints one object:
 * {unanswered:[{question,count,closest:[{id,title}]}],negative:[{question,count,comments:[]}],topRoles:[{id,title,count}],neverAsked:[{id,title}]}
 */
import { z } from 'zod';
import { fail, parseArgs } from '../src/cli/args.js';
import { loadPaths } from '../src/config.js';
import { loadInsights } from '../src/insights/load.js';
import { renderInsightsText } from '../src/insights/render.js';
import { defaultLogPath, loadFeedbackConfig } from '../src/log/config.js';

const USAGE = 'usage: npm run insights -- [--db <index file>] [--log <question log file>] [--days N] [--json]';
const args = parseArgs(
  process.argv.slice(2),
  z.object({
    db: z.string().min(1).default(loadPaths().dbPath),
    log: z.string().min(1).optional(),
    days: z.coerce.number().int().min(1).max(3650).optional(),
    json: z.boolean().default(false),
    _: z.array(z.string()).max(0, 'unexpected argument'),
  }),
  USAGE,
);

let settings;
try {
  settings = loadFeedbackConfig(args.db);
} catch (e) {
  fail((e as Error).message);
}
// ROLEBOT_LOG=off stops the app logging; a log kept from before can still be read here
const logPath = args.log ?? settings.log?.path ?? defaultLogPath(args.db);
let loaded;
try {
  loaded = loadInsights({ dbPath: args.db, logPath, retentionDays: settings.log?.days ?? 180, days: args.days });
} catch (e) {
  fail((e as Error).message, 1);
}
if (loaded.indexError) process.stderr.write(`warning: ${loaded.indexError}\n`);
process.stdout.write(args.json ? JSON.stringify(loaded.insights) + '\n' : renderInsightsText(loaded, args.days));
