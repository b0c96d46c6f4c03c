/**
 * Problems in the new index that HR should look at, each with the document and line to fix; none stops a
 * refresh. 'notice' kinds are facts worth knowing rather than mistakes.
 */
import type { Role } from '../roles/schema.js';
import { richness } from '../search/indexer.js';
import { normalizeKey } from '../text/normalize.js';
import type { RoleRef } from './diff.js';
import { buildOrg, type Org } from './org.js';
import { NameIndex } from './similar.js';

type Counted = RoleRef & { duties: number };

export type Warning =
  | { kind: 'cycle'; roles: Array<RoleRef & { reportsTo: string }> }
  | { kind: 'selfReport'; role: RoleRef; reportsTo: string }
  | { kind: 'unknownReportsTo'; role: RoleRef; reportsTo: string; closest: string[] }
  | { kind: 'multipleTops'; file: string; roles: RoleRef[] }
  | { kind: 'duplicateInDocument'; title: string; file: string; roles: Counted[] }
  | { kind: 'conflict'; title: string; roles: Counted[]; answeredFirst: RoleRef }
  | { kind: 'sharedDuty'; duty: string; roles: RoleRef[] }
  | { kind: 'noDuties'; role: RoleRef }
  | { kind: 'sharedTitle'; title: string; roles: RoleRef[]; answeredFirst: RoleRef };

export type WarningKind = Warning['kind'];

/** Report order: what breaks the reporting structure first, facts last. */
export const WARNING_KINDS: readonly WarningKind[] = ['cycle', 'selfReport', 'unknownReportsTo', 'multipleTops', 'duplicateInDocument', 'conflict', 'sharedDuty', 'noDuties', 'sharedTitle'];
export const NOTICE_KINDS: ReadonlySet<WarningKind> = new Set(['sharedTitle']);

/**
 * A duty line shared word for word by more distinct titles than this is boilerplate ("完成上级交办的其他工作"),
 * not a question of ownership; shorter lines ("值班") are too generic to ask about either.
 */
export const SHARED_DUTY_MAX_TITLES = 4;
export const SHARED_DUTY_MIN_CHARS = 8;

const ref = (r: Role): RoleRef => ({ id: r.id, title: r.title, file: r.source.file, startLine: r.source.startLine });
const counted = (r: Role): Counted => ({ ...ref(r), duties: r.duties.length });

/** Where a warning points HR first: its first role's document and line. */
export function warningRefs(w: Warning): RoleRef[] {
  return 'roles' in w ? w.roles : [w.role];
}

/**
 * Identifies a warning across runs (to tell new ones from those still open): its kind, roles and names,
 * but no line numbers, so text moving within a document does not make an old warning new.
 */
export function warningKey(w: Warning): string {
  const roles = warningRefs(w).map((r) => `${r.file}\0${normalizeKey(r.title)}`).sort();
  const extra = w.kind === 'sharedDuty' ? normalizeKey(w.duty) : 'reportsTo' in w ? normalizeKey(w.reportsTo) : '';
  return [w.kind, extra, ...roles].join('\u0001');
}

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The role the bot shows first for a shared title: the fullest record, then the first indexed (as the answer engine orders them). */
function answeredFirst(group: Role[]): RoleRef {
  let best = group[0];
  for (const r of group) if (richness(r) > richness(best)) best = r;
  return ref(best);
}

function structure(org: Org, out: Warning[]): void {
  const { roles } = org;
  for (const cycle of org.cycles) out.push({ kind: 'cycle', roles: cycle.map((i) => ({ ...ref(roles[i]), reportsTo: roles[i].reportsTo ?? '' })) });
  const names = new NameIndex(roles.flatMap((r) => [r.title, ...r.aliases]));
  roles.forEach((r, i) => {
    if (org.self[i]) out.push({ kind: 'selfReport', role: ref(r), reportsTo: r.reportsTo! });
    if (org.unknown[i]) out.push({ kind: 'unknownReportsTo', role: ref(r), reportsTo: r.reportsTo!, closest: names.closest(r.reportsTo!) });
  });
  // Several roles at the top of one document's structure. Only where the document states a superior for most
  // of its roles: a handbook of unrelated job descriptions has no single top and says nothing about one.
  for (const [file, idx] of groupBy(roles.map((_, i) => i), (i) => roles[i].source.file)) {
    const stated = idx.filter((i) => roles[i].reportsTo || org.superior[i] !== null).length;
    if (stated * 2 < idx.length) continue;
    const tops = idx.filter((i) => !roles[i].reportsTo && org.superior[i] === null);
    if (tops.length > 1) out.push({ kind: 'multipleTops', file, roles: tops.map((i) => ref(roles[i])) });
  }
}

export function findWarnings(roles: Role[], org: Org = buildOrg(roles)): Warning[] {
  const out: Warning[] = [];
  structure(org, out);
  // each role's duties in canonical form, worked out once (normalizing is the costly part at 10k roles)
  const norm = org.key;
  const keys = new Map<Role, string[]>(roles.map((r) => [r, r.duties.map(norm)]));
  const dutySet = (r: Role) => [...new Set(keys.get(r))].sort().join('\n');

  for (const [, group] of groupBy(roles, (r) => `${r.source.file}\0${norm(r.title)}`)) {
    const withDuties = group.filter((r) => r.duties.length > 0);
    if (group.length > 1 && new Set(withDuties.map(dutySet)).size > 1) {
      out.push({ kind: 'duplicateInDocument', title: group[0].title, file: group[0].source.file, roles: group.map(counted) });
    }
  }

  // Same title (compared in canonical form) in several documents.
  const sharedTitles: Warning[] = [];
  for (const group of groupBy(roles, (r) => norm(r.title)).values()) {
    if (new Set(group.map((r) => r.source.file)).size < 2) continue;
    const withDuties = group.filter((r) => r.duties.length > 0);
    if (new Set(withDuties.map(dutySet)).size > 1) out.push({ kind: 'conflict', title: group[0].title, roles: group.map(counted), answeredFirst: answeredFirst(group) });
    else sharedTitles.push({ kind: 'sharedTitle', title: group[0].title, roles: group.map(ref), answeredFirst: answeredFirst(group) });
  }

  // The same duty line in roles of different titles: who really owns it?
  const byDuty = new Map<string, { duty: string; roles: Role[] }>();
  for (const r of roles) {
    const ks = keys.get(r)!;
    for (let j = 0; j < ks.length; j++) {
      const k = ks[j];
      const d = r.duties[j];
      if (k.length < SHARED_DUTY_MIN_CHARS) continue;
      const entry = byDuty.get(k);
      if (!entry) byDuty.set(k, { duty: d, roles: [r] });
      else if (entry.roles.at(-1) !== r) entry.roles.push(r);
    }
  }
  for (const { duty, roles: owners } of byDuty.values()) {
    const titles = new Set(owners.map((r) => norm(r.title))).size;
    if (titles >= 2 && titles <= SHARED_DUTY_MAX_TITLES) out.push({ kind: 'sharedDuty', duty, roles: owners.map(ref) });
  }

  for (const r of roles) if (r.duties.length === 0) out.push({ kind: 'noDuties', role: ref(r) });
  out.push(...sharedTitles);
  return out.sort((a, b) => WARNING_KINDS.indexOf(a.kind) - WARNING_KINDS.indexOf(b.kind));
}
