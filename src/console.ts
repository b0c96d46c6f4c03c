/**
 * The interactive console (npm start without Slack tokens): readable Chinese answers on the bundled documents.
 * Builds the index from the documents on first run if it is missing.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { openAnswerer } from './answer/engine.js';
import type { Paths } from './config.js';
import { buildIndex } from './ingest/build.js';
import { HELP_TEXT, renderText } from './render/text.js';
import { NO_LOG, type AnswerLog } from './log/question-log.js';
import { isCurrentIndex } from './store/db.js';
import { createLiveIndex } from './store/live.js';

/** Build the index from the documents when it does not exist yet (first run). */
export async function ensureIndex(paths: Paths): Promise<void> {
  if (isCurrentIndex(paths.dbPath)) return;
  // Missing, or left by an older checkout with other tables: build it from the documents.
  process.stdout.write(`${existsSync(paths.dbPath) ? '索引版本过旧' : '首次运行'}：正在从 ${paths.dataDir} 建立索引……\n`);
  const { documents, roles, written } = await buildIndex(paths.dataDir, paths.dbPath);
  if (!written) throw new Error(`${paths.dataDir} 中没有可读取的文档，无法建立索引`);
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
  try {
    rl.setPrompt('> ');
    rl.prompt();
    let last: string | null = null;
    for await (const line of rl) {
      const q = line.trim();
      if (/^(exit|quit|退出)$/i.test(q)) break;
      const feedback = log.enabled ? FEEDBACK_INPUT.exec(q) : null;
      if (feedback) {
        process.stdout.write(consoleFeedback(log, last, feedback) + '\n\n');
      } else if (/^(help|帮助|\?)$/i.test(q)) process.stdout.write(HELP_TEXT + '\n\n');
      else {
        const answer = live.current().ask(q);
        last = log.record('console', answer);
        process.stdout.write(renderText(answer) + (last ? `\n${FEEDBACK_HINT}` : '') + '\n\n');
      }
      rl.prompt();
    }
  } finally {
    rl.close();
    live.close();
    log.close();
  }
}
