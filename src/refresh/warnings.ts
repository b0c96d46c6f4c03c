/** Problems in the new index that HR should look at; none stops a refresh. */
import type { Role } from '../roles/schema.js';
import { normalizeKey } from '../text/normalize.js';
import type { RoleRef } from './diff.js';

export type Warning =
  | { kind: 'noDuties'; role: RoleRef }
  | { kind: 'conflict'; title: string; roles: Array<RoleRef & { duties: number }> }
  | { kind: 'unknownReportsTo'; role: RoleRef; reportsTo: string };

const ref = (r: Role): RoleRef => ({ id: r.id, title: r.title, file: r.source.file, startLine: r.source.startLine });
const dutySet = (r: Role) => [...new Set(r.duties.map(normalizeKey))].sort().join('\n');

export function findWarnings(roles: Role[]): Warning[] {
  const out: Warning[] = [];
  for (const r of roles) if (r.duties.length === 0) out.push({ kind: 'noDuties', role: ref(r) });

  // Same title (compared in canonical form) in several documents whose duties differ: which is right?
  const byTitle = new Map<string, Role[]>();
  for (const r of roles) {
    const k = normalizeKey(r.title);
    const group = byTitle.get(k);
    if (group) group.push(r);
    else byTitle.set(k, [r]);
  }
  for (const group of byTitle.values()) {
    const files = new Set(group.map((r) => r.source.file));
    const withDuties = group.filter((r) => r.duties.length > 0);
    if (files.size < 2 || new Set(withDuties.map(dutySet)).size < 2) continue;
    out.push({ kind: 'conflict', title: group[0].title, roles: group.map((r) => ({ ...ref(r), duties: r.duties.length })) });
  }

  const known = new Set(roles.flatMap((r) => [r.title, ...r.aliases].map(normalizeKey)));
  // "客服主管/副主管" names alternatives: known when any of them is a role.
  const isKnown = (name: string) => known.has(normalizeKey(name)) || name.split(/[/／、]|或/).some((part) => part.trim() && known.has(normalizeKey(part)));
  for (const r of roles) {
    if (r.reportsTo && !isKnown(r.reportsTo)) out.push({ kind: 'unknownReportsTo', role: ref(r), reportsTo: r.reportsTo });
  }
  return out;
}
