/** Role passages → role drafts: title, aliases, reporting line, department, duties, requirements. */
import type { RoleDraft } from '../roles/schema.js';
import { leafItems } from './items.js';
import {
  ALL_LABELS_ALT, DUTY_LABELS, REQ_LABELS, DEPARTMENT_LABELS, DIRECT_REPORTS_LABELS, INLINE_LABEL, LABEL_LINE, REPORTS_TO_LABELS,
  colonizeGluedLabels, isLabelWord, looksLikeTitle, sectionOf, type SectionKind,
} from './labels.js';
import { segmentPassages, type Passage } from './segment.js';
import { splitTitle } from './title.js';

type Piece = { line: number; text: string };
type Chunk = { section: SectionKind; text: string; fromLabelLine: boolean; explicit: boolean };

/** The passage body as (line, text) pieces, from its body position to its end. */
function bodyPieces(p: Passage, lines: string[]): Piece[] {
  const out: Piece[] = [];
  for (let l = p.body.line; l <= p.end.line; l++) {
    const from = l === p.body.line ? p.body.col : 0;
    const to = l === p.end.line ? p.end.col : lines[l].length;
    const text = (lines[l] ?? '').slice(from, to).trim();
    if (text) out.push({ line: l, text });
  }
  return out;
}

const CLOSING = /^(总之|综上所述|总体来说|总而言之|总的来说|总结[::])/;
/** Inline summary labels cover only their own line (the list that follows is still the duties). */
const SUMMARY = /概述|概要|描述|目的|大纲/;
const NEXT_LABEL = new RegExp(`(${ALL_LABELS_ALT})\\s*[::]`, 'u');

/** Cut a field value at the next label, a sub-number or an item marker; the rest is ordinary text. */
function fieldValue(s: string): { value: string; rest: string } {
  const cut = NEXT_LABEL.exec(s);
  const v = cut ? s.slice(0, cut.index) : s;
  const end = /\s+(?=\S*[::])|\s\d+\.\d|\s(?=\d{1,2}[.、]|\(\d{1,2}\))/.exec(v);
  const raw = end ? v.slice(0, end.index) : v;
  return { value: raw.replace(/[;;。,]+\s*$/, '').trim(), rest: s.slice(raw.length) };
}

const ITEM_NUMBER_ONLY = /^\s*(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、]|\(\d{1,2}\))?\s*$/;
const INLINE_LABEL_AT_START = new RegExp(`^(${ALL_LABELS_ALT})\\s*[::]`, 'u');

const END_LABEL = new RegExp(`(?:^|[\\s\\d.、)])(${[...DUTY_LABELS, ...REQ_LABELS].join('|')})\\s*$`, 'u');

type Parsed = { chunks: Chunk[]; fields: Map<string, string> };

/** Split the body into labelled sections; header fields (table cells or `label:value`) are collected. */
function parseBody(pieces: Piece[], initial: SectionKind): Parsed {
  const chunks: Chunk[] = [];
  const fields = new Map<string, string>();
  let section: SectionKind = initial;
  // false while the section is only implied (a heading opens the duties); true after a section label
  let explicit = false;
  const setField = (label: string, value: string) => {
    // `直接下属 间接下属`: a label followed by another label has no value
    if (value && !isLabelWord(value.split(/\s/)[0]) && !fields.has(label)) fields.set(label, value);
  };
  for (let k = 0; k < pieces.length; k++) {
    let text = pieces[k].text;
    if (CLOSING.test(text)) section = 'other';
    // a table label split over two lines (`直属` / `上级`)
    const nextPiece = pieces[k + 1];
    if (nextPiece && text.length <= 3 && nextPiece.text.length <= 3 && !LABEL_LINE.test(text) && LABEL_LINE.test(text + nextPiece.text)) {
      text = text + nextPiece.text;
      k++;
    }
    const whole = LABEL_LINE.exec(text);
    if (whole) {
      const label = whole[1];
      // `职位描述` heading a list (not a sentence) is how job ads label their duties
      const kind = /描述$/.test(label) ? 'duties' : sectionOf(label);
      if (kind === 'field') {
        // table cell: the value is the next line unless that is another label
        const nxt = pieces[k + 1];
        const splitLabelNext = nxt && pieces[k + 2] && nxt.text.length <= 3 && LABEL_LINE.test(nxt.text + pieces[k + 2].text);
        if (nxt && nxt.line <= pieces[k].line + 2 && !LABEL_LINE.test(nxt.text) && !INLINE_LABEL_AT_START.test(nxt.text) && !splitLabelNext) {
          setField(label, nxt.text);
          k++;
        }
        continue;
      }
      section = kind;
      explicit = true;
      chunks.push({ section, text: '', fromLabelLine: true, explicit });
      continue;
    }
    // inline labels: `岗位职责:(1)…任职要求:(1)…`
    INLINE_LABEL.lastIndex = 0;
    const marks: Array<{ label: string; at: number; end: number }> = [];
    for (let m = INLINE_LABEL.exec(text); m; m = INLINE_LABEL.exec(text)) marks.push({ label: m[1] ?? m[2] ?? m[3], at: m.index, end: m.index + m[0].length });
    // `… 1.2 具体工作职责`: a section label closing a line opens the section below it
    const tail = END_LABEL.exec(text);
    if (tail && !marks.some((m) => m.end > tail.index)) marks.push({ label: tail[1], at: text.length - tail[0].length + tail[0].indexOf(tail[1]), end: text.length });
    let lineSection = section;
    let restore: { section: SectionKind; explicit: boolean } | null = null;
    const head = text.slice(0, marks[0]?.at ?? text.length);
    // a bare item number before a label (`1. 岗位职责:`) numbers the section, not an item
    if (head.trim() && !(marks.length && ITEM_NUMBER_ONLY.test(head))) chunks.push({ section: lineSection, text: head, fromLabelLine: false, explicit });
    for (let j = 0; j < marks.length; j++) {
      const m = marks[j];
      const seg = text.slice(m.end, marks[j + 1]?.at ?? text.length);
      const kind = sectionOf(m.label);
      if (kind === 'field') {
        const { value, rest } = fieldValue(seg);
        setField(m.label, value);
        // items run on after an inline field (`管理责任:… 1、负责…`) stay in the current section
        if (rest.replace(/^[\s;;。,]+/, '')) chunks.push({ section: lineSection, text: rest, fromLabelLine: false, explicit });
        continue;
      }
      if (kind === 'other' && SUMMARY.test(m.label) && seg.trim() && j === marks.length - 1) restore = { section, explicit };
      lineSection = kind;
      explicit = true;
      chunks.push({ section: kind, text: seg, fromLabelLine: !seg.trim(), explicit });
    }
    section = restore?.section ?? lineSection;
    if (restore) explicit = restore.explicit;
  }
  return { chunks, fields };
}

/** Items of one section: numbered/bulleted items, else one per line under a bare label, else the prose as one item. */
function sectionItems(chunks: Chunk[], kind: SectionKind): string[] {
  const all = chunks.filter((c) => c.section === kind);
  // an explicit section label outranks text the heading only implied
  const mine = all.some((c) => c.explicit) ? all.filter((c) => c.explicit) : all;
  const text = mine.map((c) => c.text).join('\n').trim();
  if (!text) return [];
  const { items, intro } = leafItems(text);
  if (items.length) return items;
  const lines = text.split('\n').map((s) => s.trim()).filter(Boolean);
  if (mine.some((c) => c.fromLabelLine) && lines.length > 1 && lines.every((l) => /[;;。]$/.test(l) || l.length < 60)) return lines.map((l) => l.replace(/[;;]$/, ''));
  return intro ? [intro] : [];
}

const GENERIC_SUPERIOR = /^(上级|领导|公司|部门|有关|相关|各|本)|^(主管|经理)$/;

/** A superior stated in the text: 在X的领导下 / 向X负责|汇报 / 对X负责 / 接受X的指令. */
function superiorInText(text: string): string | null {
  const re = /在([^,。;在]{2,16}?)的?领导下|向([^,。;向]{2,16}?)(?:负责|汇报)|对(?![应于此其])([^,。;对]{2,16}?)负责|接受([^,。;]{2,12}?)的(?:指令|领导|指示)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? m[4]).replace(/\([^)]*\)/g, '').trim();
    if (looksLikeTitle(raw) && !GENERIC_SUPERIOR.test(raw) && !/[及和与、]/.test(raw)) return raw;
  }
  return null;
}

const firstOf = (fields: Map<string, string>, labels: string[]) => labels.map((l) => fields.get(l)).find((v) => v && v.trim()) ?? null;

function splitList(v: string | null): string[] {
  if (!v || /^(无|没有|暂无|-|—)$/.test(v.trim())) return [];
  return v.split(/[、,/;]/).map((s) => s.trim()).filter((s) => s && !/^(无|等)$/.test(s));
}

/** Cleaned lines of one document → a draft per post (source lines 1-based, inclusive). */
export function extractRoles(lines: string[], file: string): RoleDraft[] {
  const drafts: RoleDraft[] = [];
  lines = lines.map(colonizeGluedLabels);
  for (const p of segmentPassages(lines)) {
    const pieces = bodyPieces(p, lines);
    const initial: SectionKind = p.kind === 'table' || p.kind === 'label' ? 'other' : 'duties';
    const { chunks, fields } = parseBody(pieces, initial);
    const fromTitle = splitTitle(p.title);
    if (!fromTitle.title) continue;
    let duties = sectionItems(chunks, 'duties');
    // a table/label form without a duty label: its numbered lines are the duties
    if (!duties.length && initial === 'other') duties = sectionItems(chunks.map((c) => ({ ...c, section: c.section === 'other' ? 'duties' : c.section })), 'duties');
    const requirements = sectionItems(chunks, 'requirements');
    const allText = pieces.map((x) => x.text).join('\n');
    const aliases = [...fromTitle.aliases, ...(p.alias ? [splitTitle(p.alias).title] : [])].filter((a) => a !== fromTitle.title);
    // an acronym spelled out in the text (`TAM(Technical Account Manager)`) is one more name
    for (const a of fromTitle.aliases.filter((x) => /^[A-Z]+$/.test(x))) {
      const spelled = new RegExp(`${a}\\s*\\(([A-Za-z][A-Za-z .&-]{4,})\\)`).exec(allText);
      if (spelled) aliases.push(spelled[1].trim());
    }
    const department = firstOf(fields, DEPARTMENT_LABELS);
    const reportsTo = firstOf(fields, REPORTS_TO_LABELS);
    // a heading with nothing under it (an article title, a footer) describes no post
    if (!duties.length && !requirements.length && !department && !reportsTo) continue;
    drafts.push({
      title: fromTitle.title,
      aliases: [...new Set(aliases)],
      department: department ?? fromTitle.department ?? p.sectionDept ?? p.headingDept,
      reportsTo: reportsTo?.replace(/\([^)]*\)/g, '') || superiorInText(allText),
      directReports: splitList(firstOf(fields, DIRECT_REPORTS_LABELS)),
      duties,
      requirements,
      source: { file, startLine: p.start.line + 1, endLine: Math.max(p.end.line, p.start.line) + 1 },
    });
  }
  return drafts;
}
