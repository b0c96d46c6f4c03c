/**
 * How long the refresh report takes for an index of N roles: the structure checks, the diff, and each saved
 * or printed format. Timed in-process on the roles the bench built (its "report" step) or on the seeded report
 * corpus (npm run bench:report).
 */
import type { Role } from '../roles/schema.js';
import { diffRoles } from '../refresh/diff.js';
import { renderHtml } from '../refresh/html.js';
import { buildOrg } from '../refresh/org.js';
import { renderMarkdown, renderText, toReport } from '../refresh/report.js';
import { findWarnings, warningKey } from '../refresh/warnings.js';
import { previousOf, refreshResultOf } from './report-corpus.js';

export type ReportTiming = {
  roles: number;
  warnings: number;
  htmlBytes: number;
  /** Each step's wall time in ms, first (cold) run. */
  steps: { checks: number; diff: number; text: number; markdown: number; json: number; html: number };
  /** Whole report, first run, and the median of `runs` runs. */
  totalMs: number;
  /** CPU time of the first run (user + system): on a shared machine wall time also counts waiting for a core. */
  cpuMs: number;
  medianMs: number;
};

function once(roles: Role[]): { steps: ReportTiming['steps']; warnings: number; htmlBytes: number; cpuMs: number } {
  const base = refreshResultOf(roles);
  const previous = previousOf(roles);
  const cpu = process.cpuUsage();
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const org = buildOrg(roles);
  const warnings = findWarnings(roles, org).map((w) => ({ ...w, key: warningKey(w), isNew: false }));
  const checks = lap();
  const diff = diffRoles(previous, roles);
  const diffMs = lap();
  const r = { ...base, warnings, diff };
  renderText(r, 'zh', 100);
  const text = lap();
  renderMarkdown(r);
  const markdown = lap();
  JSON.stringify(toReport(r), null, 2);
  const json = lap();
  const html = renderHtml(r, 'zh', org);
  const steps = { checks, diff: diffMs, text, markdown, json, html: lap() };
  const used = process.cpuUsage(cpu);
  return { steps, warnings: warnings.length, htmlBytes: Buffer.byteLength(html), cpuMs: (used.user + used.system) / 1000 };
}

export function timeReport(roles: Role[], runs = 3): ReportTiming {
  const results = Array.from({ length: runs }, () => once(roles));
  const totals = results.map((x) => Object.values(x.steps).reduce((a, b) => a + b, 0));
  const first = results[0];
  return { roles: roles.length, warnings: first.warnings, htmlBytes: first.htmlBytes, steps: first.steps, totalMs: totals[0], cpuMs: first.cpuMs, medianMs: [...totals].sort((a, b) => a - b)[Math.floor(runs / 2)] };
}

export function describeTiming(t: ReportTiming): string {
  const s = Object.entries(t.steps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  return `report for ${t.roles.toLocaleString('en')} roles: ${(t.totalMs / 1000).toFixed(2)} s first run (CPU ${(t.cpuMs / 1000).toFixed(2)} s), ${(t.medianMs / 1000).toFixed(2)} s median (${s} ms; ${t.warnings} warnings, HTML ${(t.htmlBytes / 1048576).toFixed(1)} MB)`;
}

/** The target: the whole report for 10,000 roles in under 2 s. */
export const REPORT_TARGET_MS = 2000;
/** Larger indexes are not timed by npm run bench (their HTML page alone is tens of MB). */
export const REPORT_MAX_ROLES = 20_000;
