/**
 * The interactive console (npm start without Slack tokens): readable Chinese answers on the bundled documents.
 * Builds the index from the documents on first run if it is missing.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { openAnswerer } from './answer/engine.js';
import { loadGlossaryPath, type Paths } from './config.js';
import { GLOSSARY_META, loadGlossary } from './words/glossary.js';
import { buildIndex } from './ingest/build.js';
import { HELP_TEXT, renderText } from './render/text.js';
import { isCurrentIndex } from './store/db.js';
import { createLiveIndex } from './store/live.js';

/** Build the index from the documents when it does not exist yet (first run). */
export async function ensureIndex(paths: Paths): Promise<void> {
  if (isCurrentIndex(paths.dbPath)) return;
  // Missing, or left by an older checkout with other tables: build it from the documents.
  process.stdout.write(`${existsSync(paths.dbPath) ? '索引版本过旧' : '首次运行'}：正在从 ${paths.dataDir} 建立索引……\n`);
  // the glossary as npm run index stores it; an invalid one is left out here (npm run index names the problem)
  const glossary = loadGlossary(loadGlossaryPath());
  const meta: Record<string, string> = glossary instanceof Error ? {} : { [GLOSSARY_META]: glossary.toJSON() };
  const { documents, roles, written } = await buildIndex(paths.dataDir, paths.dbPath, { meta });
  if (!written) throw new Error(`${paths.dataDir} 中没有可读取的文档，无法建立索引`);
  for (const d of documents) if (d.status === 'skipped') process.stdout.write(`  跳过 ${d.file}：${d.reason}\n`);
  process.stdout.write(`索引已建立：${roles.length} 个岗位，${documents.length} 个文档。\n`);
}

export async function runConsole(paths: Paths): Promise<void> {
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
    for await (const line of rl) {
      const q = line.trim();
      if (/^(exit|quit|退出)$/i.test(q)) break;
      process.stdout.write((/^(help|帮助|\?)$/i.test(q) ? HELP_TEXT : renderText(live.current().ask(q))) + '\n\n');
      rl.prompt();
    }
  } finally {
    rl.close();
    live.close();
  }
}
