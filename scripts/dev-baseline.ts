/**
 * npm run --silent words:baseline -- --db <index of ../shared/corpus>: print the dev questions' per-question
 * results (JSON) for test/words/dev-baseline.json, the regression test's reference. Record it from the
 * commit whose results are to be kept, on an index built from ../shared/corpus by that commit.
 */
import { z } from 'zod';
import { openAnswerer } from '../src/answer/engine.js';
import { parseArgs } from '../src/cli/args.js';
import { toAskJson } from '../src/render/json.js';
import { devSetPresent, scoreDev } from '../test/words/dev-eval.js';

const args = parseArgs(process.argv.slice(2), z.object({ db: z.string().min(1), _: z.array(z.string()) }), 'usage: npm run words:baseline -- --db <index file>');
if (!devSetPresent()) throw new Error('../shared/eval is not there');
const answerer = openAnswerer(args.db);
const results = await scoreDev((q) => toAskJson(answerer.ask(q)));
answerer.close();
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
