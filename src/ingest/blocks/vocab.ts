/**
 * Words the block reader needs beyond the line reader's labels: what a label means (title, department, reporting
 * line, duties, requirements), English labels and job nouns, and the sentences that state a reporting line or
 * another name in prose. All are general vocabulary of job descriptions, not any one document's wording.
 */
import {
  DEPARTMENT_LABELS, DIRECT_REPORTS_LABELS, DUTY_LABELS, HEADER_FIELDS, OTHER_LABELS, REPORTS_TO_LABELS, REQ_LABELS, ROLE_SUFFIX,
  looksLikeDepartment, looksLikeTitle,
} from '../labels.js';

export type LabelKind = 'title' | 'department' | 'reportsTo' | 'directReports' | 'duties' | 'requirements' | 'other' | 'field';

const EXTRA: Record<LabelKind, string[]> = {
  title: ['岗位名称', '职位名称', '职务名称', '岗位职务', '职称', '职务', '职位', '岗位', '岗位名', '招聘岗位', '招聘职位', '应聘岗位', '聘用岗位', 'position', 'job title', 'title', 'position title', 'role', 'job'],
  department: ['所属单位', '所在单位', '所属科室', '所在科室', '所属组别', '所属部门', '科室', '组别', '所属团队', '团队', 'team', 'department', 'dept', 'division', 'unit'],
  reportsTo: ['直属主管', '直接主管', '上级', '直接汇报', '汇报给', '汇报', '汇报关系', "you'll report to", 'you will report to', 'reports into', 'reports to', 'report to', 'reporting to', 'reporting line', 'supervisor', 'line manager'],
  directReports: ['下属', '下级', '管理对象', 'direct reports', 'subordinates', 'supervises', 'manages'],
  duties: ['职位描述', '职责内容', '工作内容', '工作职掌', '职掌', '职务内容', '工作项目', 'job description', 'description', "what you'll do", 'what you will do', 'your role', '岗位职能', '主要任务', 'responsibilities', 'key responsibilities', 'main responsibilities', 'duties', 'main duties', 'job duties', 'duties and responsibilities', 'tasks', 'accountabilities'],
  requirements: ['条件要求', '资格', '要求', '任职要求', '入职要求', '岗位资格', 'what we look for', 'person specification', 'who you are', 'must have', 'essential criteria', '我们希望你', '希望你', '你需要', '加分项', '优先条件', "what we're looking for", 'what we are looking for', 'about you', 'nice to have', 'you have', "you'll need", 'minimum qualifications', 'preferred qualifications', 'bonus points', 'requirements', 'requirement', 'qualifications', 'qualification', 'skills', 'job requirements', 'education', 'experience'],
  other: ['岗位目的', '岗位概要', '职位目的', '工作目标', '备注', '说明', 'purpose', 'job purpose', 'summary', 'job summary', 'overview', 'note', 'notes'],
  field: ['岗位编号', '职位编号', '岗位定员', '定员', '编制', '人数', 'grade', 'level', 'location', 'code'],
};

const KINDS = new Map<string, LabelKind>();
const add = (kind: LabelKind, xs: string[]) => xs.forEach((x) => KINDS.has(labelKey(x)) || KINDS.set(labelKey(x), kind));

/** A label as compared: lower case, no spaces or brackets. */
export function labelKey(s: string): string {
  return s.toLowerCase().replace(/[\s【】[\]*_]/g, '');
}

add('duties', DUTY_LABELS);
add('requirements', REQ_LABELS);
add('reportsTo', REPORTS_TO_LABELS);
add('directReports', DIRECT_REPORTS_LABELS);
add('department', DEPARTMENT_LABELS.filter((l) => l !== '部门'));
for (const [k, xs] of Object.entries(EXTRA)) add(k as LabelKind, xs);
add('other', OTHER_LABELS);
add('field', HEADER_FIELDS);
add('department', ['部门']);

/** Labels that open a part of the description (duties, requirements, other) rather than give one field. */
export function isSection(kind: LabelKind): kind is 'duties' | 'requirements' | 'other' {
  return kind === 'duties' || kind === 'requirements' || kind === 'other';
}

export function labelKind(label: string): LabelKind | undefined {
  const key = labelKey(label);
  // `职责概述`, `岗位简介`: a summary of the post (exact entries such as 职位描述 come first)
  const kind = KINDS.get(key) ?? (/^\p{Script=Han}{0,4}(?:概述|概要|简介|综述)$/u.test(key) ? 'other' : undefined);
  if (kind || !/[A-Za-z]/.test(label) || !/\p{Script=Han}/u.test(label)) return kind;
  // `Reports to 汇报对象`: a bilingual label is either of its halves
  return KINDS.get(labelKey(label.replace(/\p{Script=Han}+/gu, ''))) ?? KINDS.get(labelKey(label.replace(/[A-Za-z .'-]+/g, '')));
}

/** English job nouns a title ends with (`Front Office Manager`, `Sous Chef`). */
const EN_ROLE = /\b(manager|director|officer|assistant|engineer|specialist|clerk|cashier|chef|cook|driver|supervisor|coordinator|analyst|accountant|agent|attendant|auditor|technician|operator|representative|lead|head|nurse|teacher|tutor|designer|developer|administrator|executive|consultant|receptionist|guard|cleaner|housekeeper|concierge|bellman|bellboy|waiter|waitress|server|bartender|porter|secretary|intern|worker|associate|president|controller|planner|buyer|inspector|advisor|adviser|architect|programmer|scientist|editor|writer|trainer|instructor|pharmacist|doctor|physician|therapist|mechanic|electrician|plumber|storekeeper|dispatcher|courier|captain|steward|host|hostess|ceo|cfo|cto|coo|vp)s?$/i;

/** Agent nouns (`Dishwasher`, `Bookkeeper`, `Receptionist`) name a person's work too. */
const EN_AGENT = /[a-z]{3}(?:er|or|ist|ian|ant|eer|man|woman|person)s?$/i;
const EN_NOT_AGENT = /\b(?:other|order|center|centre|number|water|paper|letter|cover|corner|chapter|matter|summer|winter|master|register|transfer|counter|folder|header|footer|factor|sector|floor|door|color|colour|error|contents?|document|plan|important)$/i;

export function looksLikeEnglishTitle(s: string): boolean {
  // `Director of Nursing`, `Head of Sales`: the post noun comes before `of`
  const t = s.trim().replace(/\s+of\s+.*$/i, '');
  if (!/^[A-Za-z][A-Za-z .&'/-]{1,48}$/.test(t) || t.split(/\s+/).length > 6) return false;
  return EN_ROLE.test(t) || (EN_AGENT.test(t) && !EN_NOT_AGENT.test(t));
}

/** Job nouns of trades and shops beyond the line reader's lexicon (`拉面师傅`, `叉车工`, `图书导购`, `保安`). */
const MORE_ROLE_NOUNS = /(?:医|师傅|(?<![施加开完分员手下上])工|导购|收银|保安|保洁|护士|医生|教师|老师|厨|匠|学徒|专家|律师|法务)$/;

/** A post name in any of the languages documents use. */
export function looksLikeAnyTitle(s: string): boolean {
  if (looksLikeTitle(s) || looksLikeEnglishTitle(s)) return true;
  const t = s.replace(/\([^()]*\)/g, '').trim();
  return t.length >= 2 && t.length <= 16 && !/[,。;:!?、()]|^\d/.test(t) && MORE_ROLE_NOUNS.test(t);
}

/** Organisation units, also `教务组`, `Rooms Division`. */
/** A whole organisation (`微笑口腔诊所`, `…律师事务所`), not a unit of one. */
const ORGANISATION = /(诊所|事务所|研究所|公司|集团|医院|学校|学院|大学|银行|酒店|宾馆|合作社|协会|基金会)$/;
/** `部门`, `本单位`: the word for a unit, naming none. */
const GENERIC_UNIT = /^(?:本|各|该|所属|所在|相关)?(?:部门|单位|科室|中心|小组|组|处|科|室)$/;

export function looksLikeUnit(s: string): boolean {
  const t = s.trim();
  if (GENERIC_UNIT.test(t) || ORGANISATION.test(t)) return false;
  if (looksLikeDepartment(t)) return true;
  if (/(组|队|股|所|站|分校|分院|营业部|管理层)$/.test(t) && !ROLE_SUFFIX.test(t) && t.length <= 12) return true;
  return /^[A-Za-z][A-Za-z &]{2,40}\b(department|division|office|team|unit)$/i.test(t);
}

/** Words of a heading that names a document, a chapter or a rule book rather than a post (see notAPost). */
const NOT_A_POST = /类$|系列$|序列$|工作$|事项$|规则$|权限|说明书|说明|介绍|手册|制度|规范|流程|须知|一览|汇编|目录|附件|附录|概况|简介|篇|章|公司|资料|(?<!代)表$|守则|规定|办法|通知|总则|前言|职责$|职能|要求$|考核|标准|架构|设置|编制|目标|计划|总结|培训|会议|备注|签字|审核|批准|版本|日期|^(?:附|注)/;

/** A page number or running footer line. */
export const PAGE_FOOTER = /^(?:[=\-_*~#]{3,}|共\s*\d+\s*条(?:记录)?|第\s*\d+\s*页(?:\s*[,/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|page\s+\d+(?:\s*(?:of|\/)\s*\d+)?|-\s*\d+\s*-|\d+\s*\/\s*\d+)$/i;

/**
 * A name that heads a document, chapter or rule book, not a post: such words (培训, 计划, 资料, 审核) name posts too
 * when a job noun ends the name (培训专员, 计划员, 资料员, 审核员).
 */
export function notAPost(name: string): boolean {
  return NOT_A_POST.test(name) && !looksLikeAnyTitle(name);
}
