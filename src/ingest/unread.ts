/**
 * A document with text but no post found is never a silent miss: HR is told what the reader saw (its first
 * headings, or its first lines) and what layout it can read.
 */
import type { Doc } from '../documents/model.js';
import { cleanLine } from './clean.js';

/** How to make a document readable, in English (the refresh report words it in Chinese too). */
export const NO_ROLE_HOW =
  'to make it readable, give each post a heading or a line of its own (e.g. "会计") with its duties as a list under it ' +
  '(or labelled "岗位职责：" / "任职要求："), or use a table whose header row names 岗位 and 职责';

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** What the reader saw of a document in which it found no post, and how to make it readable. */
export function noRoleReason(text: string, doc: Doc): string {
  const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => cleanLine(b.text)).filter(Boolean);
  const lines = headings.length >= 2 ? headings : text.split(/\r\n|\r|\n/).map(cleanLine).filter(Boolean);
  const seen = lines.slice(0, 3).map((l) => `«${short(l)}»`).join(', ');
  return `no role found (${headings.length >= 2 ? 'headings' : 'first lines'}: ${seen || 'none'}); ${NO_ROLE_HOW}`;
}
