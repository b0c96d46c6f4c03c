/**
 * Cleaned lines → role passages. A passage starts where a post is named in one of the layouts job
 * descriptions use (headings, title labels, table cells, numbered role lists, section headings) and
 * runs to the next start or to a block that is not a role (department duties, articles, rules).
 */
import { normalizeKey } from '../text/normalize.js';
import { CJK_NUM, DUTY_LABELS, LABEL_LINE, ALL_LABELS_ALT, isLabelWord, looksLikeDepartment, looksLikeName, looksLikeTitle, sectionOf } from './labels.js';
import { HEADING_SUFFIX, HEADING_TAIL, PLACE_ONLY, splitTitle } from './title.js';

export type Pos = { line: number; col: number };
export type PassageKind = 'heading' | 'inline' | 'label' | 'table' | 'list' | 'repeat';
export type Passage = {
  kind: PassageKind;
  /** the post name as written (decorations are removed by splitTitle) */
  title: string;
  start: Pos;
  /** where the body (text after the title) begins */
  body: Pos;
  /** exclusive end */
  end: Pos;
  /** another name for the post given by a title label under its heading */
  alias?: string;
  /** department named by the enclosing document section (第N篇:X部…) and by the nearest heading */
  sectionDept: string | null;
  headingDept: string | null;
};

type Start = { type: 'start'; kind: PassageKind; title: string; start: Pos; body: Pos; alias?: string };
type Stop = { type: 'stop'; at: Pos };
type Event = (Start & { sectionDept: string | null; headingDept: string | null }) | Stop;

const NUM_PREFIX = `(?:${CJK_NUM}[、.]|\\(${CJK_NUM}\\)|\\d{1,2}\\.0(?![\\d.])|\\d{1,2}[.、]|\\(\\d{1,2}\\))`;
const ARTICLE = new RegExp(`^(推荐)?第(?:\\d+|${CJK_NUM})篇[::]?\\s*(.*)$`);
const HEADING = new RegExp(`^(?:(?:推荐)?第(?:\\d+|${CJK_NUM})篇[::]\\s*)?(?:${NUM_PREFIX}\\s*)?(.{1,24}?)\\s*(?:的)?(${HEADING_SUFFIX})((?:及|和)(?:任职要求|要求|工作流程|任职资格))?(${HEADING_TAIL})\\s*[::]?$`);
/** Companies and institutions: `XX有限公司岗位说明书` heads a company's set of posts, not one post. */
const ORGANISATION = /(公司|集团|企业|单位|银行|学校|学院|医院|协会|工厂|酒店|商场|超市)$/;
const STRONG_SUFFIX = /岗位|工作职责|说明书|职位描述/;
/** `岗位人员工作职责`, `各岗位员工职责`: a heading over everyone's duties names no post of its own. */
const GENERIC_STAFF = /^(?:各|全体|所有)?(?:岗位|职位|工作)?(?:人员|员工|职员)$/;
const INLINE_HEADING = new RegExp(`(${NUM_PREFIX})\\s*([\\p{Script=Han}A-Za-z]{2,12}?)(?:岗位职责|职责)(?![::要和及])`, 'gu');
/** `… 执行总监具体岗位职责: …` inside a flattened page: a post name before a colon-closed duty label. */
const SPACED_HEADING = /(?<=^|\s)([\p{Script=Han}A-Za-z]{2,12}?)(?:的)?(?:具体|主要)?(?:岗位职责|工作职责)[::]/gu;
/** Built once rather than per line: `二、财务部` unit headings, a leading list number, a top-level `一、` section. */
const UNIT_HEADING = new RegExp(`^${NUM_PREFIX}\\s*(\\p{Script=Han}{2,12})$`, 'u');
const LEADING_NUM = new RegExp(`^${NUM_PREFIX}\\s*`);
const TOP_SECTION = new RegExp(`^${CJK_NUM}[、.]`);
const LIST_ITEM = /(?<![\d.])(\d{1,2})[.、]\s*([\p{Script=Han}A-Za-z]{2,12}?)[::]/gu;
/** `一、机场服务代表机场服务代表是…`: a section heading run into a paragraph that opens by describing the post. */
const REPEAT = new RegExp(`^${CJK_NUM}[、.]\\s*([^\\s,。;:、()]{2,10}?)\\1(?=是|主要|负责|需|应|作为|的|在|要)`, 'u');
const INLINE_TITLE_LABEL = new RegExp(`(?:${NUM_PREFIX}\\s*)?(?:(?<!上级|下级|下属|直属|汇报|管理|轮转|晋升)(?:岗位职务|职位名称|岗位名称|职务名称|职位|岗位)\\s*[::]|(?<=^|\\s)(?:职位名称|岗位名称)\\s+(?=\\S))\\s*`, 'gu');
/** `岗位`/`职位` end a value only with a colon: without one they are the post's own last word (`居转户岗位职位代码…`). */
const NEXT_LABEL = new RegExp(`(${ALL_LABELS_ALT})\\s*[::]?|[,。;\\s]`, 'gu');
const BARE_TITLE_WORD = /^(?:岗位|职位)$/;

function nextLabelAt(rest: string): number {
  NEXT_LABEL.lastIndex = 0;
  for (let m = NEXT_LABEL.exec(rest); m; m = NEXT_LABEL.exec(rest)) {
    if (!(m[1] && BARE_TITLE_WORD.test(m[1]) && !/[::]$/.test(m[0]))) return m.index;
    NEXT_LABEL.lastIndex = m.index + 1;
  }
  return -1;
}
const LABELLED_LINE = new RegExp(`^(?:${ALL_LABELS_ALT}|\\S{0,3}概述)\\s*[::]`, 'u');
/** Blocks that describe a department, a rule book or an article rather than a post. */
const NON_ROLE_BLOCK = /部门职责|部门职能|职能说明书|部门说明书|职能定位|部门名称|部门本职|主要职能|部门目标|上级部门|管理制度|工作总结|不准|纪律|岗位设置|细则/;

/** A short unnumbered heading line naming such a block (an item that mentions 纪律 is not one). */
function isNonRoleBlock(line: string): boolean {
  return line.length <= 30 && NON_ROLE_BLOCK.test(line) && !/^[\d(•●◆▪■-]/.test(line) && !/[,;。]/.test(line);
}
const HEADINGISH_WORD = /岗位|职责|说明书|职位|职能|部门|制度|总结|篇|守则|准则|须知/;

/** A whole-line heading naming a post; `dept` when it names a department instead. */
export function parseHeading(line: string): { title: string } | { dept: string } | null {
  if (line.length > 40 || LABEL_LINE.test(line)) return null;
  const m = HEADING.exec(line);
  if (!m) return null;
  const x = m[1].replace(/\([^)]*\)/g, '').replace(/[\s\-—_]+$/, '').trim();
  const bare = x.replace(/(各|主要)?(岗位)?(及)?$/, '').replace(/\s+/g, '');
  // a figure inside a name (`第2分部客服员`) is allowed only where the rest already reads as a post
  if (!/^[\p{Script=Han}A-Za-z、·][\p{Script=Han}A-Za-z\d、·]*$/u.test(bare)) return null;
  // (or, under a strong suffix, where a longer name follows the figure: `第2分部航班运营管理`, not `第3章`)
  if (/\d/.test(bare) && !looksLikeTitle(bare) && !(STRONG_SUFFIX.test(m[2]) && /\d\D{4,}$/.test(bare))) return null;
  if (ORGANISATION.test(bare) || GENERIC_STAFF.test(bare)) return null;
  // `工程师及助理工程师`: two posts joined into one is a post; other joins list units or sections
  const joinedPosts = /^[^各及和与]+[及和与][^各及和与]+$/.test(bare) && bare.split(/[及和与]/).every((p) => looksLikeTitle(p));
  if (!joinedPosts && (/各|及|和|与/.test(x) || looksLikeDepartment(bare))) {
    // only a plain unit name (`客户服务部`) is a department to carry over, not `组织架构及客服部门`
    return looksLikeDepartment(bare) && bare.length <= 12 && !/[及和与各]/.test(bare) ? { dept: bare } : null;
  }
  if (PLACE_ONLY.test(bare)) return null;
  const titleLike = looksLikeTitle(x.replace(/、/g, ''));
  if (!titleLike && (!STRONG_SUFFIX.test(m[2]) || x.includes('、') || m[3])) return null;
  // `居转户岗位说明书`: 岗位 belongs to a name that is not a job noun by itself; in `航班运营管理岗位职责`
  // 岗位职责 is the usual compound ("the post's duties") and the name stands alone
  const name = !titleLike && /^岗位.*说明书$/.test(m[2]) && !/职责|要求/.test(x) ? m[1] + '岗位' : m[1];
  // what follows the suffix (`范本`, `(定稿)`, a list of staff names) is not part of the name
  return { title: name };
}

function isHeadingish(line: string): boolean {
  // numbered lines and `label:` lines belong to the current passage
  if (/^(\d{1,2}[.、\s]|\(\d{1,2}\))|[::]/.test(line)) return false;
  return line.length <= 30 && !/[。,;!?]/.test(line) && HEADINGISH_WORD.test(line) && !LABEL_LINE.test(line);
}

function deptOfSection(text: string): string | null {
  const m = /^(\p{Script=Han}{2,14}?(?:部门|部|中心|办公室))(?:各|主要)?(?:岗位)?(?:及)?(?:职责)?$/u.exec(text.replace(/\s+/g, ''));
  return m && looksLikeDepartment(m[1]) && !/[及和与各]/.test(m[1]) ? m[1] : null;
}

const nextNonEmpty = (lines: string[], i: number, limit = 3) => {
  for (let k = i + 1; k < lines.length && k <= i + limit; k++) if (lines[k]) return k;
  return -1;
};

/** A label cell at line k, also when the label is split over two lines (`直属` / `上级`). */
function isLabelAt(lines: string[], k: number): boolean {
  if (!lines[k]) return false;
  return LABEL_LINE.test(lines[k]) || (lines[k].length <= 3 && lines[k + 1] !== undefined && lines[k + 1].length <= 3 && LABEL_LINE.test(lines[k] + lines[k + 1]));
}

/** Lines k-2, k-1 are a field label cell (`部门`, `直接上级`; not a duty or requirement heading) and its value. */
function fieldPairAbove(lines: string[], k: number): boolean {
  const label = k >= 2 && lines[k - 1] && !LABEL_LINE.test(lines[k - 1]) ? LABEL_LINE.exec(lines[k - 2])?.[1] : undefined;
  return label !== undefined && sectionOf(label) === 'field';
}

/** Value of a label-only table line: the next line (labels split over two lines are joined first). */
function tableTitleAt(lines: string[], i: number): { title: string; valueLine: number } | null {
  let labelEnd = i;
  const l = lines[i];
  const joined = lines[i + 1] !== undefined ? l + lines[i + 1] : '';
  if (!(['职位名称', '岗位名称', '职务名称', '职位'].includes(l) || ['职位名称', '岗位名称'].includes(joined))) return null;
  if (['职位名称', '岗位名称'].includes(joined)) labelEnd = i + 1;
  const v = nextNonEmpty(lines, labelEnd, 2);
  if (v < 0 || LABEL_LINE.test(lines[v])) return null;
  let title = lines[v];
  // a title wrapped over two short lines before the next label (`客服` / `专员`)
  const w = v + 1;
  if (lines[w] && lines[w].length <= 4 && !isLabelAt(lines, w) && isLabelAt(lines, w + 1)) title += lines[w];
  // a bare `职位` cell also heads columns (`职位 / 人数`), so its value must read as a post, unless a
  // field label/value pair just above (`部门` / `餐饮部`) shows the cells are a one-column table
  const named = labelEnd > i || l !== '职位' || fieldPairAbove(lines, i) ? looksLikeName(title) : looksLikeTitle(title);
  return named ? { title, valueLine: v } : null;
}

function inlineTitleLabels(line: string): Start[] {
  const out: Start[] = [];
  INLINE_TITLE_LABEL.lastIndex = 0;
  for (let m = INLINE_TITLE_LABEL.exec(line); m; m = INLINE_TITLE_LABEL.exec(line)) {
    const rest = line.slice(m.index + m[0].length);
    const cut = nextLabelAt(rest);
    const value = (cut >= 0 ? rest.slice(0, cut) : rest).trim();
    // `岗位:` also introduces other things (`工作岗位:办公室`); the specific labels name a post
    const specific = !/^(?:\S*?)岗位\s*[::]/.test(m[0].replace(LEADING_NUM, '')) || /岗位名称|岗位职务/.test(m[0]);
    if (!value || !(specific ? looksLikeName(value) : looksLikeTitle(value))) continue;
    out.push({ type: 'start', kind: 'label', title: value, start: { line: -1, col: m.index }, body: { line: -1, col: m.index + m[0].length + value.length } });
  }
  return out;
}

function itemOpens(line: string): boolean {
  return /^(1[.、)]|\(1\)|①|一、|[•●◆▪■-]\s*\S)/.test(line);
}

/** Every passage of a cleaned document, in order. */
export function segmentPassages(lines: string[]): Passage[] {
  const events: Event[] = [];
  let sectionDept: string | null = null;
  let headingDept: string | null = null;

  // numbered role lists: `1. 总经理:负责…` items count only when another such item is on the same or a neighbouring line
  const listHits = new Map<number, Start[]>();
  lines.forEach((line, i) => {
    LIST_ITEM.lastIndex = 0;
    for (let m = LIST_ITEM.exec(line); m; m = LIST_ITEM.exec(line)) {
      if (!looksLikeTitle(m[2]) || isLabelWord(m[2])) continue;
      // `1. 总经理:张三` is a staff list: a post's entry describes work, longer than a person's name
      const described = line.slice(m.index + m[0].length).split(/(?<![\d.])\d{1,2}[.、]/)[0].replace(/[\s;;。,]/g, '');
      if (described.length < 5) continue;
      const hits = listHits.get(i) ?? [];
      hits.push({ type: 'start', kind: 'list', title: m[2], start: { line: i, col: m.index }, body: { line: i, col: m.index + m[0].length } });
      listHits.set(i, hits);
    }
  });
  const neighbours = (i: number) => (listHits.get(i)?.length ?? 0) + (listHits.get(i - 1)?.length ?? 0) + (listHits.get(i + 1)?.length ?? 0);

  const started = new Set<string>();
  const push = (s: Start) => {
    // two detectors can name the same start (an inline heading that is also a list item)
    const key = `${s.start.line}:${s.start.col}`;
    if (started.has(key)) return;
    started.add(key);
    events.push({ ...s, sectionDept, headingDept });
  };
  const stop = (line: number, col = 0) => events.push({ type: 'stop', at: { line, col } });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const art = ARTICLE.exec(line);
    if (art) {
      // each article or section of a compilation starts afresh; one titled after a department sets it
      sectionDept = deptOfSection(art[2].replace(/\(.*\)$/, ''));
      headingDept = null;
    }
    const inlineDept = line.includes('岗位') ? /(\p{Script=Han}{2,10}?(?:部|中心))岗位[::]/u.exec(line) : null;
    if (inlineDept && looksLikeDepartment(inlineDept[1])) headingDept = inlineDept[1];

    const h = parseHeading(line);
    if (h && 'title' in h) {
      // a heading standing alone between blank lines opens a new article: an earlier unit no longer applies
      if (!lines[i - 1] && !lines[i + 1]) headingDept = null;
      push({ type: 'start', kind: 'heading', title: h.title, start: { line: i, col: 0 }, body: { line: i + 1, col: 0 } });
      continue;
    }
    if (h && 'dept' in h) {
      if (!art) headingDept = h.dept;
      stop(i);
      continue;
    }
    const table = tableTitleAt(lines, i);
    if (table) {
      // the table's own heading (`职位说明书`, or the title on its own line) starts the passage
      // field cells above the title cell (`部门` / `市场部`) belong to the same table
      let first = i;
      while (fieldPairAbove(lines, first)) first -= 2;
      // …when they open it (under a heading or a blank line), not when they close the previous table's items
      if (first > 0 && lines[first - 1] && !isHeadingish(lines[first - 1]) && !parseHeading(lines[first - 1])) first = i;
      const p = first - 1 >= 0 && lines[first - 1] ? first - 1 : first - 2;
      const startLine = p >= 0 && (/^(职位|岗位|职务)说明书$/.test(lines[p]) || normalizeKey(lines[p]).endsWith(normalizeKey(table.title))) ? p : first;
      // (read from those cells on, so their fields are kept; the title cell is read as a field and ignored)
      const body = first < i ? first : table.valueLine + 1;
      push({ type: 'start', kind: 'table', title: table.title, start: { line: startLine, col: 0 }, body: { line: body, col: 0 } });
      i = table.valueLine;
      continue;
    }
    // `二、财务部`: a numbered department heading over the posts that follow
    const unit = UNIT_HEADING.exec(line);
    if (unit && looksLikeDepartment(unit[1])) {
      headingDept = unit[1];
      stop(i);
      continue;
    }
    if (isNonRoleBlock(line)) {
      headingDept = null;
      stop(i);
      continue;
    }
    // a bare post name followed by a `岗位职责` line or by item 1
    const nx = nextNonEmpty(lines, i);
    // (a table cell's value, under its label line, is not such a name)
    const valueCell = i > 0 && LABEL_LINE.test(lines[i - 1]);
    const candidate = nx > 0 && !valueCell && line.length <= 20;
    const bareName = candidate ? splitTitle(line).title : '';
    if (candidate && looksLikeTitle(bareName) && !isLabelWord(bareName) && !GENERIC_STAFF.test(bareName)) {
      const next = lines[nx];
      const labelNext = LABEL_LINE.exec(next);
      // …or by the labelled block of a post description (`职位概要:…`, `直接上级:…`)
      const labelledNext = LABELLED_LINE.test(next) && !/^(部门|上级部门|部门名称)/.test(next);
      if ((labelNext && (DUTY_LABELS.includes(labelNext[1]) || /描述$/.test(labelNext[1]))) || itemOpens(next) || labelledNext) {
        push({ type: 'start', kind: 'heading', title: line, start: { line: i, col: 0 }, body: { line: i + 1, col: 0 } });
        continue;
      }
    }
    const found: Start[] = [];
    for (const s of inlineTitleLabels(line)) {
      s.start.line = s.body.line = i;
      // `… 3.商务主管` closing the previous line, then `职位名称:商务主管`: the passage starts at that name
      const prevLine = lines[i - 1] ?? '';
      if (s.start.col === 0 && prevLine && normalizeKey(prevLine).endsWith(normalizeKey(s.title))) {
        const at = prevLine.lastIndexOf(s.title.slice(0, 2));
        const num = /\d{1,2}[.、]\s*$/.exec(prevLine.slice(0, Math.max(at, 0)));
        s.start = { line: i - 1, col: Math.max(0, at - (num?.[0].length ?? 0)) };
      }
      found.push(s);
    }
    INLINE_HEADING.lastIndex = 0;
    for (let m = INLINE_HEADING.exec(line); m; m = INLINE_HEADING.exec(line)) {
      if (!looksLikeTitle(m[2])) continue;
      found.push({ type: 'start', kind: 'inline', title: m[2], start: { line: i, col: m.index }, body: { line: i, col: m.index + m[0].length } });
    }
    SPACED_HEADING.lastIndex = 0;
    for (let m = SPACED_HEADING.exec(line); m; m = SPACED_HEADING.exec(line)) {
      if (m.index === 0 || !looksLikeTitle(m[1]) || isLabelWord(m[1])) continue;
      found.push({ type: 'start', kind: 'inline', title: m[1], start: { line: i, col: m.index }, body: { line: i, col: m.index + m[0].length } });
    }
    const rep = REPEAT.exec(line);
    if (rep && !isLabelWord(rep[1]) && !/岗位|职责/.test(rep[1])) {
      const at = line.indexOf(rep[1]);
      found.push({ type: 'start', kind: 'repeat', title: rep[1], start: { line: i, col: 0 }, body: { line: i, col: at + rep[1].length } });
    }
    if (neighbours(i) >= 2) found.push(...(listHits.get(i) ?? []));
    if (found.length) {
      found.sort((a, b) => a.start.col - b.start.col);
      for (const s of found) push(s);
      continue;
    }
    if (isHeadingish(line) || art) {
      headingDept = art ? headingDept : deptOfSection(line.replace(/\s+/g, ''));
      stop(i);
    }
  }
  return toPassages(mergeHeadings(events, lines), lines);
}

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.col < b.col);

/**
 * Two headings in a row: the same title twice is one passage; a different one means the first was
 * an article title. A title label right after a heading (before any item) names that heading's post.
 */
function mergeHeadings(events: Event[], lines: string[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (e.type === 'start' && prev?.type === 'start' && prev.kind === 'heading') {
      const between = lines.slice(prev.start.line + 1, e.start.line).concat(lines[e.start.line].slice(0, e.start.col));
      const opensItems = (l: string) => {
        const label = LABEL_LINE.exec(l)?.[1];
        return label ? DUTY_LABELS.includes(label) : itemOpens(l) || /[,。;]/.test(l);
      };
      if (!between.some((l) => l && opensItems(l))) {
        if (e.kind === 'heading') {
          if (normalizeKey(splitTitle(e.title).title) === normalizeKey(splitTitle(prev.title).title)) continue;
          out[out.length - 1] = { type: 'stop', at: prev.start };
          out.push(e);
          continue;
        }
        if (e.kind === 'label' || e.kind === 'table') {
          // the post named by the label: it replaces a heading that is not itself a post name
          const headed = splitTitle(prev.title).title;
          if (!looksLikeTitle(headed) || headed.endsWith('岗位')) out[out.length - 1] = { ...prev, title: e.title };
          else out[out.length - 1] = { ...prev, alias: e.title };
          continue;
        }
      }
    }
    out.push(e);
  }
  return out;
}

function toPassages(events: Event[], lines: string[]): Passage[] {
  const sorted = [...events].sort((a, b) => {
    const pa = a.type === 'start' ? a.start : a.at;
    const pb = b.type === 'start' ? b.start : b.at;
    return pa.line - pb.line || pa.col - pb.col;
  });
  const out: Passage[] = [];
  sorted.forEach((e, k) => {
    if (e.type !== 'start') return;
    const next = sorted[k + 1];
    let end: Pos = next ? (next.type === 'start' ? next.start : next.at) : { line: lines.length - 1, col: lines[lines.length - 1]?.length ?? 0 };
    if (next && end.col === 0) end = { line: end.line - 1, col: lines[end.line - 1]?.length ?? 0 };
    // a role-list item or a numbered sub-heading ends with its line / before the next top-level section
    if (e.kind === 'list' && end.line > e.start.line) end = { line: e.start.line, col: lines[e.start.line].length };
    if (e.kind === 'inline' || e.kind === 'repeat') {
      for (let l = e.start.line + 1; l <= end.line; l++) {
        if (TOP_SECTION.test(lines[l])) {
          end = { line: l - 1, col: lines[l - 1].length };
          break;
        }
      }
    }
    while (end.line > e.start.line && !lines[end.line].slice(0, end.col).trim()) end = { line: end.line - 1, col: lines[end.line - 1].length };
    if (before(end, e.start)) end = { line: e.start.line, col: lines[e.start.line].length };
    out.push({ kind: e.kind, title: e.title, alias: e.alias, start: e.start, body: e.body, end, sectionDept: e.sectionDept, headingDept: e.headingDept });
  });
  return out;
}
