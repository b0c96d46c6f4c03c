/**
 * The index as a list, for the App Home tab and insights: every role's id, title and department, grouped
 * by department, and the roles the last refresh added or changed (from the refresh report beside the
 * index). Read once per index file on first use and kept; a refreshed index gets a new catalog.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { reportPaths } from '../refresh/report.js';
import { loadRoleSummaries, type RoleSummary } from './summaries.js';

export type { RoleSummary } from './summaries.js';
export type Department = { name: string | null; roles: RoleSummary[] };
export type RecentChanges = { at: string | null; added: RoleSummary[]; changed: RoleSummary[] };

/** Only what the Home tab shows of the refresh report: tolerant of fields it does not use. */
const ReportSchema = z.object({
  startedAt: z.string().nullish(),
  written: z.boolean().optional(),
  diff: z.object({
    added: z.array(z.object({ id: z.string(), title: z.string() })),
    changed: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
});

/** What the Home tab reads from the index. */
export interface RoleCatalog {
  roles(): RoleSummary[];
  departments(): Department[];
  recentChanges(): RecentChanges | null;
}

/** Chinese names in pinyin order, as people look them up. */
const COLLATOR = new Intl.Collator('zh-Hans-CN');

/** Departments by name (roles without one last), roles by title within each. */
export function groupByDepartment(roles: RoleSummary[]): Department[] {
  const groups = new Map<string | null, RoleSummary[]>();
  for (const r of roles) {
    const list = groups.get(r.department);
    if (list) list.push(r);
    else groups.set(r.department, [r]);
  }
  const cmp = COLLATOR.compare;
  return [...groups]
    .map(([name, list]) => ({ name, roles: list.sort((a, b) => cmp(a.title, b.title)) }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : cmp(a.name, b.name)));
}

export class Catalog implements RoleCatalog {
  private list: RoleSummary[] | null = null;
  private byDept: Department[] | null = null;

  constructor(readonly dbPath: string) {}

  roles(): RoleSummary[] {
    this.list ??= loadRoleSummaries(this.dbPath);
    return this.list;
  }

  departments(): Department[] {
    this.byDept ??= groupByDepartment(this.roles());
    return this.byDept;
  }

  /** Roles added or changed by the last refresh that wrote this index; null without a readable report. */
  recentChanges(): RecentChanges | null {
    let report: z.infer<typeof ReportSchema>;
    try {
      report = ReportSchema.parse(JSON.parse(readFileSync(reportPaths(this.dbPath).json, 'utf8')));
    } catch {
      return null;
    }
    if (report.written === false) return null;
    const byId = new Map(this.roles().map((r) => [r.id, r]));
    // only roles still in this index (the report may be older than the index)
    const pick = (refs: Array<{ id: string }>) => refs.map((x) => byId.get(x.id)).filter((r): r is RoleSummary => r !== undefined);
    return { at: report.startedAt ?? null, added: pick(report.diff.added), changed: pick(report.diff.changed) };
  }
}
