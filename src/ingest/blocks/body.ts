/**
 * The units under a post's name → its fields: labelled fields (`汇报对象：`, `Reports to:`), sections opened by
 * a label (duties, requirements, other), list items, and the summary sentences between the name and the first
 * item, which state a reporting line or other names but are not duties.
 */
import { valueItems } from './text.js';
import { aliasesIn, ledIn, reportingLineOf, REQUIREMENT, superiorIn } from './sentences.js';
import { dutyColumn } from './tables.js';
import type { Unit } from './units.js';
import { isSection, looksLikeUnit, type LabelKind } from './vocab.js';

export type Body = {
  duties: string[];
  requirements: string[];
  fields: Partial<Record<LabelKind, string>>;
  aliases: string[];
  reportsTo: string | null;
  directReports: string[];
  /** units consumed (the body ends before a trailing paragraph that is not the post's) */
  used: number;
};

type Section = 'duties' | 'requirements' | 'other';

/** Headings of the parts of a description that are neither duties nor requirements. */
const OTHER_SECTION = /权限|关系|考核|指标|绩效|发展|晋升|环境|待遇|福利|薪资|薪酬|目的|概述|概要|基本信息|基本资料/;

const isItem = (u: Unit) => u.kind === 'item' || u.marker !== 'none';



export function parseBody(units: Unit[], title: string): Body {
  const lists: Record<Section, string[]> = { duties: [], requirements: [], other: [] };
  const fields: Body['fields'] = {};
  const summary: string[] = [];
  let section: Section = 'duties';
  let explicit = false;
  let content = false;
  let used = 0;
  let lastPara = false;
  /** items under a summary label (职责概述): the duties, when no duties label follows */
  const otherItems: string[] = [];
  for (const u of units) {
    // a table inside a post's body: its duties column lists the post's duties (`序号 | 工作内容 | 频次`)
    if (u.kind === 'table') {
      const items = u.rows ? dutyColumn(u.rows) : [];
      lists.duties.push(...items);
      content ||= items.length > 0;
      used++;
      continue;
    }
    // a heading that is a field (`## Team: Platform`) starts something else; it is no field of this post
    if (u.kind === 'heading' && u.label && !isSection(u.label.kind)) break;
    // a sub-heading inside a post's body groups its items (日常工作, 基本信息) or opens a section that is not
    // duties (工作权限, 工作关系, 考核指标)
    if (u.kind === 'heading' && !u.label) {
      if (OTHER_SECTION.test(u.text)) {
        section = 'other';
        explicit = true;
      } else if (section === 'other') section = 'duties';
      used++;
      continue;
    }
    const label = u.label;
    if (label) {
      lastPara = false;
      if (isSection(label.kind)) {
        section = label.kind;
        explicit = true;
        content = true;
        if (label.value) lists[section].push(...valueItems(label.value));
      } else if (label.kind === 'title' && fields.title && label.value && fields.title !== label.value) {
        break; // the next form starts
      } else if (label.value && !fields[label.kind]) fields[label.kind] = label.value;
      used++;
      continue;
    }
    // an item that only states the reporting line (`在教务处主任领导下工作。`) is no duty
    // (a sentence before the list is a summary, read for its reporting line below)
    const boss = fields.reportsTo || !(isItem(u) || content) ? null : reportingLineOf(u.text, isItem(u) ? 20 : 30);
    if (boss && isItem(u) && !/负责|完成|组织|协助/.test(u.text)) {
      fields.reportsTo = boss;
      used++;
      continue;
    }
    if (isItem(u)) {
      lastPara = false;
      lists[section].push(u.text);
      if (section === 'other') otherItems.push(u.text);
      content = true;
      used++;
      continue;
    }
    if (!content) {
      summary.push(u.text);
      used++;
      continue;
    }
    // after the list: a sentence stating the reporting line (`直属上级为中餐厅经理。`) is taken, an unknown
    // `label: value` line (`编制人数: 2`) ends the post
    if (boss) {
      fields.reportsTo = boss;
      used++;
      continue;
    }
    if (/^[^:]{2,10}:\s*\S/.test(u.text)) break;
    // a paragraph after the items: under a bare section label it is that section's text (paragraphs in a row,
    // one item each); a requirement sentence is a requirement; anything else standing alone (after a blank line,
    // or a paragraph of its own) is no longer about this post
    lastPara = explicit && (!lists[section].length || lastPara);
    if (lastPara) lists[section].push(u.text);
    else if (REQUIREMENT.test(u.text.slice(0, 12)) || u.text.includes(title)) lists.requirements.push(u.text);
    else if (u.gap) break;
    else lists[section].push(u.text);
    used++;
  }
  const said = summary.join('');
  let duties = lists.duties.length ? lists.duties : otherItems.length >= 2 ? otherItems : [];
  const requirements = lists.requirements;
  // no list and no label: the post is described in sentences, which are its duties
  if (!content) {
    const own = summary.filter((s) => !(REQUIREMENT.test(s.slice(0, 12)) && /要求|学历|经验/.test(s)));
    duties = own.length ? own : [];
    requirements.push(...summary.filter((s) => !own.includes(s)));
  }
  // `销售部 · 上海 · 全职`: a line of facts whose first names the unit
  const unit = summary.map((t) => t.split(/\s*[·|｜]\s*/)).find((parts) => parts.length >= 3 && looksLikeUnit(parts[0]))?.[0];
  if (unit && !fields.department) fields.department = unit;
  return {
    duties: duties.filter(Boolean),
    requirements: requirements.filter(Boolean),
    fields,
    aliases: aliasesIn(said),
    reportsTo: superiorIn(said),
    directReports: ledIn(said),
    used,
  };
}
