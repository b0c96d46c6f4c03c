/**
 * Posts in a document's blocks, found from structure rather than from known layouts:
 * - a name line (a heading at any level, or a short line standing alone or numbered) whose body describes a post
 *   (items, a duties/requirements/reporting label). Names of the same shape (heading level, numbering style) are
 *   judged together: a shape most of whose names read as posts and have such bodies is the document's post
 *   shape, so colloquial names in it (`墩子`, `打荷`) count too, and its unit names (`财务部`) give departments;
 * - a form with a title label (`岗位名称：`, `職稱：`, `Position:`) and no name line above it;
 * - a table with a row per post (tables.ts);
 * - paragraphs that open with a post as their subject (`收银员的主要工作是…`), when a document has several.
 */
import type { Block } from '../../documents/model.js';
import type { RoleDraft } from '../../roles/schema.js';
import { isLabelWord, looksLikeName } from '../labels.js';
import { parseBody, type Body } from './body.js';
import { chinesePart } from './text.js';
import { draft, headName, type Name } from './draft.js';
import { formRoles, itemRoles } from './forms.js';
import { proseRoles } from './prose.js';
import { isRowTable, tableRoles } from './tables.js';
import { toUnits, type Unit } from './units.js';
import { isSection, looksLikeAnyTitle, looksLikeEnglishTitle, looksLikeUnit, notAPost } from './vocab.js';

type Candidate = { at: number; shape: string; rank: number; name: Name };

/** `技术部 · 杭州 · 全职`: a line of facts about the post above it (see body.ts), not a name. */
const META_LINE = /[·|｜][^·|｜]+[·|｜]/;
/** `岗位人员`, `全体员工`: everyone's duties, no one post's. */
const GENERIC_STAFF = /^(?:各|全体|所有|其他)?(?:岗位|职位|工作)?(?:人员|员工|职员)$/;
const SENTENCE = /[。;!?,]|[^)]*:/;

/** Is units[at] one of a run of items numbered alike that a section label (duties, requirements) opens? */
function inLabelledRun(units: Unit[], at: number): boolean {
  const marker = units[at].marker;
  // list numbering only: `2.1`, `一、`, `第2章` number sections, whose names are posts
  if (marker !== 'arabic' && marker !== 'paren' && marker !== 'paren-cjk') return false;
  let k = at - 1;
  while (k >= 0 && units[k].marker === marker && units[k].kind !== 'heading') k--;
  // (a label with its value on the same line, `條件要求：大學以上`, opens no list)
  // (`（二）岗位职责` numbers a section over posts; `岗位职责：` opens a list)
  const opener = units[k];
  const label = opener?.label;
  if (!label || label.value || (label.kind !== 'duties' && label.kind !== 'requirements')) return false;
  return opener.marker === 'none' && (opener.kind === 'heading' || opener.text.endsWith(':'));
}

/** A name line: a heading, or a short line that is no sentence, numbered, standing alone or right above a list. */
function isCandidate(u: Unit, next: Unit | undefined, inSection = false): boolean {
  if (u.kind === 'table' || u.label) return false;
  if (u.kind === 'heading') return u.text.length <= 60;
  if (u.text.length < 2 || u.text.length > 30 || SENTENCE.test(u.text.replace(/\([^)]*\)/g, ''))) return false;
  // a list item holding only a name, over deeper items that label its fields (`- 保洁主管` / `  - 上级：…`)
  if (u.kind === 'item' && next?.kind === 'item' && (next.depth ?? 0) > (u.depth ?? 0) && next.label) return true;
  if (u.marker === 'bullet' || u.marker === 'paren' || META_LINE.test(u.text)) return false;
  // a numbered line in a run numbered alike under a section label is an item of it (`岗位职责：` … `4.紧急事件报告`)
  if (inSection) return false;
  if (u.marker !== 'none' || u.gap) return true;
  if (!next || next.kind === 'heading') return false;
  return next.marker !== 'none' && next.marker !== 'bullet';
}

/** A name that can be a post's: short, not a unit, a label or a document's or chapter's heading. */
function nameOk(n: Name): boolean {
  const t = n.title;
  if (looksLikeEnglishTitle(t)) return true;
  return t.length >= 2 && t.length <= 14 && looksLikeName(t) && !GENERIC_STAFF.test(t) && !notAPost(t) && !looksLikeUnit(t) && !isLabelWord(t) && !/^\d/.test(t);
}

/**
 * A rule book, policy or approval table (`考勤管理制度`, `费用审批权限表`, articles `第三条`) names posts in its
 * sections without describing them: there only a post's own labels (duties, requirements, reporting) count.
 */
export function isRuleBook(units: Unit[]): boolean {
  const head = units.slice(0, 3).some((u) => RULE_BOOK.test(u.text.replace(/\([^)]*\)$/, '').trim()));
  if (units.some((u) => u.kind === 'heading' && /审批权限|审批流程|权限表|请假|休假|考勤/.test(u.text))) return true;
  return head || units.filter((u) => /^第[一二三四五六七八九十百\d]{1,4}条/.test(u.text)).length >= 3;
}
const RULE_BOOK = /(制度|办法|规定|细则|守则|章程|条例|规程|权限表|审批表|流程|须知|通知|纪要|使用说明书|用户手册|操作手册|安装说明|产品说明书|manual|guide)$/i;

/** Units describe a post: an item, or a duties, requirements or reporting label (in a rule book only a label). */
function evidence(body: Unit[], rules = false): { any: boolean; strong: boolean } {
  let items = 0;
  let labels = 0;
  for (const u of body) {
    if (u.kind === 'item' || u.marker !== 'none') items++;
    if (u.label && ['duties', 'requirements', 'reportsTo'].includes(u.label.kind)) labels++;
  }
  if (rules) return { any: labels > 0, strong: labels > 0 };
  return { any: items > 0 || labels > 0, strong: labels > 0 || items >= 2 };
}

const ORG_KIND = /^(?:酒店|宾馆|学校|医院|公司|集团|工厂|银行|超市|商场)(\p{Script=Han}{2,10})$/u;

/** The unit a heading names: `财务部`, `Rooms Division 房务部`, `财务部岗位设置` / `客服部各岗位职责`. */
function unitOf(title: string, text: string): string | null {
  // `锦江湾酒店 餐饮部员工手册`: the unit is in the part after the organisation's name
  const parts = text.trim().split(/\s+/);
  if (parts.length > 1) for (const part of parts.slice(1).reverse()) {
    const unit = unitOf(headName(part).title, part);
    if (unit) return unit;
  }
  // `酒店前厅部`, `学校后勤处`: the organisation's kind before its unit
  const own = ORG_KIND.exec(title);
  if (own && looksLikeUnit(own[1])) return own[1];
  if (looksLikeUnit(title)) return title;
  const zh = chinesePart(text);
  if (looksLikeUnit(zh)) return zh;
  const m = /^(\p{Script=Han}{2,10}?)(?:各|所有)?(?:岗位|职位|人员|员工)/u.exec(title);
  return m && looksLikeUnit(m[1]) ? m[1] : null;
}

export function detectRoles(blocks: Block[], file: string): RoleDraft[] {
  const units = toUnits(blocks);
  const shapes: string[] = [];
  const cands: Candidate[] = [];
  units.forEach((u, at) => {
    if (!isCandidate(u, units[at + 1], inLabelledRun(units, at))) return;
    // (nested list items rank by their depth, below every heading and numbering style)
    const nested = u.kind === 'item' && u.depth !== undefined && (units[at + 1]?.depth ?? 0) > u.depth;
    const shape = u.kind === 'heading' ? `h${u.level}` : nested ? `item${u.depth}` : u.marker;
    if (u.kind !== 'heading' && !nested && !shapes.includes(shape)) shapes.push(shape);
    const rank = u.kind === 'heading' ? u.level! : nested ? 50 + u.depth! : 10 + shapes.indexOf(shape);
    cands.push({ at, shape, rank, name: headName(u.text) });
  });
  const isCand = new Map(cands.map((c) => [c.at, c]));
  const ends = new Map<number, number>();
  const bodyEnd = (c: Candidate) => {
    let end = ends.get(c.at);
    if (end === undefined) {
      end = units.length;
      for (let k = c.at + 1; k < units.length; k++) {
        const o = isCand.get(k);
        const u = units[k];
        const shallower = c.rank >= 50 && (u.kind !== 'item' || (u.depth ?? 0) <= c.rank - 50);
        // a heading as high as the name's that is a field (`## Team: Platform`), not a section of the post
        const fieldHeading = u.kind === 'heading' && u.level! <= c.rank && u.label !== undefined && !isSection(u.label.kind);
        if ((o && o.rank <= c.rank) || shallower || fieldHeading || (u.kind === 'table' && isRowTable(u.rows ?? []))) {
          end = k;
          break;
        }
      }
      ends.set(c.at, end);
    }
    return end;
  };
  // judge each shape's names together
  const roleAt = new Map<number, Body>();
  const rules = isRuleBook(units);
  const proof = (c: Candidate) => evidence(units.slice(c.at + 1, bodyEnd(c)), rules);
  for (const shape of new Set(cands.map((c) => c.shape))) {
    const members = cands.filter((c) => c.shape === shape);
    const passing = members.filter((c) => nameOk(c.name) && proof(c).any);
    const strict = passing.filter((c) => looksLikeAnyTitle(c.name.title)).length;
    const single = passing.length === 1 && strict === 1 && proof(passing[0]).strong;
    // names no lexicon knows (砧板, 打荷, 水台) count when three or more of one shape each head a full description
    // (never list items: the last item of each list runs into the next section, which looks like a description)
    const trade = passing.length >= 3 && passing.every((c) => units[c.at].kind !== 'item' && proof(c).strong);
    if (!(passing.length >= 2 && strict >= 0.4 * passing.length) && !single && !trade) continue;
    for (const c of passing) roleAt.set(c.at, parseBody(units.slice(c.at + 1, bodyEnd(c)), c.name.title));
  }
  // a name whose body holds other posts heads a document or a chapter (`…人员职务说明书`), not a post
  for (const c of cands) {
    const end = roleAt.has(c.at) ? bodyEnd(c) : -1;
    if (cands.some((o) => o.at > c.at && o.at < end && roleAt.has(o.at))) roleAt.delete(c.at);
  }
  const drafts: RoleDraft[] = [];
  const covered = new Set<number>();
  const deptAt = new Map<number, string>();
  let nextCand = 0;
  // a unit named before the first post (a Word title paragraph `信息技术部岗位说明`) is the document's
  let docUnit: string | null = null;
  const deptFor = (rank: number) => {
    let best: string | null = null;
    for (const [r, d] of [...deptAt].sort((a, b) => a[0] - b[0])) if (r <= rank) best = d;
    return best ?? docUnit;
  };
  const deptAtUnit: (string | null)[] = [];
  for (let k = 0; k < units.length; k++) {
    const c = cands[nextCand]?.at === k ? cands[nextCand++] : undefined;
    deptAtUnit[k] = deptFor(99);
    if (c) {
      for (const r of [...deptAt.keys()]) if (r > c.rank) deptAt.delete(r);
      const body = roleAt.get(k);
      if (body) {
        const d = draft(file, c.name, body, units[k], units[k + body.used] ?? units[k], deptFor(c.rank - (c.shape.startsWith('h') ? 1 : 0)) ?? deptFor(c.rank));
        if (d) drafts.push(d);
        for (let j = k; j <= k + body.used; j++) covered.add(j);
      } else {
        const unit = unitOf(c.name.title, units[k].text);
        if (unit) deptAt.set(c.rank, unit);
        if (unit && !drafts.length) docUnit ??= unit;
      }
      continue;
    }
    const u = units[k];
    // `## Team: Platform`, `## 部门：客服部`: a heading that names the unit of the posts below it
    if (u.kind === 'heading' && u.label?.kind === 'department' && u.label.value) {
      for (const r of [...deptAt.keys()]) if (r >= u.level!) deptAt.delete(r);
      deptAt.set(u.level!, chinesePart(u.label.value));
    }
    if (u.kind === 'table' && u.rows) {
      const rows = tableRoles(u.rows, file, deptFor(99));
      if (rows) drafts.push(...rows);
      covered.add(k);
    }
  }
  drafts.push(...formRoles(units, covered, file, deptAtUnit));
  if (!rules) drafts.push(...itemRoles(units, covered, file, deptAtUnit));
  drafts.push(...proseRoles(units, covered, file));
  return drafts.sort((a, b) => a.source.startLine - b.source.startLine);
}
