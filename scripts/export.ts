/** npm run export -- --db <file>: every role record as JSONL, one a line. */
import { z } from 'zod';
import { fail, parseArgs } from '../src/cli/args.js';
import { loadPaths } from '../src/config.js';
import { loadRoles, openIndex } from '../src/store/db.js';

const args = parseArgs(process.argv.slice(2), z.object({ db: z.string().min(1).default(loadPaths().dbPath) }), 'usage: npm run export -- [--db <index file>]');

let lines: string[];
try {
  const db = openIndex(args.db);
  lines = loadRoles(db).map((r) => JSON.stringify(r));
  db.close();
} catch (e) {
  fail((e as Error).message, 1);
}
process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
