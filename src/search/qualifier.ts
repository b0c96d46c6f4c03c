/**
 * Roles sharing a title told apart by a qualifier typed with the name: its department or its document, in any of
 * the ways people write it (客服主管（市场管理中心）, 市场管理中心的客服主管, 市场管理中心 客服主管, 客服主管 000). Works
 * on key-form text (punctuation and spaces already gone), so every form is one name next to one qualifier.
 */
import path from 'node:path';
import type { Role } from '../roles/schema.js';
import { normalizeKey } from '../text/normalize.js';

export type Qualified = { title: string; qualifier: string };

/**
 * Every way to read a key as a title before or after a qualifier, longest title first. titlesAmong returns which of
 * the given keys are titles or aliases (one lookup for all the key's heads and tails).
 */
export function qualifiedReadings(key: string, titlesAmong: (keys: string[]) => Set<string>): Qualified[] {
  const chars = Array.from(key);
  const splits: Array<{ head: string; tail: string }> = [];
  for (let i = 1; i < chars.length; i++) splits.push({ head: chars.slice(0, i).join(''), tail: chars.slice(i).join('') });
  const titles = titlesAmong(splits.flatMap((s) => [s.head, s.tail]));
  const out: Qualified[] = [];
  for (const { head, tail } of splits) {
    // 市场管理中心的客服主管: the qualifier's 的 belongs to neither
    const before = head.replace(/的$/, '');
    if (before && titles.has(tail)) out.push({ title: tail, qualifier: before });
    if (titles.has(head)) out.push({ title: head, qualifier: tail.replace(/^的/, '') });
  }
  return out.filter((q) => q.qualifier).sort((a, b) => b.title.length - a.title.length);
}

/** Whether a role's department or document name is what the qualifier says (either may be written shorter). */
export function qualifies(role: Role, qualifier: string): boolean {
  const q = normalizeKey(qualifier);
  if (!q) return false;
  const dept = role.department ? normalizeKey(role.department) : '';
  if (dept && (dept.includes(q) || (q.includes(dept) && dept.length >= 2))) return true;
  const file = normalizeKey(path.basename(role.source.file, path.extname(role.source.file)));
  return Array.from(q).length >= 2 && file.includes(q);
}

