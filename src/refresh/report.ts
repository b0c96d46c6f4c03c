/**
 * The refresh report HR reads: plain text on the terminal, markdown and JSON (for tools) and a self-contained
 * HTML page saved next to the index. A failed run saves its report as .report.failed.* and never replaces
 * the last good one.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { renderHtml } from './html.js';
import type { Lang, Line } from './i18n.js';
import { failed, outline, summaryOf, type Block, type Item } from './outline.js';
import type { RefreshResult } from './run.js';
import { GLUED, renderTerminal, terminalWidth } from './terminal.js';

export type RefreshReport = Omit<RefreshResult, 'roles'> & { roleCount: number; lang: Lang; summary: ReturnType<typeof summaryOf> };

export function toReport(r: RefreshResult, lang: Lang = 'zh'): RefreshReport {
  const { roles, ...rest } = r;
  return { ...rest, roleCount: roles.length, lang, summary: summaryOf(r) };
}

export type ReportPaths = { md: string; json: string; html: string };

/** Where the report of a refresh of dbPath is saved; a failed run's goes beside the last good one. */
export function reportPaths(dbPath: string, kind: 'good' | 'failed' = 'good'): ReportPaths {
  const base = `${dbPath}.report${kind === 'failed' ? '.failed' : ''}`;
  return { md: `${base}.md`, json: `${base}.json`, html: `${base}.html` };
}

/** Document text inside a markdown table or list: no pipes, no line breaks, no markup of its own. */
const md = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_|<>[\]])/g, '\\$1').replace(/^([+\-#>]|\d+\.)/, '\\$1');
const mdLine = (l: Line) => {
  const text = md(l.text);
  if (!l.strong) return text;
  return `**${md(l.strong)}**${!text || GLUED.test(l.text) ? '' : ' '}${text}`;
};

function mdItems(items: Item[], depth: number): string[] {
  return items.flatMap((it) => [`${'  '.repeat(depth)}- ${mdLine(it)}`, ...(it.children ? mdItems(it.children, depth + 1) : [])]);
}

export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t === 'list') {
      out.push(...mdItems(b.items, 0));
      continue;
    }
    if (out.length) out.push('');
    if (b.t === 'title') out.push(`# ${md(b.text)}`);
    else if (b.t === 'h2') out.push(`## ${md(b.text)}`);
    else if (b.t === 'h3') out.push(`### ${md(b.text)}`);
    else if (b.t === 'p') out.push(mdLine(b.line));
    else out.push(`| ${b.head.map(md).join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(md).join(' | ')} |`));
    // a list directly after a heading or paragraph needs its blank line
    if (b.t !== 'table') out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function renderMarkdown(r: RefreshResult, lang: Lang = 'zh'): string {
  return blocksToMarkdown(outline(r, lang));
}

/** For the terminal: plain text wrapped to `columns` (the terminal's width; 80 when not a terminal). */
export function renderText(r: RefreshResult, lang: Lang = 'zh', columns?: number): string {
  return renderTerminal(outline(r, lang), terminalWidth(columns));
}

/** Written whole (temp file + rename) so a reader never sees half a report. */
function writeWhole(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Saves the report next to the index. A good run replaces the report (and clears an older failed one);
 * a failed run (exit 2) writes .report.failed.* and leaves the last good report byte for byte as it was.
 * Every text is rendered before anything is written, so a rendering error leaves no mix of old and new.
 */
export function writeReport(r: RefreshResult, lang: Lang = 'zh'): ReportPaths & { failed: boolean } {
  const isFailed = failed(r);
  const paths = reportPaths(r.dbPath, isFailed ? 'failed' : 'good');
  const texts: Array<[string, string]> = [
    [paths.md, renderMarkdown(r, lang)],
    [paths.json, JSON.stringify(toReport(r, lang), null, 2) + '\n'],
    [paths.html, renderHtml(r, lang)],
  ];
  for (const [file, text] of texts) writeWhole(file, text);
  if (!isFailed) for (const stale of Object.values(reportPaths(r.dbPath, 'failed'))) if (existsSync(stale)) rmSync(stale, { force: true });
  return { ...paths, failed: isFailed };
}
