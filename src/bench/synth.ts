/**
 * Deterministic synthetic corpus for benchmarks: recombines the titles, departments, duties and
 * requirements of real seed records (read from an index built from the seed documents, so nothing
 * here is keyed to one seed) into N roles over many documents, written in the seed documents'
 * layouts so that benchmarks time the real ingest path, not a shortcut.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import type { Role } from '../roles/schema.js';
import { normalizeKey } from '../text/normalize.js';
import { createRng, type Rng } from './random.js';

export type SeedPool = { titles: string[]; departments: string[]; duties: string[]; requirements: string[] };

/** A role as generated: what a perfect ingest would recover from the document. */
export type SynthRole = {
  file: string;
  title: string;
  department: string;
  reportsTo: string | null;
  directReports: string[];
  duties: string[];
  requirements: string[];
};

export type SynthDocument = { file: string; text: string; roles: SynthRole[] };

export type SynthOptions = {
  /** How many roles in all. */
  roles: number;
  seed: number;
  /** How many documents may share one exact title before a site qualifier is added (titles repeat across branches in real life). */
  sharedTitle?: number;
  /** Roles per document, inclusive range. */
  perDocument?: [number, number];
};

const HAN = /\p{Script=Han}/u;
/** A department name leading a title ("客服部主管" → "客服部"); "部门" itself is not one. */
const DEPT_IN_TITLE = /^\p{Script=Han}{1,5}部(?!门)/u;
/** The same inside running text, where only a frequent match is trusted. */
const DEPT_IN_TEXT = /\p{Script=Han}{2,4}部(?!门|分|署|件|位|长)/gu;
/** "…部" that is a determiner or body word ("各部", "内部", "全部"), not a department name. */
const NOT_DEPT = /^[各本全该每其此下所分]|[内外全局头底顶背]部$/u;
const LEADING_NUMBER = /^\s*(?:[(（]?\d+(?:[.．]\d+)*(?:[)）.、．]|\s)|[一二三四五六七八九十]+[、.])\s*/u;
/** A reusable title: Han or latin letters only once a parenthesised qualifier is removed. */
const CLEAN_TITLE = /^[\p{Script=Han}A-Za-z]+$/u;
/** Sentence-internal separators duties are recombined at. */
const CLAUSE = /[,，;；]/u;

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').replace(LEADING_NUMBER, '').trim();
}

/** Text that would create a structure of its own (a heading, a label) when written on a line is not reusable filler. */
function reusable(s: string, min: number, max: number): boolean {
  return s.length >= min && s.length <= max && HAN.test(s) && !/岗位职责|职位名称|工作职责|任职要求|[:：]$/u.test(s);
}

function distinct(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of items) {
    const k = normalizeKey(s);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** The material to recombine, taken from extracted seed records. */
export function seedPool(roles: Role[]): SeedPool {
  const stated = new Set<string>();
  for (const r of roles) {
    const d = r.department && tidy(r.department);
    if (d && d.length <= 6 && CLEAN_TITLE.test(d)) stated.add(d);
    const lead = DEPT_IN_TITLE.exec(r.title)?.[0];
    if (lead && !NOT_DEPT.test(lead)) stated.add(lead);
  }
  // Few stated departments (a weak extraction): add the ones named at least twice in duty text.
  if (stated.size < 8) {
    const seen = new Map<string, number>();
    for (const r of roles) for (const d of r.duties) for (const m of d.matchAll(DEPT_IN_TEXT)) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
    for (const [d, n] of seen) if (n >= 2 && !NOT_DEPT.test(d)) stated.add(d);
  }
  const deptList = [...stated].sort();
  // Titles are recombined with departments, so a department already leading a title is taken off it.
  const bases = roles.map((r) => {
    let t = tidy(r.title).replace(/[(（][^)）]*[)）]/gu, '');
    const lead = deptList.find((d) => t.startsWith(d) && t.length - d.length >= 2);
    if (lead) t = t.slice(lead.length);
    return t;
  });
  return {
    titles: distinct(bases.filter((t) => reusable(t, 2, 10) && CLEAN_TITLE.test(t) && !t.endsWith('部'))).sort(),
    departments: distinct(deptList),
    duties: distinct(roles.flatMap((r) => r.duties.map(tidy)).filter((d) => reusable(d, 6, 150))).sort(),
    requirements: distinct(roles.flatMap((r) => r.requirements.map(tidy)).filter((d) => reusable(d, 4, 150))).sort(),
  };
}

export function checkPool(pool: SeedPool): void {
  const short = (['titles', 'departments', 'duties'] as const).filter((k) => pool[k].length < 3);
  if (short.length) throw new Error(`seed records too thin to recombine: ${short.map((k) => `${k}=${pool[k].length}`).join(', ')}`);
}

const DIGITS = '零一二三四五六七八九';
/** 1..99 as Chinese numerals, as in section headings ("十二、"). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}十${ones ? DIGITS[ones] : ''}`;
}

function sentence(s: string): string {
  return /[。；;.!！?？]$/u.test(s) ? s : `${s}；`;
}

/** A duty: usually a seed duty as is, sometimes the head of one joined to the tail of another. */
function makeDuty(rng: Rng, pool: SeedPool): string {
  const a = rng.pick(pool.duties);
  if (rng.next() < 0.6) return a;
  const b = rng.pick(pool.duties);
  const head = a.split(CLAUSE)[0];
  const tail = b.split(CLAUSE).slice(1).filter(Boolean).join('，');
  return tail ? `${head}，${tail}` : `${head}，${b}`;
}

type Layout = (doc: { title: string; department: string; roles: SynthRole[] }, rng: Rng) => string[];

const numbered = (items: string[], style: (i: number) => string): string[] => items.map((s, i) => `${style(i + 1)}${sentence(s)}`);

/** Each layout mirrors a seed format; one document uses one layout for all its roles, as real documents do. */
const LAYOUTS: Record<string, Layout> = {
  // "X岗位职责" heading, numbered duties, then a 任职要求 block.
  heading: (doc, rng) => {
    const mark = rng.pick([(i: number) => `${i}、`, (i: number) => `${i}.`]);
    return [
      `${doc.title}`,
      '',
      ...doc.roles.flatMap((r) => [
        `${r.title}岗位职责`,
        ...numbered(r.duties, mark),
        ...(r.requirements.length ? ['任职要求:', ...numbered(r.requirements, mark)] : []),
        '',
      ]),
    ];
  },
  // Flattened two-column table: a label line, then its value line.
  table: (doc) =>
    doc.roles.flatMap((r) => [
      '职位说明书',
      '职位名称',
      r.title,
      '所属部门',
      r.department,
      '直接上级',
      r.reportsTo ?? '',
      '直接下属',
      r.directReports.join('、'),
      '工作职责',
      ...numbered(r.duties, (i) => `${i}、 `),
      ...(r.requirements.length ? ['任职要求', ...numbered(r.requirements, (i) => `${i}. `)] : []),
    ]),
  // A heading, then 部门/职位/汇报对象 label and value lines, then numbered duties.
  labelled: (doc) =>
    doc.roles.flatMap((r) => [
      `${r.title}岗位职责`,
      '部门',
      r.department,
      '职位',
      r.title,
      ...(r.reportsTo ? ['汇报对象', r.reportsTo] : []),
      ...numbered(r.duties, (i) => `${i}.`),
      ...(r.requirements.length ? ['教育背景、任职资质、工作经验:', ...numbered(r.requirements, (i) => `${i}.`)] : []),
    ]),
  // "职位名称:X职位代码直属上级:Y" inline labels, 工作内容 and 任职资格 blocks.
  inline: (doc) => [
    `${doc.department}岗位说明书`,
    ...doc.roles.flatMap((r, k) => [
      `${k + 1}.${r.title}`,
      `职位名称:${r.title}职位代码直属上级:${r.reportsTo ?? ''}`,
      '工作内容:',
      ...numbered(r.duties, (i) => `${i}、`),
      ...(r.requirements.length ? ['任职资格:', ...numbered(r.requirements, (i) => `${i}、`)] : []),
    ]),
  ],
  // "一、X工作职责:" sections with blank lines between items.
  sections: (doc) => [
    `${doc.title}`,
    '',
    '岗位人员工作职责',
    '',
    ...doc.roles.flatMap((r, k) => [`${chineseNumeral(k + 1)}、${r.title}工作职责:`, '', ...numbered(r.duties, (i) => `${i}、`).flatMap((l) => [l, ''])]),
  ],
};

export const LAYOUT_NAMES = Object.keys(LAYOUTS);

let cn2t: ((s: string) => string) | null = null;
function toTraditional(s: string): string {
  const convert = (cn2t ??= OpenCC.Converter({ from: 'cn', to: 't' }));
  return convert(s);
}

/** Documents with opts.roles roles in all, the same for the same pool, options and seed. */
export function* synthDocuments(pool: SeedPool, opts: SynthOptions): Generator<SynthDocument> {
  checkPool(pool);
  const rng = createRng(opts.seed);
  const [minPer, maxPer] = opts.perDocument ?? [4, 30];
  const shared = opts.sharedTitle ?? 3;
  const depts = rng.sample(pool.departments, pool.departments.length);
  let made = 0;
  for (let j = 0; made < opts.roles; j++) {
    const department = depts[j % depts.length];
    // Every full pass over the departments is another branch; every `shared` branches get a site qualifier.
    const site = Math.floor(Math.floor(j / depts.length) / shared);
    const qualify = (base: string): string => `${site ? `第${site}分部` : ''}${department}${base}`;
    const n = Math.min(rng.int(minPer, maxPer), pool.titles.length, opts.roles - made);
    const file = `${String(Math.floor(j / 500)).padStart(3, '0')}/${String(j).padStart(6, '0')}.txt`;
    const titles = rng.sample(pool.titles, n).map(qualify);
    const roles: SynthRole[] = titles.map((title, k) => ({
      file,
      title,
      department: department,
      // The first role heads the unit; the others report to it or to an earlier role.
      reportsTo: k === 0 ? qualify(rng.pick(pool.titles)) : titles[rng.int(0, k - 1)],
      directReports: [],
      duties: Array.from({ length: rng.int(3, 10) }, () => makeDuty(rng, pool)),
      requirements: pool.requirements.length ? rng.sample(pool.requirements, rng.int(0, 5)) : [],
    }));
    for (const r of roles) for (const boss of roles) if (r.reportsTo === boss.title && r !== boss) boss.directReports.push(r.title);
    if (roles[0].reportsTo === roles[0].title) roles[0].reportsTo = null;
    const layout = LAYOUT_NAMES[j % LAYOUT_NAMES.length];
    const lines = LAYOUTS[layout]({ title: `${department}岗位职责汇编`, department, roles }, rng);
    let text = lines.join('\n') + '\n';
    // Some documents arrive in traditional characters, as scraped pages do.
    if (j % 9 === 4) text = toTraditional(text);
    made += n;
    yield { file, text, roles };
  }
}

/** Write a corpus under dir; returns the generated roles (the ground truth for an ingest check). */
export async function writeSynthCorpus(dir: string, pool: SeedPool, opts: SynthOptions): Promise<{ documents: number; roles: SynthRole[] }> {
  const roles: SynthRole[] = [];
  let documents = 0;
  const dirs = new Set<string>();
  for (const doc of synthDocuments(pool, opts)) {
    const abs = path.join(dir, doc.file);
    const parent = path.dirname(abs);
    if (!dirs.has(parent)) {
      await mkdir(parent, { recursive: true });
      dirs.add(parent);
    }
    await writeFile(abs, doc.text);
    roles.push(...doc.roles);
    documents++;
  }
  return { documents, roles };
}
