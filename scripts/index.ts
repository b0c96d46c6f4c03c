/** npm run index -- --data <dir> --db <file>: build the index from every document in a folder. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fail, parseArgs } from '../src/cli/args.js';
import { EXAMPLES_DIR, loadGlossaryPath, loadPaths } from '../src/config.js';
import { buildIndex } from '../src/ingest/build.js';
import { checkGlossary, GLOSSARY_META, glossaryReportItems, loadGlossary } from '../src/words/glossary.js';

const USAGE = 'usage: npm run index -- [--data <documents folder>] [--db <index file>] [--glossary <file>]';
const paths = loadPaths();
const args = parseArgs(
  process.argv.slice(2),
  z.object({ data: z.string().min(1).default(paths.dataDir), db: z.string().min(1).default(paths.dbPath), glossary: z.string().min(1).optional() }),
  USAGE,
);

if (!existsSync(args.data) || !statSync(args.data).isDirectory()) {
  fail(`documents folder not found: ${args.data} (put the company's documents there, or index the samples with --data ${path.relative(process.cwd(), EXAMPLES_DIR) || EXAMPLES_DIR})`, 1);
}

const glossaryPath = args.glossary ?? loadGlossaryPath(process.env, args.data);
const glossary = loadGlossary(glossaryPath);
if (glossary instanceof Error) fail(`the glossary is invalid, index not written: ${glossary.message}`, 1);

let built: Awaited<ReturnType<typeof buildIndex>>;
try {
  built = await buildIndex(args.data, args.db, { meta: { [GLOSSARY_META]: glossary.toJSON() } });
} catch (e) {
  fail(`cannot write the index to ${args.db}: ${(e as Error).message}`, 1);
}
const { documents, roles } = built;
const ok = documents.filter((d) => d.status === 'ok');
const skipped = documents.filter((d) => d.status === 'skipped');

const out: string[] = [`documents: ${documents.length} found, ${ok.length} indexed, ${skipped.length} skipped`];
for (const d of ok) out.push(`  ${d.file}: ${d.roles} role(s)${d.reason ? ` — ${d.reason}` : ''}`);
for (const d of skipped) out.push(`  skipped ${d.file}: ${d.reason}`);
out.push(`roles: ${roles.length}`);
if (glossary.size) out.push(`glossary ${glossaryPath}: ${glossary.size} entries`, ...glossaryReportItems(checkGlossary(glossaryPath, glossary, roles)).map((l) => `  ${l}`));
process.stdout.write(out.join('\n') + '\n');

if (!built.written) fail(`no document in ${args.data} could be read; index not written`, 1);
process.stdout.write(`index written: ${args.db}\n`);
