/**
 * The interactive console (npm start without Slack tokens): readable Chinese answers on the bundled documents.
 * Builds the index from the documents on first run if it is missing.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { openAnswerer } from './answer/engine.js';
import { EXAMPLES_DIR, hasDocuments, loadGlossaryPath, type Paths } from './config.js';
import { GLOSSARY_META, loadGlossary } from './words/glossary.js';
import { buildIndex } from './ingest/build.js';
import { choices, HELP_TEXT, renderText } from './render/text.js';
import { wrapText } from './render/wrap.js';
import type { Answer, Answerer } from './answer/types.js';
import { NO_LOG, type AnswerLog } from './log/question-log.js';
import { isCurrentIndex, openIndex, readMeta } from './store/db.js';
import { createLiveIndex } from './store/live.js';

/** The terminal's width, when output goes to one. */
const columns = () => (process.stdout.isTTY ? process.stdout.columns : undefined);

/** Index meta key set when the index was built from the bundled samples. */
const SAMPLES_META = 'samples';

/**
 * Build the index from the documents when it does not exist yet (first run). With no document in the data folder
 * yet, the bundled samples (examples/docs) are indexed instead, and the index remembers it, so each start says so.
 */
export async function ensureIndex(paths: Paths): Promise<void> {
  if (!isCurrentIndex(paths.dbPath)) await buildFirstIndex(paths);
  if (!builtFromSamples(paths.dbPath)) return;
  const next = hasDocuments(paths.dataDir)
    ? `${paths.dataDir} 中已有文档：运行 npm run refresh 改用它们。`
    : `把公司的岗位说明书放进 ${paths.dataDir} 后运行 npm run refresh，示例即被替换。`;
  process.stdout.write(`正在使用示例文档（${EXAMPLES_DIR}）。${next}\n`);
}

function builtFromSamples(dbPath: string): boolean {
  const db = openIndex(dbPath);
  try {
    return readMeta(db, SAMPLES_META) === 'true';
  } finally {
    db.close();
  }
}

async function buildFirstIndex(paths: Paths): Promise<void> {
  const samples = !hasDocuments(paths.dataDir);
  const dir = samples ? EXAMPLES_DIR : paths.dataDir;
  // Missing, or left by an older checkout with other tables: build it from the documents.
  process.stdout.write(`${existsSync(paths.dbPath) ? '索引版本过旧' : '首次运行'}：正在从 ${dir} 建立索引……\n`);
  // the glossary as npm run index stores it; an invalid one is left out here (npm run index names the problem)
  const glossary = loadGlossary(loadGlossaryPath(process.env, dir));
  const meta: Record<string, string> = glossary instanceof Error ? {} : { [GLOSSARY_META]: glossary.toJSON() };
  if (samples) meta[SAMPLES_META] = 'true';
  const { documents, roles, written } = await buildIndex(dir, paths.dbPath, { meta });
  if (!written) throw new Error(`${dir} 中没有可读取的文档，无法建立索引`);
  for (const d of documents) if (d.status === 'skipped') process.stdout.write(`  跳过 ${d.file}：${d.reason}\n`);
  process.stdout.write(`索引已建立：${roles.length} 个岗位，${documents.length} 个文档。\n`);
}

/** `+` / `有用`, or `-` / `不对` with an optional note: feedback on the answer just shown. */
const FEEDBACK_INPUT = /^(?:(\+|有用|good|helpful)|(-|不对|wrong)(?:\s+([\s\S]*))?)$/i;
const FEEDBACK_HINT = '（反馈：输入 + 表示有用；输入 - 表示不对，可在后面写你想找的内容）';

/** Feedback typed after an answer; the console user counts as one voter per OS account. */
function consoleFeedback(log: AnswerLog, key: string | null, m: RegExpExecArray): string {
  if (!key) return '（没有可反馈的回答：先提一个问题）';
  const user = `console:${userInfo().username}`;
  const vote = m[1] ? 'up' : 'down';
  const result = log.vote(key, user, vote);
  if (result === 'duplicate') return '你已经对这个回答反馈过了。';
  if (result === 'unknown') return '这个回答无法再反馈了。';
  if (vote === 'down' && m[3]) log.comment(key, user, m[3]);
  return vote === 'up' ? '感谢反馈！' : '感谢反馈！HR 会据此改进岗位资料。';
}

export async function runConsole(paths: Paths, log: AnswerLog = NO_LOG): Promise<void> {
  await ensureIndex(paths);
  // A refresh (npm run refresh) is picked up between questions, without a restart.
  const live = createLiveIndex(paths.dbPath, openAnswerer, {
    sighup: true,
    onSwitch: () => process.stdout.write('\n（索引已更新，之后的问题按新索引回答）\n'),
    onError: (e) => process.stderr.write(`索引更新失败，继续使用原索引：${e.message}\n`),
  });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write(`rolebot 控制台（索引：${paths.dbPath}）。输入岗位名称或问题；help 查看用法，exit 退出。\n`);
  let last: Answer | null = null;
  // a plain exit on SIGTERM, so exit handlers run (the pid file is removed)
  const onTerm = () => process.exit(0);
  process.once('SIGTERM', onTerm);
  try {
    rl.setPrompt('> ');
    rl.prompt();
    // the log's key of the answer just shown, for + / - feedback
    let lastKey: string | null = null;
    for await (const line of rl) {
      const q = line.trim();
      if (/^(exit|quit|退出)$/i.test(q)) break;
      const feedback = log.enabled ? FEEDBACK_INPUT.exec(q) : null;
      if (feedback) {
        process.stdout.write(consoleFeedback(log, lastKey, feedback) + '\n\n');
      } else if (/^(help|帮助|\?)$/i.test(q)) process.stdout.write(wrapText(HELP_TEXT, columns()) + '\n\n');
      else {
        last = consoleAnswer(live.current(), q, last);
        lastKey = log.record('console', last);
        process.stdout.write(wrapText(renderText(last), columns()) + (lastKey ? `\n${FEEDBACK_HINT}` : '') + '\n\n');
      }
      rl.prompt();
    }
  } finally {
    process.off('SIGTERM', onTerm);
    rl.close();
    live.close();
    log.close();
  }
}

/** A bare number opens that entry of the previous answer's list (同名岗位、候选、负责的岗位); anything else is a question. */
export function consoleAnswer(answerer: Answerer, q: string, last: Answer | null): Answer {
  const n = /^\d{1,2}$/.test(q) ? Number(q) : 0;
  const role = n && last ? choices(last)[n - 1] : undefined;
  return role ? answerer.roleById(role.id) : answerer.ask(q);
}
