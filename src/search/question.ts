/**
 * Question understanding: which intent (a role card, "who handles X", one field of a role) and the words
 * that remain once the question's scaffolding is stripped. Works on questionKey() text, the same key form
 * titles are indexed under, so "客服主管的上级是谁？" and "客服主管 上级" reduce alike.
 */
import type { Field, Intent } from '../answer/types.js';
import { normalizeKey, questionKey } from '../text/normalize.js';
import { isEnglish } from '../words/english.js';
import { englishSubjects, parseEnglish } from './question-en.js';

export type ParsedQuestion = {
  intent: Intent;
  field?: Field;
  /** role/field: the title asked about (most likely first); who: the duty words. */
  subjects: string[];
  /** who: the duty words searched for. */
  topic: string;
  /** The whole question in key form. */
  key: string;
  /** The language asked in: answers are labelled in it. */
  lang: 'zh' | 'en';
  /** The title or topic as typed in English (an English question, or English words in a Chinese one), lower case with its spaces (for translation). */
  phrase?: string;
};

/** Longest question we analyse; anything longer is cut (a title or duty phrase is never this long). */
export const MAX_QUESTION_CHARS = 200;

const LEAD = /^(?:请问一下|请问|你好|您好|我想知道|我想了解|我想问一下|我想问|想问一下|想问|问一下|请告诉我|告诉我|帮我查一下|帮我查|帮忙查一下|查一下|查查|查询|请|麻烦|那|那么)+/;
const TAIL = /(?:呢|吗|呀|啊|吧|哦|嘛|哈)+$/;
const Q = '(?:是谁|是哪个岗位|是什么岗位|是哪个职位|是哪位|是哪些|有哪些|有谁|都有谁|都有哪些|是什么|是啥|有什么|包括哪些|包括什么|是)?';

type Rule = { re: RegExp; intent: Intent; field?: Field; needsTitle?: boolean };

const S = '(?<s>.+?)';
const T = '(?<t>.+?)';
/** Who steps in (谁来处理, 谁出面处理, 谁去办): part of asking who, not of the duty. */
const WHO_STEPS = '(?:来|去|出面|出马)';

/**
 * Order matters. A question opening with "谁负责…"/"哪个岗位负责…" is a who question whatever follows;
 * then field rules ("稽查主管对谁负责" asks for a boss), then the other who forms ("年检由谁负责").
 */
const RULES: Rule[] = [
  { re: new RegExp(`^(?:哪个|哪些|什么|哪一个)(?:岗位|职位|人|角色|部门|同事)(?:负责|管|处理|来做|做|办|跟进|管理)${T}$`), intent: 'who' },
  { re: new RegExp(`^谁${WHO_STEPS}?(?:负责|管|处理|做|办|跟进|管理|审查|审核)${T}$`), intent: 'who' },
  // reportsTo
  { re: new RegExp(`^${S}的?(?:直属|直接|顶头)?(?:上级|上司|领导|主管领导|汇报对象|汇报人|汇报线|汇报关系)(?:领导)?${Q}$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^${S}(?:应该|需要|要)?(?:向|对|跟|给)(?:谁|哪个岗位|哪位|什么人)(?:汇报|负责|报告)(?:工作)?$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^${S}(?:汇报给|归|听从?|受)(?:谁|哪个岗位)的?(?:管|领导|指挥|安排|调度|指示)?$`), intent: 'field', field: 'reportsTo', needsTitle: true },
  { re: new RegExp(`^${S}的?(?:直属|直接|顶头)(?:主管|经理|老板|负责人)${Q}$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^${S}(?:由|被)(?:谁|哪个岗位)(?:管理|领导|管)$`), intent: 'field', field: 'reportsTo', needsTitle: true },
  { re: new RegExp(`^谁是${S}的(?:直属|直接)?(?:上级|上司|领导)$`), intent: 'field', field: 'reportsTo' },
  // directReports
  { re: new RegExp(`^${S}(?:有|带|管)(?:几个|哪些|多少|什么)(?:下属|下级|手下|人)$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^${S}的?(?:直接|直属)?(?:下属|下级|手下|部下|团队成员|下属岗位)${Q}$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^${S}(?:管理|管|带|领导)(?:哪些|几个|什么|哪几个)(?:人|岗位|职位|下属)?$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^(?:谁|哪些岗位|哪些人|哪个岗位)(?:向|对)${S}(?:汇报|负责)(?:工作)?$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^谁是${S}的(?:下属|下级)$`), intent: 'field', field: 'directReports' },
  // requirements
  { re: new RegExp(`^(?:做|当|应聘|成为)?${S}(?:需要|要求|要|得)(?:什么|哪些|多少|啥|怎样的|什么样的?)(?:学历|条件|资格|经验|技能|能力|证书|专业|素质|要求)$`), intent: 'field', field: 'requirements' },
  { re: new RegExp(`^${S}(?:有|需要|要|得)(?:什么|哪些|啥)(?:任职|岗位)?(?:要求|条件|资格|资质|证书|证)$`), intent: 'field', field: 'requirements' },
  // 要什么驾照 / 要持什么证 / 需要什么证照: a licence is a requirement
  { re: new RegExp(`^${S}(?:需要|要|得|须)(?:持有?|有|考|拿)?(?:什么|哪些|啥|哪种|哪类)(?:驾照|驾驶证|证件?|证书|证照|执照|资质|资格证书?|上岗证|职称)$`), intent: 'field', field: 'requirements' },
  // before the generic rule below, which would keep 的学历 in the subject
  { re: new RegExp(`^${S}的?(?:学历|经验|技能|专业|能力|年龄|资格证书?)(?:要求|条件)?${Q}$`), intent: 'field', field: 'requirements' },
  { re: new RegExp(`^${S}的?(?:任职|岗位|招聘|应聘|资格)?(?:要求|资格|条件|资质)${Q}$`), intent: 'field', field: 'requirements' },
  // department
  { re: new RegExp(`^${S}(?:属于|在|是|归|隶属于?|归属)(?:哪个|什么|哪一个|哪)(?:部门|单位|科室|组|小组|团队|中心)的?$`), intent: 'field', field: 'department' },
  { re: new RegExp(`^${S}的?(?:所属|所在)?部门${Q}$`), intent: 'field', field: 'department' },
  // duties
  { re: new RegExp(`^${S}的?(?:岗位|工作|主要|具体)?(?:职责|职能|工作内容|工作职责|工作任务|责任)${Q}$`), intent: 'field', field: 'duties' },
  { re: new RegExp(`^${S}(?:主要)?(?:负责|管)(?:什么|哪些|啥)(?:工作|事情|事|内容)?$`), intent: 'field', field: 'duties' },
  // who handles X
  { re: new RegExp(`^${T}(?:是|归|属于|该|应该|要|应|找|问|由)?(?:哪个|哪些|什么|哪一个|哪)(?:岗位|职位|人|部门|角色|同事)(?:来)?(?:的事情?|的工作|的职责|的活儿?|的任务|负责|管|来做|做|处理|办|跟进|审查|审核)?的?$`), intent: 'who' },
  { re: new RegExp(`^${T}(?:由谁|谁来|该谁|归谁|找谁|问谁|谁)${WHO_STEPS}?(?:负责|处理|管|做|办|审查|审核|跟进|管理|承担)?的?$`), intent: 'who' },
  { re: new RegExp(`^${T}(?:是|归)?谁的(?:活儿?|工作|事情?|职责|任务|责任)$`), intent: 'who' },
  { re: new RegExp(`^${T}(?:找|问)(?:哪个岗位|哪个部门|哪位|谁)(?:办|处理|办理|负责)?$`), intent: 'who' },
  // where do I go for it (化肥农药去哪领, 借书证在哪办): asks who hands it out or handles it
  { re: new RegExp(`^${T}(?:要|该|得|应该|可以)?(?:去|到|在|找)?(?:哪里|哪儿|哪|什么地方)(?:领|领取|办|办理|申请|拿|交|报|问|开|还|退|换|借|寄|送|修|买)的?$`), intent: 'who' },
  // a role card
  { re: new RegExp(`^(?:介绍一下|介绍下|介绍|说说|讲讲|说一下|讲一下)${S}(?:岗位|职位)?$`), intent: 'role' },
  { re: new RegExp(`^${S}(?:是做什么的|是干什么的|是干嘛的|(?:要|需要|主要)?(?:做|干)(?:什么|哪些|啥)(?:工作|事情?)?|干嘛|是什么岗位|是什么职位|是什么|的介绍|岗位介绍|职位介绍|的情况|怎么样)$`), intent: 'role' },
];

/** Trailing words that name the kind of thing rather than the role itself (居转户岗位 is tried whole first). */
const SUBJECT_TAIL = /(?:岗位|职位|这个岗位|这个职位|一职|的?(?:岗位|职位)?(?:说明书|描述|jd))$/;
const SUBJECT_LEAD = /^(?:这个|那个|咱们|我们|公司的?|我们公司的?)/;

function subjectsOf(s: string): string[] {
  const out = [s];
  const lead = s.replace(SUBJECT_LEAD, '');
  const tail = lead.replace(SUBJECT_TAIL, '');
  // 跑菜的 (the one who runs dishes) names a post by its work
  const doer = tail.replace(/(?<=\p{Script=Han}{2})的$/u, '');
  for (const x of [lead, tail, doer]) if (x && !out.includes(x)) out.push(x);
  return out;
}

/** How a duty line opens: a pasted line of a job description ("负责夜间巡逻，检查门窗") asks who does it. */
const DUTY_VERB = /^(?:负责|协助|参与|组织|配合|做好|完成|督促|指导|制定|落实|监督|检查|处理|受理|办理|编制|审核|维护|跟进|安排)/;
const LIST_NUMBER = /^(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?=\p{Script=Han})/u;
/** Clause punctuation between words: a title never holds it, a duty sentence often does. */
const CLAUSES = /\p{Script=Han}\s*[,，;；、]\s*\p{Script=Han}/u;

/** A duty sentence rather than a name: opens like a duty line with words after it, or runs clauses together. */
function readsAsDuty(question: string, body: string): boolean {
  return (DUTY_VERB.test(body) && Array.from(body).length >= 6) || CLAUSES.test(question);
}

/**
 * isTitle tells whether a text names a known role exactly; it settles questions that read both ways
 * ("客服主管归谁管" is a boss question, "物业费归谁管" is a who question).
 */
export function parseQuestion(question: string, isTitle: (key: string) => boolean = () => true): ParsedQuestion {
  const parsed = parse(question, isTitle);
  return parsed.lang === 'zh' ? withEnglishPart(parsed, question) : parsed;
}

/**
 * A Chinese question about an English name or topic (cashier主要干什么, head chef的职责, petty cash谁管): the
 * English words as typed, so they are translated as in an English question; the answer stays in Chinese.
 */
function withEnglishPart(parsed: ParsedQuestion, question: string): ParsedQuestion {
  const asked = parsed.intent === 'who' ? parsed.topic : parsed.subjects[0];
  if (!asked || !/[a-z]/.test(asked) || /\p{Script=Han}/u.test(asked)) return parsed;
  const typed = (question.match(/[A-Za-z][A-Za-z0-9 .&'/-]*/g) ?? []).map((s) => s.trim().toLowerCase()).find((s) => normalizeKey(s) === asked);
  // one word needs no spaces back: the key is the phrase (cashier)
  return typed ? { ...parsed, phrase: typed } : parsed;
}

function parse(question: string, isTitle: (key: string) => boolean): ParsedQuestion {
  const key = questionKey(question.slice(0, MAX_QUESTION_CHARS * 4)).slice(0, MAX_QUESTION_CHARS);
  if (key && isEnglish(question)) {
    const en = parseEnglish(question.slice(0, MAX_QUESTION_CHARS * 4));
    const phrase = en.phrase.slice(0, MAX_QUESTION_CHARS);
    if (en.intent === 'who') return { intent: 'who', subjects: [], topic: phrase, key, lang: 'en', phrase };
    return { intent: en.intent, ...(en.field ? { field: en.field } : {}), subjects: englishSubjects(phrase), topic: '', key, lang: 'en', phrase };
  }
  const body = key.replace(LEAD, '').replace(TAIL, '') || key;
  for (const rule of RULES) {
    const m = rule.re.exec(body);
    if (!m?.groups) continue;
    const raw = (m.groups.s ?? m.groups.t ?? '').replace(/的$/, '');
    if (!raw) continue;
    if (rule.intent === 'who') return { intent: 'who', subjects: [], topic: raw, key, lang: 'zh' };
    const subjects = subjectsOf(raw);
    if (rule.needsTitle && !subjects.some(isTitle)) continue;
    return { intent: rule.intent, field: rule.field, subjects, topic: '', key, lang: 'zh' };
  }
  // a bare 谁/哪个岗位 question the rules did not shape: search its words as duties
  if (/谁|哪个岗位|哪个职位|哪些岗位/.test(body)) {
    const topic = body.replace(/由谁|谁来|是谁的|找谁|归谁|谁|哪个岗位|哪个职位|哪些岗位|负责/g, '');
    if (topic) return { intent: 'who', subjects: [], topic, key, lang: 'zh' };
  }
  // a pasted list item keeps its number (1、负责…): not part of the duty
  const item = body.replace(LIST_NUMBER, '');
  if (item && readsAsDuty(question, item) && !isTitle(body) && !isTitle(key)) return { intent: 'who', subjects: [], topic: item, key, lang: 'zh' };
  // the whole key too: a title may itself start like scaffolding (请购专员)
  const subjects = body ? subjectsOf(body) : [];
  if (key && !subjects.includes(key)) subjects.push(key);
  return { intent: 'role', subjects, topic: '', key, lang: 'zh' };
}
