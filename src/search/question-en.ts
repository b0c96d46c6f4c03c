/**
 * English questions over the same intents as the Chinese rules in question.ts: `cashier`, `who handles
 * customer complaints?`, `who does the cashier report to?`, `requirements for the sous chef`. Works on the
 * text with its spaces (English words need them); subjects come back in key form (the documents' English
 * titles are indexed so) and the phrase as typed, for translation.
 */
import type { Field, Intent } from '../answer/types.js';
import { canonical, normalizeKey, plainFromSlack } from '../text/normalize.js';

export type EnglishParse = { intent: Intent; field?: Field; phrase: string };

const LEAD = /^(?:\/role\s+)?(?:(?:hi|hello|hey|please|pls|can you tell me|could you tell me|tell me|i want to know|i'd like to know|show me|i need)\b[ ,]*)*/;
const ART = '(?:(?:the|a|an|our|my)\\s+)?';
const P = '(?<p>.+?)';
const ROLE_WORD = /\s+(?:role|position|job|post|job description|jd|job profile|job spec)$/;

/** verb: the phrase must open with a verb in the third person, or with "is on/in" (who is on call when…). */
/** open: the phrase may be empty (who should I ping?): the clause before the question then says what about. */
type Rule = { re: RegExp; intent: Intent; field?: Field; verb?: boolean; open?: boolean };
/** A third-person verb (schedules, fixes, runs), not is/was/has/does, which other rules read. */
const VERB_FIRST = /^(?:(?!(?:is|was|has|does)\b)[a-z]{2,}(?:-[a-z]+)*s\b|(?:is|are)\s+(?:on|in)\s)/;

const RULES: Rule[] = [
  // reports to
  { re: new RegExp(`^(?:who|whom|which role)\\s+(?:does|do|should|must)\\s+${ART}${P}\\s+report\\s+to$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^(?:who|what)\\s+is\\s+${ART}${P}(?:'s|s')\\s+(?:boss|manager|supervisor|superior|line manager|reporting line)$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^(?:who|what)\\s+is\\s+the\\s+(?:boss|manager|supervisor|superior|line manager)\\s+of\\s+${ART}${P}$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^${ART}${P}\\s+reports?\\s+to(?:\\s+whom)?$`), intent: 'field', field: 'reportsTo' },
  { re: new RegExp(`^(?:boss|manager|supervisor|superior|reporting line)\\s+of\\s+${ART}${P}$`), intent: 'field', field: 'reportsTo' },
  // direct reports
  { re: new RegExp(`^(?:who|which roles?)\\s+(?:reports?|works?)\\s+(?:to|under|for)\\s+${ART}${P}$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^(?:who\\s+(?:are|is)\\s+)?${ART}${P}(?:'s|s')\\s+(?:direct reports|subordinates|team|reports)$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^(?:who\\s+(?:are|is)\\s+)?(?:the\\s+)?(?:direct reports|subordinates|team members)\\s+of\\s+${ART}${P}$`), intent: 'field', field: 'directReports' },
  { re: new RegExp(`^(?:who|how many people)\\s+does\\s+${ART}${P}\\s+(?:manage|supervise|lead)$`), intent: 'field', field: 'directReports' },
  // requirements
  { re: new RegExp(`^(?:what\\s+are\\s+)?(?:the\\s+)?(?:requirements?|qualifications?|skills|prerequisites)\\s+(?:for|of)\\s+(?:being\\s+)?${ART}${P}$`), intent: 'field', field: 'requirements' },
  { re: new RegExp(`^what\\s+(?:does\\s+it\\s+take|do\\s+i\\s+need|is\\s+needed|is\\s+required)\\s+to\\s+(?:be|become)\\s+${ART}${P}$`), intent: 'field', field: 'requirements' },
  { re: new RegExp(`^${ART}${P}(?:'s)?\\s+(?:requirements?|qualifications?)$`), intent: 'field', field: 'requirements' },
  // department
  { re: new RegExp(`^(?:which|what)\\s+department\\s+(?:is|does)\\s+${ART}${P}\\s*(?:in|belong to|under)?$`), intent: 'field', field: 'department' },
  { re: new RegExp(`^${ART}${P}(?:'s)?\\s+department$`), intent: 'field', field: 'department' },
  // duties
  { re: new RegExp(`^(?:what\\s+are\\s+)?(?:the\\s+)?(?:duties|responsibilities|tasks)\\s+(?:of|for)\\s+${ART}${P}$`), intent: 'field', field: 'duties' },
  { re: new RegExp(`^what\\s+is\\s+${ART}${P}\\s+responsible\\s+for$`), intent: 'field', field: 'duties' },
  { re: new RegExp(`^${ART}${P}(?:'s)?\\s+(?:duties|responsibilities|tasks)$`), intent: 'field', field: 'duties' },
  // who handles X
  { re: new RegExp(`^(?:who|which\\s+(?:role|position|job|person|team|department|staff)s?)\\s+(?:is\\s+|are\\s+)?(?:responsible\\s+for|in\\s+charge\\s+of|handles?|handling|does|takes?\\s+care\\s+of|deals?\\s+with|looks?\\s+after|manages?|processes|approves?|checks?|should\\s+(?:handle|do)|can\\s+help\\s+with|do\\s+i\\s+ask\\s+about|to\\s+ask\\s+about)\\s+${P}$`), intent: 'who' },
  // who do I ask / contact / call (to) …, who should I ping: what follows (or the clause before the question) is the task
  { re: new RegExp(`^who\\s+(?:do|can|should|could|would|shall)\\s+(?:i|we)\\s+(?:ask|contact|talk\\s+to|speak\\s+to|call|phone|email|message|ping|see|go\\s+to|turn\\s+to|tell)\\b\\s*(?:about|for|regarding|with|to|if|when)?\\s*(?<p>.*)$`), intent: 'who', open: true },
  // how / where do I get it done (how do I get reimbursed, where can I return a book): who handles it
  { re: new RegExp(`^(?:how|where)\\s+(?:do|can|should|could|would)\\s+(?:i|we)\\s+(?<p>.+)$`), intent: 'who' },
  // who can / should / will + a verb: the task (who can approve a discount, who can help)
  { re: new RegExp(`^who\\s+(?:can|could|should|will|would|might|must)\\s+(?!i\\b|we\\b)(?<p>.*)$`), intent: 'who', open: true },
  // who + any verb in the third person (who schedules the shifts, who books taxis, who fixes the printer), or
  // who is on call / in charge when…
  { re: new RegExp(`^who\\s+${P}$`), intent: 'who', verb: true },
  // a role card
  { re: new RegExp(`^what\\s+does\\s+${ART}${P}\\s+do$`), intent: 'role' },
  { re: new RegExp(`^(?:what|who)\\s+is\\s+(?:a|an|the)\\s+${P}$`), intent: 'role' },
  { re: new RegExp(`^(?:about|describe|show|find|look\\s+up)\\s+${ART}${P}$`), intent: 'role' },
];

/** An English question's intent and the phrase it asks about (lower case, spaces kept). */
export function parseEnglish(question: string): EnglishParse {
  const text = canonical(plainFromSlack(question))
    .replace(/[’`]/g, "'")
    .replace(/\bwho's\b/g, 'who is')
    .replace(/\bwhom\b/g, 'who');
  // "my printer is jammed, who can help?": the clause before a who question says what it is about
  const split = /^(?<ctx>[^,;:]+?)\s*[,;:]\s*(?:so\s+|then\s+|and\s+)?(?<q>who\b.*)$/.exec(text);
  if (split?.groups) {
    const asked = parseClean(split.groups.q);
    if (asked?.intent === 'who') return { intent: 'who', phrase: `${clean(split.groups.ctx)} ${asked.phrase}`.trim() };
  }
  return parseClean(text) ?? { intent: 'role', phrase: '' };
}

function clean(text: string): string {
  return text
    .replace(/[?!.。？！]+\s*$/g, '')
    .replace(/[^\p{L}\p{N}' /&-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that only ask for help (help me with, tell me about): not the task. */
const HELP = /^(?:(?:help|assist)(?:\s+(?:me|us))?(?:\s+(?:with|to|on))?|tell\s+(?:me|us)(?:\s+(?:about|if|whether))?|fix\s+it|sort\s+(?:it|this)\s+out)\b\s*/;

function parseClean(raw: string): EnglishParse | null {
  const text = clean(raw);
  const body = text.replace(LEAD, '').trim() || text;
  for (const rule of RULES) {
    const m = rule.re.exec(body);
    const p = m?.groups?.p;
    if (p === undefined || (!p && !rule.open) || (rule.verb && !VERB_FIRST.test(p))) continue;
    const phrase = rule.intent === 'who' ? p.replace(HELP, '') : p.replace(ROLE_WORD, '');
    if (phrase.trim() || rule.open) return { intent: rule.intent, field: rule.field, phrase: phrase.trim() };
  }
  return { intent: 'role', phrase: body.replace(new RegExp(`^${ART}`), '').replace(ROLE_WORD, '') };
}

/** The key forms a title phrase is looked up by: as one key (sous chef → souschef). */
export function englishSubjects(phrase: string): string[] {
  const key = normalizeKey(phrase);
  return key ? [key] : [];
}
