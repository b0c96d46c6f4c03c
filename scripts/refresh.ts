/**
 * npm run refresh -- [--data <dir>] [--db <file>] [--check] [--full] [--lang zh|en]: HR's one command.
 * Re-indexes new and changed documents, reports what changed (plain text here; .md, .json and .html next to
 * the index), and swaps the new index in only once it validates.
 * Exit codes: 0 ok, 1 finished but some documents were skipped, 2 nothing written (previous index kept).
 */
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { fail, parseArgs } from '../src/cli/args.js';
import { loadGlossaryPath, loadPaths } from '../src/config.js';
import { createProgress } from '../src/refresh/progress.js';
import { LANGS } from '../src/refresh/i18n.js';
import { renderText, writeReport } from '../src/refresh/report.js';
import { runRefresh } from '../src/refresh/run.js';

const USAGE = 'usage: npm run refresh -- [--data <documents folder>] [--db <index file>] [--glossary <file>] [--check] [--full] [--lang zh|en]';
const paths = loadPaths();
const args = parseArgs(
  process.argv.slice(2),
  z.object({
    data: z.string().min(1).default(paths.dataDir),
    db: z.string().min(1).default(paths.dbPath),
    glossary: z.string().min(1).optional(),
    check: z.boolean().default(false),
    full: z.boolean().default(false),
    lang: z.enum(LANGS).default('zh'),
    _: z.array(z.string()).max(0, 'unexpected argument'),
  }),
  USAGE,
);

if (!existsSync(args.data) || !statSync(args.data).isDirectory()) fail(`documents folder not found: ${args.data}`, 2);

const progress = createProgress(process.stderr);
let result: Awaited<ReturnType<typeof runRefresh>>;
try {
  result = await runRefresh({
    dataDir: args.data,
    dbPath: args.db,
    glossaryPath: args.glossary ?? loadGlossaryPath(process.env, args.data),
    check: args.check,
    full: args.full,
    onStart: progress.start,
    onDocument: progress.document,
    onWrite: progress.writing,
  });
} catch (e) {
  progress.done();
  fail(`${(e as Error).message}; nothing written, the previous index keeps serving`, 2);
}
progress.done();

process.stdout.write(renderText(result, args.lang, process.stdout.isTTY ? process.stdout.columns : undefined));
if (!args.check) {
  const zh = args.lang === 'zh';
  try {
    const saved = writeReport(result, args.lang);
    const files = [saved.html, saved.md, saved.json].join(zh ? '、' : ', ');
    if (saved.failed) process.stdout.write(zh ? `\n失败的报告已保存：${files}（上一次成功的报告保持不变）\n` : `\nFailed run's report saved: ${files} (the last good report is unchanged)\n`);
    else process.stdout.write(zh ? `\n报告已保存：${files}\n` : `\nReport saved: ${files}\n`);
  } catch (e) {
    process.stderr.write(`warning: could not save the report next to the index: ${(e as Error).message}\n`);
  }
}
process.exitCode = result.exitCode;
