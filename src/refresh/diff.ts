/** What changed between the previous index and the new one, role by role (ids are stable per file+title). */
import type { Role } from '../roles/schema.js';
import { normalizeKey } from '../text/normalize.js';

/** The content fields HR edits; source lines are left out, since moving text is not a change of content. */
export const COMPARED_FIELDS = ['title', 'aliases', 'department', 'reportsTo', 'directReports', 'duties', 'requirements'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type RoleRef = { id: string; title: string; file: string; startLine: number };

export type FieldChange =
  | { field: ComparedField; kind: 'value'; before: string | null; after: string | null }
  | { field: ComparedField; kind: 'list'; added: string[]; removed: string[] };

export type RoleChange = RoleRef & { previousId: string; fields: FieldChange[] };

export type RoleDiff = { added: RoleRef[]; removed: RoleRef[]; changed: RoleChange[] };

const ref = (r: Role): RoleRef => ({ id: r.id, title: r.title, file: r.source.file, startLine: r.source.startLine });

function listChange(field: ComparedField, before: string[], after: string[]): FieldChange | null {
  const b = new Set(before);
  const a = new Set(after);
  const added = after.filter((x) => !b.has(x));
  const removed = before.filter((x) => !a.has(x));
  if (added.length || removed.length) return { field, kind: 'list', added, removed };
  // Same items, new order: still a change HR made, shown as the reordered list.
  if (before.join('\n') !== after.join('\n')) return { field, kind: 'list', added: [], removed: [] };
  return null;
}

export function fieldChanges(before: Role, after: Role): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    const b = before[field];
    const a = after[field];
    const c = Array.isArray(b) && Array.isArray(a) ? listChange(field, b, a) : b === a ? null : ({ field, kind: 'value', before: b as string | null, after: a as string | null } as const);
    if (c) out.push(c);
  }
  return out;
}

const dutiesKey = (r: Role) => r.duties.map(normalizeKey).join('\n');

/**
 * Roles matched by id; then a removed and an added role in the same file with the same non-empty
 * duties are one renamed role (a title edit changes the id), reported as a title change.
 */
export function diffRoles(previous: Role[], next: Role[]): RoleDiff {
  const prevById = new Map(previous.map((r) => [r.id, r]));
  const nextIds = new Set(next.map((r) => r.id));
  const changed: RoleChange[] = [];
  const added: Role[] = [];
  for (const r of next) {
    const old = prevById.get(r.id);
    if (!old) added.push(r);
    else {
      const fields = fieldChanges(old, r);
      if (fields.length) changed.push({ ...ref(r), previousId: old.id, fields });
    }
  }
  const removed = previous.filter((r) => !nextIds.has(r.id));
  const renamedFrom = new Set<Role>();
  const stillAdded: Role[] = [];
  for (const r of added) {
    const from = r.duties.length ? removed.find((o) => !renamedFrom.has(o) && o.source.file === r.source.file && dutiesKey(o) === dutiesKey(r)) : undefined;
    if (from) {
      renamedFrom.add(from);
      changed.push({ ...ref(r), previousId: from.id, fields: fieldChanges(from, r) });
    } else stillAdded.push(r);
  }
  return {
    added: stillAdded.map(ref),
    removed: removed.filter((r) => !renamedFrom.has(r)).map(ref),
    changed,
  };
}
