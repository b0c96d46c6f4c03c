/**
 * The refresh report as a renderer-neutral outline (headings, paragraphs, lists, tables of plain text), so the
 * markdown file and the terminal text say the same things in the same order.
 */
import type { FieldChange } from './diff.js';
import { WORDS, type Lang, type Line } from './i18n.js';
import type { DocumentOutcome, RefreshResult } from './run.js';
import { NOTICE_KINDS, WARNING_KINDS } from './warnings.js';
import { insightsReportSection } from '../insights/report-section.js';
import { glossaryReportItems } from '../words/glossary.js';
import { noRoleText } from './unread-text.js';

export type Item = Line & { children?: Item[] };
export type Block =
  | { t: 'title'; text: string }
  | { t: 'h2'; text: string }
  | { t: 'h3'; text: string }
  | { t: 'p'; line: Line }
  | { t: 'list'; items: Item[] }
  | { t: 'table'; head: string[]; rows: string[][] };

/** Distinct titles shown per document row (a document can list hundreds). */
const TITLES_PER_DOCUMENT = 10;

export function failed(r: RefreshResult): boolean {
  return r.exitCode === 2;
}

/** Counts for the summary; the JSON report carries the same numbers. A failed run changed no role and resolved nothing. */
export function summaryOf(r: RefreshResult) {
  const problems = r.warnings.filter((w) => !NOTICE_KINDS.has(w.kind));
  const applied = !failed(r);
  return {
    applied,
    documents: {
      found: r.documents.length,
      read: r.documents.filter((d) => d.status === 'ok').length,
      skipped: r.documents.filter((d) => d.status === 'skipped').length,
      unchanged: r.documents.filter((d) => d.status === 'ok' && d.change === 'unchanged').length,
      removed: r.deletedDocuments.length,
    },
    roles: applied ? { total: r.roles.length, added: r.diff.added.length, removed: r.diff.removed.length, changed: r.diff.changed.length } : { total: r.previous.roles, added: 0, removed: 0, changed: 0 },
    warnings: {
      new: problems.filter((w) => w.isNew).length,
      open: problems.filter((w) => !w.isNew).length,
      resolved: applied ? r.resolvedWarnings : 0,
      notices: r.warnings.length - problems.length,
    },
  };
}

/** "客服主管 ×2、保洁员、… 等，另有 40 个": distinct titles with their counts, the first few only. */
export function titlesText(d: DocumentOutcome, lang: Lang): string {
  const counts = new Map<string, number>();
  for (const t of d.titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  const shown = [...counts].slice(0, TITLES_PER_DOCUMENT).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
  const rest = counts.size - shown.length;
  return `${d.roles}: ${shown.join(lang === 'zh' ? '、' : ', ')}${rest > 0 ? ` ${WORDS[lang].more(rest)}` : ''}`;
}

export function outcomeLine(r: RefreshResult, lang: Lang): Line {
  const w = WORDS[lang];
  if (r.written) return { strong: w.updated, text: `${lang === 'zh' ? '：' : ': '}${r.dbPath}` };
  if (failed(r)) return { strong: w.notUpdated(r.notWritten ?? ''), text: '' };
  return { strong: w.checkOnly, text: '' };
}

function fieldItems(c: FieldChange, lang: Lang): Item {
  const w = WORDS[lang];
  const name = w.field[c.field];
  if (c.kind === 'value') return { text: `${name}: ${c.before ?? w.none} → ${c.after ?? w.none}` };
  if (!c.added.length && !c.removed.length) return { text: `${name}: ${w.sameItemsNewOrder}` };
  return { text: `${name}: ${w.listCounts(c.added.length, c.removed.length)}`, children: [...c.added.map((x) => ({ text: `+ ${x}` })), ...c.removed.map((x) => ({ text: `− ${x}` }))] };
}

export function outline(r: RefreshResult, lang: Lang): Block[] {
  const w = WORDS[lang];
  const s = summaryOf(r);
  const prevRoles = r.previous.exists ? (r.previous.error ? w.unreadable : String(r.previous.roles)) : w.noPrevious;
  const out: Block[] = [
    { t: 'title', text: w.reportTitle(r.startedAt.replace('T', ' ').slice(0, 16)) },
    { t: 'p', line: outcomeLine(r, lang) },
    { t: 'h2', text: w.summary },
    {
      t: 'list',
      items: [
        { text: w.documents(s.documents.read, s.documents.skipped, s.documents.found, s.documents.unchanged) },
        { text: s.applied ? w.roles(s.roles.total, s.roles.added, s.roles.removed, s.roles.changed, prevRoles) : w.rolesKept(prevRoles) },
        { text: w.warnings(s.warnings.new, s.warnings.open, s.warnings.resolved, s.warnings.notices, r.previous.warningsRecorded) },
        { text: w.folder(r.dataDir) },
        { text: w.took(r.durationMs / 1000) },
      ],
    },
  ];
  if (failed(r)) out.push({ t: 'p', line: { text: w.failedSaved } });
  if (r.previous.exists && !r.previous.error && !r.previous.sameExtractor) out.push({ t: 'p', line: { text: w.extractorChanged } });
  if (r.previous.error) out.push({ t: 'p', line: { text: w.previousError(r.previous.error) } });

  const rows = r.documents.map((d) => [d.file, d.status === 'ok' ? w.docResult(d.change) : w.skipped(d.reason ?? ''), d.status === 'ok' ? (d.roles ? titlesText(d, lang) : noRoleText(d.reason, w)) : '-']);
  for (const f of r.deletedDocuments) rows.push([f, w.removedFromFolder, '-']);
  out.push({ t: 'h2', text: w.documentsHeading }, { t: 'table', head: [...w.docHead], rows });

  const { added, removed, changed } = r.diff;
  out.push({ t: 'h2', text: w.changesHeading });
  // A failed run changed nothing: listing "removed" roles would only alarm.
  if (failed(r)) out.push({ t: 'p', line: { text: w.notApplied } });
  else if (!added.length && !removed.length && !changed.length) out.push({ t: 'p', line: { text: w.noChange } });
  else {
    const at = (x: { file: string; startLine: number }) => (lang === 'zh' ? `（${w.at(x)}）` : `(${w.at(x)})`);
    if (added.length) out.push({ t: 'h3', text: `${w.added} (${added.length})` }, { t: 'list', items: added.map((x) => ({ strong: x.title, text: at(x) })) });
    if (removed.length) out.push({ t: 'h3', text: `${w.removed} (${removed.length})` }, { t: 'list', items: removed.map((x) => ({ strong: x.title, text: at(x) })) });
    if (changed.length) {
      out.push({ t: 'h3', text: `${w.changed} (${changed.length})` });
      out.push({ t: 'list', items: changed.map((c) => ({ strong: c.title, text: `${at(c)}${lang === 'zh' ? '：' : ': '}${c.fields.map((f) => w.field[f.field]).join(lang === 'zh' ? '、' : ', ')}`, children: c.fields.map((f) => fieldItems(f, lang)) })) });
    }
  }

  out.push({ t: 'h2', text: w.warningsHeading });
  const glossary = glossaryReportItems(r.glossary);
  if (!r.warnings.length && !glossary.length) out.push({ t: 'p', line: { text: w.noWarnings } });
  if (glossary.length) out.push({ t: 'h3', text: `${w.glossaryHeading} (${glossary.length})` }, { t: 'list', items: glossary.map((text) => ({ text })) });
  for (const kind of WARNING_KINDS) {
    const ws = r.warnings.filter((x) => x.kind === kind);
    if (!ws.length) continue;
    const fresh = ws.filter((x) => x.isNew).length;
    out.push({ t: 'h3', text: `${w.kind[kind]} (${ws.length}${fresh && fresh < ws.length ? `, ${w.newTag} ${fresh}` : ''})` });
    out.push({
      t: 'list',
      items: ws.map((x) => {
        const line = w.warning(x);
        return x.isNew && r.previous.warningsRecorded ? { ...line, strong: `[${w.newTag}] ${line.strong ?? ''}` } : line;
      }),
    });
  }
  out.push(...insightBlocks(insightsReportSection(r.dbPath)));
  return out;
}

/** The question-log insights (markdown lines, src/insights) as report blocks. */
function insightBlocks(lines: string[]): Block[] {
  const plain = (t: string) => t.replace(/\\([\\`*|<>])/g, '$1');
  const out: Block[] = [];
  for (const l of lines.filter((x) => x.trim())) {
    if (l.startsWith('## ')) out.push({ t: 'h2', text: plain(l.slice(3)) });
    else if (l.startsWith('### ')) out.push({ t: 'h3', text: plain(l.slice(4)) });
    else if (l.startsWith('- ')) {
      const last = out[out.length - 1];
      const item = { text: plain(l.slice(2)) };
      if (last?.t === 'list') last.items.push(item);
      else out.push({ t: 'list', items: [item] });
    } else out.push({ t: 'p', line: { text: plain(l) } });
  }
  return out;
}
