/**
 * Whole words for "who handles X". The index stays on character bigrams (fast to build; segmenting every duty
 * line with jieba would add seconds per 100k roles), and a question's few candidate roles are re-ranked here by
 * words: the question and the candidates' duty lines are segmented with jieba, and a question word counts in a
 * line only where the line's own words agree (发工资 is not in 收发工作, 工资 is not in 施工资料).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { canonical, isHan } from '../text/normalize.js';

let jieba: Jieba | null = null;

/**
 * Parts of speech of jieba's dictionary that never separate the words of a duty line when rare: person, place and
 * organisation names, idioms (brand names, nz, stay: 淘宝). Leaving out those seen 10 times or fewer (100k of the
 * 349k entries) keeps 99.7 % of the word boundaries jieba finds in the sample duty lines, and the same answers to
 * the who questions in test/fixtures, and the segmenter's peak memory goes from ~50 to ~30 MB.
 */
const RARE_PROPER = new Set(['nr', 'ns', 'nrt', 'nrfg', 'nt', 'i']);
const RARE_MAX = 10;

/**
 * jieba's dictionary ("word freq tag" lines) without the rare proper names, compacted in place byte by byte (no
 * strings, no second buffer: the peak memory of loading counts against the serve RSS).
 */
export function trimDictionary(dict: Buffer): Buffer {
  let n = 0;
  for (let start = 0; start < dict.length; ) {
    let end = dict.indexOf(0x0a, start);
    if (end < 0) end = dict.length;
    const sp1 = dict.indexOf(0x20, start);
    const sp2 = sp1 >= 0 && sp1 < end ? dict.indexOf(0x20, sp1 + 1) : -1;
    let keep = true;
    if (sp2 >= 0 && sp2 < end) {
      let freq = 0;
      for (let i = sp1 + 1; i < sp2; i++) freq = freq * 10 + dict[i] - 48;
      const tag = dict.toString('latin1', sp2 + 1, end).trim();
      keep = !(freq <= RARE_MAX && RARE_PROPER.has(tag));
    }
    // kept lines move down over dropped ones (copy is a memmove, and n never passes start)
    if (keep) n += dict.copy(dict, n, start, Math.min(end + 1, dict.length));
    start = end + 1;
  }
  return dict.subarray(0, n);
}

/** Loaded on the first who question (~0.2 s, ~30 MB): title and field questions never pay for it. */
function segmenter(): Jieba {
  if (!jieba) {
    // dict.txt alone: the package's `dict` module also reads its 6 MB idf table, which nothing here uses
    const dictPath = createRequire(import.meta.url).resolve('@node-rs/jieba').replace(/index\.js$/, 'dict.txt');
    jieba = Jieba.withDict(trimDictionary(readFileSync(dictPath)));
  }
  return jieba;
}

/** A question word and the smaller dictionary words inside it (发工资 → 工资), which count for less. */
export type TermGroup = { word: string; subs: string[] };

/** Text that separates words or phrases in a question; the joiners 和、与、及 are words of their own anyway. */
const SEPARATOR = /[\s\p{P}\p{S}]+/u;
/** Words that only frame a duty (负责、进行): they would match every role. */
const FRAME = new Set(['负责', '进行', '相关', '有关', '工作', '事情', '事务', '事宜', '问题', '处理好', '一下', '这个', '那个', '什么', '哪些']);

function meaningful(w: string): boolean {
  const chars = Array.from(w);
  if (!chars.length || FRAME.has(w)) return false;
  // one Han character (的、和、发) says too little alone; latin/digit words count from two characters
  return chars.length >= 2 && (isHan(chars[0]) || /^[\p{L}\p{N}]+$/u.test(w));
}

/** Single characters that are words of their own (particles, pronouns, common verbs and adverbs of a question). */
const FUNCTION_CHAR = /^[了的地得着过和与及或在把被给让向从对为也都就还又再很太更最快要想会能可去来找谁吗呢吧啊呀哪怎么我你他她它们个把这那有是没不]$/u;

/**
 * jieba splits a word its dictionary lacks into single characters (续卡 → 续 / 卡): neighbouring single
 * characters that are not words of their own are joined back into one (健身卡快到期了续卡 keeps 续卡).
 */
function joinSingles(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push(run);
    run = '';
  };
  for (const w of words) {
    if (w.length === 1 && isHan(w) && !FUNCTION_CHAR.test(w)) run += w;
    else {
      flush();
      out.push(w);
    }
  }
  flush();
  return out;
}

/** A short text's words as jieba cuts them (财务助理 → 财务 / 助理). */
export function cutWords(text: string): string[] {
  return segmenter().cut(canonical(text), false).filter((w) => w.trim());
}

/** The words of a who-question topic, each with its sub-words, in question order, without repeats. */
export function termGroups(topic: string): TermGroup[] {
  const seg = segmenter();
  const out = new Map<string, TermGroup>();
  for (const part of canonical(topic).split(SEPARATOR)) {
    if (!part) continue;
    for (const word of joinSingles(seg.cut(part, false))) {
      if (!meaningful(word) || out.has(word)) continue;
      const subs = Array.from(word).length > 2 ? seg.cutForSearch(word, false).filter((s) => s !== word && meaningful(s)) : [];
      out.set(word, { word, subs: [...new Set(subs)] });
    }
  }
  // a topic of single characters only (谁管发): search what there is rather than nothing
  if (!out.size) {
    const w = canonical(topic).replace(/[\s\p{P}\p{S}]+/gu, '');
    if (w) out.set(w, { word: w, subs: [] });
  }
  return [...out.values()];
}

/**
 * A line prepared for word matching: canonical text, where each of its UTF-16 units came from in the original
 * line, and its word boundaries (segmented on first use: most candidate lines hold no question word at all).
 */
export type SegmentedLine = { text: string; starts: Int32Array; ends: Int32Array; readonly bounds: Uint8Array };

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
const isHanUnit = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** Whitespace between two Han characters is a scraped line wrap (征 询), not a boundary: it is dropped. */
export function segmentLine(line: string): SegmentedLine {
  const canon = canonical(line);
  let text = '';
  let starts: Int32Array;
  let ends: Int32Array;
  if (canon.length === line.length) {
    // the usual case: one unit per unit, so positions carry over
    starts = new Int32Array(line.length);
    ends = new Int32Array(line.length);
    let k = 0;
    let from = 0;
    for (let i = 0; i < canon.length; i++) {
      if (isSpace(canon.charCodeAt(i)) && hanAround(canon, i)) {
        text += canon.slice(from, i);
        from = i + 1;
        continue;
      }
      starts[k] = i;
      ends[k++] = i + 1;
    }
    text += canon.slice(from);
    starts = starts.subarray(0, k);
    ends = ends.subarray(0, k);
  } else {
    // canonical() changed a length (a rare compatibility form): map character by character
    const out: number[][] = [];
    let off = 0;
    const chars = Array.from(line);
    chars.forEach((ch, i) => {
      const start = off;
      off += ch.length;
      if (isSpace(ch.charCodeAt(0)) && isHan(chars[i - 1] ?? '') && isHan(chars[i + 1] ?? '')) return;
      for (const u of canonical(ch).split('')) {
        text += u;
        out.push([start, off]);
      }
    });
    starts = Int32Array.from(out, (x) => x[0]);
    ends = Int32Array.from(out, (x) => x[1]);
  }
  let bounds: Uint8Array | null = null;
  return {
    text,
    starts,
    ends,
    get bounds() {
      if (!bounds) {
        bounds = new Uint8Array(text.length + 1);
        bounds[0] = 1;
        let at = 0;
        for (const w of segmenter().cut(text, false)) bounds[(at += w.length)] = 1;
      }
      return bounds;
    },
  };
}

/** Whether the whitespace run around position i sits between two Han characters. */
function hanAround(s: string, i: number): boolean {
  let a = i - 1;
  while (a >= 0 && isSpace(s.charCodeAt(a))) a--;
  let b = i + 1;
  while (b < s.length && isSpace(s.charCodeAt(b))) b++;
  return a >= 0 && b < s.length && isHanUnit(s.charCodeAt(a)) && isHanUnit(s.charCodeAt(b));
}

/** Whether any word of the groups occurs in the line at all (before the line is segmented). */
export function mentions(line: SegmentedLine, groups: TermGroup[]): boolean {
  return groups.some((g) => line.text.includes(g.word) || g.subs.some((w) => line.text.includes(w)));
}

/**
 * How well a word occurs in a line, 0..1, and the original-text ranges of the counted occurrences:
 * 1 on word boundaries at both ends (it may span words: 发工资 in 发/工资); 0.6 as the start or end of a
 * longer word (工资 in 工资表); 0.3 inside one word; 0 when it straddles a boundary (收【发工】作).
 */
export function wordMatch(line: SegmentedLine, word: string): { credit: number; marks: Array<[number, number]> } {
  let credit = 0;
  const marks: Array<[number, number]> = [];
  for (let a = line.text.indexOf(word); a >= 0; a = line.text.indexOf(word, a + 1)) {
    const b = a + word.length;
    const bounds = line.bounds;
    const startOk = bounds[a] === 1;
    const endOk = bounds[b] === 1;
    let inner = false;
    for (let i = a + 1; i < b && !inner; i++) inner = bounds[i] === 1;
    const c = startOk && endOk ? 1 : inner ? 0 : startOk || endOk ? 0.6 : 0.3;
    if (!c) continue;
    credit = Math.max(credit, c);
    marks.push([line.starts[a], line.ends[b - 1]]);
  }
  return { credit, marks };
}

/** A group's credit in a line: the whole word, or its sub-words for part of the word (发工资 via 工资). */
export function groupMatch(line: SegmentedLine, g: TermGroup): { credit: number; marks: Array<[number, number]> } {
  const whole = wordMatch(line, g.word);
  if (whole.credit === 1 || !g.subs.length) return whole;
  const len = Array.from(g.word).length;
  let covered = 0;
  const marks: Array<[number, number]> = [];
  for (const s of g.subs) {
    const m = wordMatch(line, s);
    if (m.credit < 0.6) continue;
    covered += Array.from(s).length * m.credit;
    marks.push(...m.marks);
  }
  const sub = 0.8 * Math.min(1, covered / len);
  return sub > whole.credit ? { credit: sub, marks } : whole;
}

/** Merge overlapping [start,end) ranges, sorted. */
export function mergeMarks(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** How department names end (客服部, 市场管理中心, 质检科, 保安队), with a trailing 里/内 of "客服部里". */
const DEPARTMENT_END = /(?:部门|部|中心|科室|科|处|办公室|室|车间|组|队)(?:里|内)?$/;
/** Nouns, abbreviations and distinguishing words make up a department's name; a verb or preposition starts a duty. */
const NAME_TAG = /^(?:n|j|b)/;

/**
 * A who-question topic that opens with a department (市场管理中心投诉, 客服部的排班): leading nouns, the last one
 * ending like a department name, then what is asked about. Tagged by jieba, so 与其它班组… or 对本部门… (a
 * preposition first) and 挂账部分… (部分 is no department) are not read so.
 */
export function departmentLead(topic: string): { department: string; rest: string } | null {
  const words = segmenter().tag(canonical(topic).replace(/[\s\p{P}\p{S}]+/gu, ''), false);
  let department = '';
  let i = 0;
  for (; i < Math.min(words.length, 4) && NAME_TAG.test(words[i].tag); i++) {
    department += words[i].word;
    if (DEPARTMENT_END.test(words[i].word)) {
      department = department.replace(/[里内]$/, '');
      const rest = words
        .slice(i + 1)
        .map((w) => w.word)
        .join('')
        .replace(/^(?:的|里|中|内)/, '');
      return Array.from(department).length >= 3 && Array.from(rest).length >= 2 ? { department, rest } : null;
    }
  }
  return null;
}
