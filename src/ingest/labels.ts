/**
 * The vocabulary of job-description layouts: field labels, section labels and the word endings that
 * mark a post or a department. Segment and extract share these so both read a document the same way.
 */

/** Words a post title ends with (a general lexicon of Chinese job nouns, not any one document's titles). */
export const ROLE_SUFFIX =
  /(经理|总监|主管|专员|工程师|设计师|师|员|岗|岗位|长|代表|顾问|助理|秘书|主任|督导|司机|会计|出纳|前台|管家|负责人|人员|总裁|董事|监理|总厨|厨|美工|文员|客服|编辑|经纪人|干事|领班|总|[A-Z]{2,6})$/;

/** Organisation units: a name ending like this is a department, not a post. */
export const DEPT_SUFFIX = /(部|部门|中心|办公室|科|处|室|车间|事业部|分公司)$/;

/** Chinese ordinal numerals used for top-level sections (一、 二. 十一、). */
export const CJK_NUM = '[一二三四五六七八九十]{1,3}';

/** Labels whose value is the post title. */
const TITLE_LABELS = ['岗位职务', '职位名称', '岗位名称', '职务名称', '职位', '岗位'];

/** Section labels that open the duty list. */
export const DUTY_LABELS = [
  '主要工作职责及工作流程', '主要工作职责', '具体工作职责', '岗位工作职责', '岗位职责', '工作职责', '职责描述', '主要职责', '具体职责',
  '职位职责', '职责范围', '工作内容', '主要工作', '工作任务', '职务描述', '职责', '岗位描述', '工作描述',
];

/** Section labels that open the requirements list. */
export const REQ_LABELS = [
  '教育背景、任职资质、工作经验', '应具备之基本资格及条件', '岗位任职资格', '任职资格与要求', '任职资格', '任职要求', '任职条件', '岗位要求',
  '资格要求', '应聘要求', '应聘条件', '招聘要求', '基本要求', '教育背景', '学历要求', '职位要求', '资格条件', '岗位任职条件',
];

/** Labels of sections that are neither duties nor requirements. */
export const OTHER_LABELS = [
  '工作目的', '岗位目的', '职位概要', '岗位概述', '职位描述', '工作概述', '概述', '工作大纲', '工作要点', '重要工作联系', '工作联系', '职位权限', '岗位权限',
  '关键考核指标', '考核指标', '工作条件', '工作环境', '岗位发展', '发展方向', '工作关系', '职位工作关系', '相关权利', '工作协调关系', '总结',
];

/** One-value header fields of job-description tables that the record does not keep. */
export const HEADER_FIELDS = [
  '晋升方向', '轮转岗位', '薪金标准', '薪资待遇', '职位代码', '职系', '职等职级', '编写日期', '填写日期', '审核人', '核准人', '有效日期', '人员编制',
  '工作地点', '招录单位', '所属单位', '岗位性质', '管理责任', '基本资料', '间接下属', '分部门', '岗位编号', '职位编号', '岗位等级',
];

export const REPORTS_TO_LABELS = ['直接上级', '直属上级', '汇报对象', '汇报职级', '汇报上级', '上级主管', '报告对象', '上级岗位', '直接领导', '直属领导'];
export const DIRECT_REPORTS_LABELS = ['直接下属', '直接下级', '直属下级', '直属下属', '管理下属', '下属岗位'];
export const DEPARTMENT_LABELS = ['所属部门', '招录部门', '所在部门', '用人部门', '隶属部门', '部门'];

export type SectionKind = 'duties' | 'requirements' | 'other';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const FIELD_LABELS = byLength([
  ...TITLE_LABELS, ...REPORTS_TO_LABELS, ...DIRECT_REPORTS_LABELS, ...DEPARTMENT_LABELS, ...OTHER_LABELS, ...HEADER_FIELDS,
]);
const ALL_LABELS = byLength([...DUTY_LABELS, ...REQ_LABELS, ...FIELD_LABELS]);
export const ALL_LABELS_ALT = ALL_LABELS.map(esc).join('|');

export function sectionOf(label: string): SectionKind | 'field' {
  if (DUTY_LABELS.includes(label)) return 'duties';
  if (REQ_LABELS.includes(label)) return 'requirements';
  if (OTHER_LABELS.includes(label) || /概述$|概要$/.test(label)) return 'other';
  return 'field';
}

/** A whole line that is only a label (table cell), optionally numbered and colon-terminated. */
export const LABEL_LINE = new RegExp(`^(?:${CJK_NUM}[、.]|\\d{1,2}[.、]|\\((?:\\d{1,2}|${CJK_NUM})\\))?\\s*[【\\[]?(${ALL_LABELS_ALT})[】\\]]?\\s*(?:\\([A-Za-z]+\\))?\\s*[::]?$`);

/** Unambiguous labels that also work without a colon when a space separates them from their value (one-line tables). */
export const SPACED_LABELS = ['职位名称', '岗位名称', '所属部门', '直接上级', '直属上级', '直接下属', '直接下级', '汇报对象', '岗位职责', '工作职责', '任职要求', '任职资格'];

/** `label:` anywhere in a line (flattened forms run labels together), or `label value` between spaces. Label: group 1 or 2. */
export const INLINE_LABEL = new RegExp(`(?:(${ALL_LABELS_ALT}|\\S{0,3}概述|职位概要)\\s*[::]|【(${ALL_LABELS_ALT})】[::]?|(?<=^|\\s)(${SPACED_LABELS.join('|')})\\s+(?=\\S))`, 'gu');

export function isLabelWord(s: string): boolean {
  return ALL_LABELS.includes(s);
}

/** Is s shaped like a post title (short, ends with a job noun, not a department or a label)? */
export function looksLikeTitle(s: string): boolean {
  const t = s.replace(/\([^()]*\)/g, '').trim();
  // a stray bracket or a leading figure means a fragment of a longer line (`3楼前台)客服员`)
  if (t.length < 2 || t.length > 16 || /[,。;:!?、()]|^\d/.test(t)) return false;
  if (isLabelWord(t) || /^(各|主要|相关|本|其他|以下)/.test(t)) return false;
  return ROLE_SUFFIX.test(t);
}

/** A value given under an explicit title label: any short name (the label already says it is a post). */
export function looksLikeName(s: string): boolean {
  const t = s.replace(/\([^)]*\)/g, '').trim();
  // a label's value may be longer than a bare title and carry a figure (`第2分部航班运营管理`), not lead with one
  return looksLikeTitle(s) || (/^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z\d/]{1,19}$/u.test(t) && !isLabelWord(t) && !DEPT_SUFFIX.test(t));
}

export function looksLikeDepartment(s: string): boolean {
  return DEPT_SUFFIX.test(s) && !ROLE_SUFFIX.test(s);
}

/** Table labels that can be run together with their values without any colon. */
const GLUED_LABELS = ['职位名称', '岗位名称', '岗位编号', '职位编号', '所属部门', '直接上级', '直属上级', '直接下属', '直接下级', '岗位目的', '工作目的', '岗位职责', '工作职责', '任职要求', '任职资格'];
const GLUED = new RegExp(`(${GLUED_LABELS.join('|')})(?![::、和及与,\\s]|$)`, 'gu');

/**
 * `岗位名称项目经理岗位编号 所属部门工程管理部直接上级总经理…`: a table flattened with no separators.
 * With three or more such labels on a line, each gets its colon back so the line parses like `label:value`.
 */
export function colonizeGluedLabels(line: string): string {
  const found = new Set([...line.matchAll(GLUED)].map((m) => m[1]));
  return found.size >= 3 ? line.replace(GLUED, '$1:') : line;
}
