/** npm run ask -- --db <file> [--json] [question ...]: questions as arguments, or on stdin one a line. */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { openAnswerer } from '../src/answer/engine.js';
import { fail, parseArgs } from '../src/cli/args.js';
import { loadPaths } from '../src/config.js';
import { renderJson } from '../src/render/json.js';
import { renderText } from '../src/render/text.js';
import { wrapText } from '../src/render/wrap.js';

const USAGE = 'usage: npm run ask -- [--db <index file>] [--json] [question ...]   (without a question, one per stdin line)';
const args = parseArgs(
  process.argv.slice(2),
  z.object({ db: z.string().min(1).default(loadPaths().dbPath), json: z.boolean().default(false), _: z.array(z.string()) }),
  USAGE,
);

let answerer: ReturnType<typeof openAnswerer>;
try {
  answerer = openAnswerer(args.db);
} catch (e) {
  fail((e as Error).message, 1);
}
// text to a terminal wraps to its width; to a pipe or file each answer keeps its own lines
const width = process.stdout.isTTY ? process.stdout.columns : undefined;
const render = args.json ? renderJson : (a: Parameters<typeof renderText>[0]) => wrapText(renderText(a), width) + '\n';
const write = (q: string) => process.stdout.write(render(answerer.ask(q)) + '\n');

if (args._.length) {
  // each argument is one question, as the README says (quote a question that holds spaces)
  for (const q of args._) write(q);
} else {
  // one output per input line, blank lines included, so answers stay aligned with questions
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) write(line.replace(/^\uFEFF/, ''));
}
answerer.close();
