/**
 * A name not found as typed, read the way post names are built: the kind of post at the end (药师, 柜员, 护士,
 * attendant) and what sets it apart before it (药店里的, 银行, 重症监护, room). Roles whose names end with that
 * kind are ranked by how much of the rest their own text bears out (执业药师 for 药店里的药师, ICU责任护士 for
 * 重症监护护士) — occupation search's order of evidence: the title's head word first, then the description.
 * These are guesses: they score below a confident match, so they are offered, never shown as the answer card.
 */
import type { Role } from '../roles/schema.js';
import { canonical, normalizeKey } from '../text/normalize.js';
import type { Ranked } from './types.js';

/**
 * One way to read the typed name: alternatives for its head, and the rest as units, each with alternatives.
 * sure: the head is as typed (Chinese), so a head few names carry needs no other evidence; a translated one does.
 */
export type HeadReading = { heads: string[]; units: string[][]; sure: boolean };
/** names: the names holding a head text; roles: the roles of one name. */
export type HeadLookup = { names(head: string): string[]; roles(key: string): Role[] };

/** A name ending with the head, or holding it inside (销售 in 销售顾问); plus up to EVIDENCE for the rest borne out. */
const ENDS = 0.6;
const INSIDE = 0.52;
const EVIDENCE = 0.14;
const UNBORNE = 0.06;
const MIN_HEAD = 2;
const MAX_NAMES = 12;
/** A head carried by this many names or fewer (药师, 柜员) is specific enough to guess by. */
const SPECIFIC_HEAD = 3;
const MAX_RESULTS = 6;
/** Words joining the rest to the head (药店里的药师, 卖车的销售): not evidence. */
const JOINERS = /(?:里的|的|里|中的)$/;
/** A head needs a post ending after it to count as the name's end (保全 in 驻卫保全员). */
const POST_TAIL = /^(?:员|人员|师|工)?$/;

/**
 * Readings of a Chinese name, longest head first: 药店里的药师 → 药师 with 药店 (bigrams) as evidence; otherNames
 * gives a head's other names (the post lexicon).
 */
export function chineseReadings(key: string, latinUnit: (word: string) => string[], otherNames: (head: string) => readonly string[] = () => []): HeadReading[] {
  const chars = Array.from(key);
  // the whole name under its other names first (数据分析师 → data analyst, held by Senior Data Analyst)
  const whole = otherNames(key).map(normalizeKey).filter((n) => Array.from(n).length >= MIN_HEAD);
  const out: HeadReading[] = whole.length ? [{ heads: whole, units: [], sure: true }] : [];
  for (let k = 1; k + MIN_HEAD <= chars.length; k++) {
    const head = chars.slice(k).join('');
    // never inside an English word (hr助理 is hr + 助理, not h + r助理)
    if (/^[的里]/.test(head) || /^[a-z0-9]{2}$/.test(chars[k - 1] + chars[k])) continue;
    const rest = chars.slice(0, k).join('').replace(JOINERS, '');
    if (!rest) continue;
    // the kind under its other names too (幼儿园生活老师: 生活老师 is 保育员)
    const heads = [head, ...otherNames(head).map(normalizeKey).filter((n) => Array.from(n).length >= MIN_HEAD)];
    out.push({ heads, units: evidenceUnits(rest, latinUnit), sure: true });
  }
  return out;
}

/** The rest's Han bigrams (a lone character as itself) and its latin words through latinUnit (HR → 人事, 人力资源). */
function evidenceUnits(rest: string, latinUnit: (word: string) => string[]): string[][] {
  const units: string[][] = [];
  for (const run of rest.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      units.push([run, ...latinUnit(run)]);
      continue;
    }
    const cs = Array.from(run);
    if (cs.length === 1) units.push([run]);
    for (let i = 0; i + 1 < cs.length; i++) units.push([cs[i] + cs[i + 1]]);
  }
  return units;
}

/**
 * Roles for the first reading whose guesses the rest of the name bears out (or whose head is a whole other name
 * a role's name ends with), best first, with the first reading that found any as the fallback.
 */
export function rankByHead(readings: HeadReading[], lookup: HeadLookup): Ranked[] {
  // a reading whose guesses nothing else bears out (律师助理 for 财务助理) is kept only if no later one does better
  let unborne: Ranked[] = [];
  for (const { heads, units, sure } of readings) {
    const scored = new Map<string, Ranked>();
    let borne = false;
    for (const head of heads) {
      const names = lookup.names(head).slice(0, MAX_NAMES);
      // a kind many names share (经理 for housekeeping manager) is no guess alone: the rest must agree too
      const generic = !sure || names.length > SPECIFIC_HEAD;
      for (const name of names) {
        const at = name.lastIndexOf(head);
        const base = POST_TAIL.test(name.slice(at + head.length)) ? ENDS : INSIDE;
        for (const role of lookup.roles(name)) {
          const share = borneOut(units, role);
          if (generic && units.length && !share) continue;
          // nothing of the rest in its text (保洁阿姨 → 洗碗阿姨): below a near name holding it (保洁员)
          const score = base + EVIDENCE * share - (units.length && !share ? UNBORNE : 0);
          if ((scored.get(role.id)?.score ?? 0) < score) scored.set(role.id, { role, score });
          // a guess the rest bears out, or a whole other name the role's name ends with, ends the search
          if (share || (!units.length && base === ENDS)) borne = true;
        }
      }
    }
    const ranked = [...scored.values()].sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS);
    if (ranked.length && borne) return withGuesses(ranked, unborne).slice(0, MAX_RESULTS);
    if (!unborne.length) unborne = ranked;
  }
  return unborne;
}

/** The name matches and the guesses together, each role once at its better score, best first. */
export function withGuesses(ranked: Ranked[], guesses: Ranked[]): Ranked[] {
  const best = new Map<string, Ranked>();
  for (const r of [...ranked, ...guesses]) if ((best.get(r.role.id)?.score ?? -1) < r.score) best.set(r.role.id, r);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The share of the units the role's own words hold (any alternative of a unit counts). */
function borneOut(units: string[][], role: Role): number {
  if (!units.length) return 0;
  const text = canonical([role.title, ...role.aliases, role.department ?? '', ...role.duties, ...role.requirements].join('\n'));
  return units.filter((alts) => alts.some((a) => text.includes(a))).length / units.length;
}

/**
 * A Chinese name read in English, for roles with English titles (财务助理 → Finance Assistant): its last word's
 * English as the kind of post, its other words, as written and in English, as evidence. words: the name's words.
 */
export function chineseInEnglish(words: string[], english: (word: string) => readonly string[]): HeadReading[] {
  const last = words.at(-1);
  if (!last || words.length < 2) return [];
  const heads = english(last).map(normalizeKey).filter((h) => /^[a-z]{3,}$/.test(h));
  return heads.length ? [{ heads, units: words.slice(0, -1).map((w) => [w, ...english(w).map((e) => e.toLowerCase())]), sure: false }] : [];
}

/** English words that are no part of a title (the, of, our). */
const EN_SKIP = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'our', 'my', 'your', 'in', 'at', 'on']);

/**
 * The reading of an English name: its last word is the kind of post (attendant → 服务员), the other words
 * are evidence as typed or translated (room → 客房, 房间). options gives a word's Chinese (title: with the
 * curated title words such as specialist → 专员).
 */
export function englishReadings(phrase: string, options: (word: string, title: boolean) => readonly string[]): HeadReading[] {
  const words = phrase.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !EN_SKIP.has(w));
  const last = words.pop();
  if (!last) return [];
  const heads = options(last, true).filter((o) => Array.from(o).length >= MIN_HEAD);
  return heads.length ? [{ heads, units: words.map((w) => [w, ...options(w, false)]), sure: false }] : [];
}
