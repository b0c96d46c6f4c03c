/**
 * What HR learns from the question log: questions with no answer or a weak one (grouped after
 * normalization, counted, each with the closest roles so HR can add a document, an alias or a glossary
 * entry), answers marked 不对 with their comments, the most asked roles, and roles nobody asked about.
 * A pure function of the log rows and the current index, shared by `npm run insights`, the refresh report
 * and the App Home tab.
 */
import type { Answerer } from '../answer/types.js';
import type { LogRow, VoteRow } from '../log/question-log.js';
import { toAskJson } from '../render/json.js';
import { normalizeKey } from '../text/normalize.js';

type RoleRef = { id: string; title: string };

export type Insights = {
  unanswered: Array<{ question: string; count: number; closest: RoleRef[] }>;
  negative: Array<{ question: string; count: number; comments: string[] }>;
  topRoles: Array<RoleRef & { count: number }>;
  neverAsked: RoleRef[];
};

export type InsightsIndex = {
  roles: RoleRef[];
  /** The current index's answerer: closest roles are worked out against it, so they reflect a refresh since. */
  answerer?: Pick<Answerer, 'ask'>;
};

export const CLOSEST_ROLES = 3;
export const TOP_ROLES = 20;

/** Same question however typed: traditional/simplified, width, case, punctuation and spaces folded. */
export function groupKey(question: string): string {
  return normalizeKey(question) || question.trim().toLowerCase();
}

type Group<T> = { key: string; forms: Map<string, number>; items: T[] };

/** Items grouped by their question's key, largest group first, each shown as its most frequent wording. */
function groupByQuestion<T>(items: T[], question: (t: T) => string): Array<{ question: string; items: T[] }> {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const q = question(item).trim();
    const key = groupKey(q);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, forms: new Map(), items: [] }));
    g.forms.set(q, (g.forms.get(q) ?? 0) + 1);
    g.items.push(item);
  }
  return [...groups.values()]
    .map((g) => ({ question: [...g.forms].sort((a, b) => b[1] - a[1])[0][0], items: g.items }))
    .sort((a, b) => b.items.length - a.items.length || a.question.localeCompare(b.question));
}

/** The roles logged for these rows, most often first. */
function loggedClosest(rows: LogRow[]): RoleRef[] {
  const seen = new Map<string, { ref: RoleRef; n: number }>();
  for (const r of rows) for (const x of r.results) {
    const s = seen.get(x.id);
    if (s) s.n++;
    else seen.set(x.id, { ref: { id: x.id, title: x.title }, n: 1 });
  }
  return [...seen.values()].sort((a, b) => b.n - a.n).map((s) => s.ref);
}

function closest(question: string, rows: LogRow[], index: InsightsIndex | null): RoleRef[] {
  const known = index ? new Set(index.roles.map((r) => r.id)) : null;
  const fromIndex = index?.answerer ? toAskJson(index.answerer.ask(question)).results.map(({ id, title }) => ({ id, title })) : [];
  // roles no longer in the index are not worth pointing HR at
  const logged = loggedClosest(rows).filter((r) => !known || known.has(r.id));
  const out: RoleRef[] = [];
  for (const r of [...fromIndex, ...logged]) if (!out.some((o) => o.id === r.id)) out.push(r);
  return out.slice(0, CLOSEST_ROLES);
}

export function computeInsights(rows: LogRow[], votes: VoteRow[], index: InsightsIndex | null): Insights {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const titles = new Map(index?.roles.map((r) => [r.id, r.title]) ?? []);

  // questions people typed (cards opened with a button are not questions) that found nothing or little
  const missed = rows.filter((r) => r.surface !== 'button' && r.outcome !== 'found');
  const unanswered = groupByQuestion(missed, (r) => r.question).map((g) => ({
    question: g.question,
    count: g.items.length,
    closest: closest(g.question, g.items, index),
  }));

  const down = votes.filter((v) => v.vote === 'down' && byId.has(v.answer));
  const negative = groupByQuestion(down, (v) => byId.get(v.answer)!.question).map((g) => ({
    question: g.question,
    count: g.items.length,
    comments: g.items.map((v) => v.comment?.trim() ?? '').filter(Boolean),
  }));

  const counts = new Map<string, { ref: RoleRef; count: number }>();
  const asked = new Set<string>();
  for (const r of rows) {
    // a weak match is no evidence anyone wanted that role
    if (r.outcome !== 'found') continue;
    for (const x of r.results) asked.add(x.id);
    const best = r.results[0];
    if (!best) continue;
    const c = counts.get(best.id);
    if (c) c.count++;
    else counts.set(best.id, { ref: { id: best.id, title: titles.get(best.id) ?? best.title }, count: 1 });
  }
  const topRoles = [...counts.values()]
    .filter((c) => !index || titles.has(c.ref.id))
    .sort((a, b) => b.count - a.count || a.ref.title.localeCompare(b.ref.title))
    .slice(0, TOP_ROLES)
    .map((c) => ({ ...c.ref, count: c.count }));

  const neverAsked = (index?.roles ?? []).filter((r) => !asked.has(r.id)).map(({ id, title }) => ({ id, title }));
  return { unanswered, negative, topRoles, neverAsked };
}
