/** A document with text but no post, as the report says it: what the reader saw (from its reason) and what to do. */
import type { Words } from './i18n.js';

export function noRoleText(reason: string | null, w: Words): string {
  const seen = reason?.match(/«[^»]*»/g);
  return seen ? w.noRoleSeen(seen.join('、')) : w.noRoleFound;
}
