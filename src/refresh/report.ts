/** The refresh report HR reads: JSON for tools, markdown for people (printed and saved next to the index). */
import { renameSync, writeFileSync } from 'node:fs';
import { insightsReportSection } from '../insights/report-section.js';
import type { FieldChange, RoleRef } from './diff.js';
import type { RefreshResult } from './run.js';
import type { Warning } from './warnings.js';

export type RefreshReport = Omit<RefreshResult, 'roles'> & { roleCount: number };

export function toReport(r: RefreshResult): RefreshReport {
  const { roles, ...rest } = r;
  return { ...rest, roleCount: roles.length };
}

/** Where the report of a refresh of dbPath is saved. */
export function reportPaths(dbPath: string): { md: string; json: string } {
  return { md: `${dbPath}.report.md`, json: `${dbPath}.report.json` };
}

/** Document text inside a markdown table or list: no pipes, no line breaks, no markup of its own. */
const md = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*|<>])/g, '\\$1');
const at = (r: RoleRef) => `${md(r.file)} line ${r.startLine}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const FIELD_NAMES: Record<FieldChange['field'], string> = {
  title: 'title',
  aliases: 'aliases',
  department: 'department',
  reportsTo: 'reports to',
  directReports: 'direct reports',
  duties: 'duties',
  requirements: 'requirements',
};

function fieldLines(c: FieldChange): string[] {
  const name = FIELD_NAMES[c.field];
  if (c.kind === 'value') return [`  - ${name}: ${c.before === null ? '(none)' : md(c.before)} → ${c.after === null ? '(none)' : md(c.after)}`];
  if (!c.added.length && !c.removed.length) return [`  - ${name}: same items, new order`];
  return [
    `  - ${name}: ${c.added.length} added, ${c.removed.length} removed`,
    ...c.added.map((x) => `    - \\+ ${md(x)}`),
    ...c.removed.map((x) => `    - − ${md(x)}`),
  ];
}

function warningLine(w: Warning): string {
  switch (w.kind) {
    case 'noDuties':
      return `- **${md(w.role.title)}** (${at(w.role)}): no duties found`;
    case 'conflict':
      return `- **${md(w.title)}** has different duties in: ${w.roles.map((r) => `${at(r)} (${plural(r.duties, 'duty', 'duties')})`).join('; ')}`;
    case 'unknownReportsTo':
      return `- **${md(w.role.title)}** (${at(w.role)}) reports to “${md(w.reportsTo)}”, which is no role in any document`;
  }
}

function outcome(r: RefreshResult): string {
  if (r.written) return `**Index updated**: ${md(r.dbPath)}`;
  if (r.exitCode === 2) return `**Index NOT updated** (${md(r.notWritten ?? '')}); the previous index keeps serving`;
  return '**Check only**: nothing was written; the previous index keeps serving';
}

export function renderMarkdown(r: RefreshResult): string {
  const ok = r.documents.filter((d) => d.status === 'ok');
  const skipped = r.documents.filter((d) => d.status === 'skipped');
  const unchanged = ok.filter((d) => d.change === 'unchanged').length;
  const { added, removed, changed } = r.diff;
  const out: string[] = [
    `# Role index refresh, ${r.startedAt.replace('T', ' ').slice(0, 16)} UTC`,
    '',
    outcome(r),
    '',
    `- Documents folder: ${md(r.dataDir)}`,
    `- Documents: ${r.documents.length} found, ${ok.length} indexed (${unchanged} unchanged), ${skipped.length} skipped`,
    `- Roles: ${r.roles.length} (previous index: ${r.previous.exists ? (r.previous.error ? 'unreadable' : r.previous.roles) : 'none'})`,
    `- Changes: ${added.length} added, ${removed.length} removed, ${changed.length} changed`,
    `- Warnings: ${r.warnings.length}`,
    `- Took ${(r.durationMs / 1000).toFixed(1)} s`,
  ];
  if (r.previous.exists && !r.previous.error && !r.previous.sameExtractor) {
    out.push('', 'Note: the extraction rules changed since the previous index (or it was built another way), so every document was read again.');
  }
  if (r.previous.error) out.push('', `Note: the previous index could not be read (${md(r.previous.error)}), so every role counts as added.`);

  out.push('', '## Documents', '', '| Document | Result | Roles found |', '| --- | --- | --- |');
  for (const d of r.documents) {
    const result = d.status === 'ok' ? (d.change === 'unchanged' ? 'indexed (unchanged)' : `indexed (${d.change})`) : `**skipped**: ${md(d.reason ?? '')}`;
    const roles = d.status === 'ok' ? (d.roles ? `${d.roles}: ${d.titles.map(md).join(', ')}` : '0 (no role found)') : '-';
    out.push(`| ${md(d.file)} | ${result} | ${roles} |`);
  }
  for (const f of r.deletedDocuments) out.push(`| ${md(f)} | **removed** from the folder | - |`);

  out.push('', '## Changes since the previous index');
  if (!added.length && !removed.length && !changed.length) out.push('', 'No role changed.');
  if (added.length) out.push('', `### Added (${added.length})`, '', ...added.map((x) => `- **${md(x.title)}** (${at(x)})`));
  if (removed.length) out.push('', `### Removed (${removed.length})`, '', ...removed.map((x) => `- **${md(x.title)}** (${at(x)})`));
  if (changed.length) {
    out.push('', `### Changed (${changed.length})`, '');
    for (const c of changed) out.push(`- **${md(c.title)}** (${at(c)}): ${c.fields.map((f) => FIELD_NAMES[f.field]).join(', ')}`, ...c.fields.flatMap(fieldLines));
  }

  const sections: Array<[Warning['kind'], string]> = [
    ['conflict', 'Same title, different duties: decide which document is right'],
    ['noDuties', 'Roles with no duties'],
    ['unknownReportsTo', 'Reporting to a role that exists nowhere'],
  ];
  out.push('', '## Warnings');
  if (!r.warnings.length) out.push('', 'None.');
  for (const [kind, heading] of sections) {
    const ws = r.warnings.filter((w) => w.kind === kind);
    if (ws.length) out.push('', `### ${heading} (${ws.length})`, '', ...ws.map(warningLine));
  }
  out.push(...insightsReportSection(r.dbPath));
  return out.join('\n') + '\n';
}

/** Written whole (temp file + rename) so a reader never sees half a report. */
export function writeReport(r: RefreshResult): { md: string; json: string } {
  const paths = reportPaths(r.dbPath);
  for (const [file, text] of [
    [paths.md, renderMarkdown(r)],
    [paths.json, JSON.stringify(toReport(r), null, 2) + '\n'],
  ] as const) {
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return paths;
}
