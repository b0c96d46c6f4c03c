/**
 * Answers → Slack Block Kit. Pure functions of the plain answer data: no Slack calls, no search.
 * Document text is untrusted: every piece of it that lands in mrkdwn is escaped, and every block
 * stays inside Slack's size limits however long the document is.
 */
import path from 'node:path';
import { z } from 'zod';
import type { types } from '@slack/bolt';
import type { Answer, Field, FieldAnswer, NotFoundAnswer, Ranked, RoleAnswer, RoleLink, Understanding, WhoAnswer } from '../answer/types.js';
import type { Role } from '../roles/schema.js';
import { reportingTree } from './tree.js';
import { CARD_UI, FIELD_LABELS, understoodLine, type Lang } from './words.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). Lengths are UTF-16 units, which never undercount. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextText: 3000,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  /** The notification text beside the blocks; Slack allows more, but it is only a preview. */
  fallbackText: 3000,
} as const;

/** The longest question a button can carry (and the longest the Slack surface accepts). */
export const MAX_QUESTION_LENGTH = 500;

/** action_ids the listeners register; buttons in one message get `:n` suffixes so each is unique. */
export const ACTIONS = { openRole: 'open_role', showAll: 'show_all', share: 'share' } as const;

/** What a button points at: one role card, or a question to ask again. */
export type Ref = { kind: 'role'; id: string } | { kind: 'question'; text: string };

export function encodeRef(ref: Ref): string {
  return ref.kind === 'role' ? `role:${ref.id}` : `q:${ref.text.slice(0, MAX_QUESTION_LENGTH)}`;
}

/** Button values come back from Slack in a payload anyone could forge: parse, never trust. */
export const RefSchema = z
  .string()
  .max(LIMITS.buttonValue)
  .transform((v, ctx): Ref => {
    const role = /^role:([\w-]{1,64})$/.exec(v);
    if (role) return { kind: 'role', id: role[1] };
    const q = /^q:([\s\S]{1,500})$/.exec(v);
    if (q) return { kind: 'question', text: q[1] };
    ctx.addIssue({ code: 'custom', message: 'not a rolebot button value' });
    return z.NEVER;
  });

export type SlackMessage = { text: string; blocks: KnownBlock[] };

export type RenderOptions = {
  /** Show every duty, requirement and match instead of the first few (the "show all" view). */
  full?: boolean;
  /** Offer "post to channel" (for answers only the asker can see). */
  shareable?: boolean;
  /** Slack user id of whoever shared the card to the channel. */
  sharedBy?: string;
  /** The HR report page (ROLEBOT_REPORT_URL): a role card links to its row there. */
  reportUrl?: string;
  /** Blocks after the card's own buttons (feedback); kept within the block limit like the rest. */
  tail?: KnownBlock[];
};

/** What a compact card shows before offering "show all". */
const COMPACT = { duties: 10, requirements: 6, reports: 8, alternatives: 5, hits: 5, evidence: 2, suggestions: 5, lineChars: 400 };
/** Caps that hold even in the full view, so the message stays within 50 blocks and 25 buttons a block. */
const FULL = { duties: Infinity, requirements: Infinity, reports: 20, alternatives: 10, hits: 40, evidence: 5, suggestions: 10, lineChars: Infinity };

const LABELS: Record<Lang, Record<Field, string>> = { zh: { ...FIELD_LABELS.zh, reportsTo: '汇报对象' }, en: FIELD_LABELS.en };
/** The labels of the answer being rendered (renderAnswer sets them from its language; rendering is synchronous). */
let LABEL = LABELS.zh;
let UI = CARD_UI.zh;

// ---------------------------------------------------------------- text

/** Escape for mrkdwn: with & < > escaped no text can form <!channel>, <@U…> or <url|label>. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape and cut to at most max units, never inside an entity; '…' marks a cut. */
export function fitEscaped(raw: string, max: number): string {
  const all = escapeMrkdwn(raw);
  if (all.length <= max) return all;
  let out = '';
  for (const ch of raw) {
    const e = escapeMrkdwn(ch);
    if (out.length + e.length > max - 1) break;
    out += e;
  }
  return `${out}…`;
}

export function fitPlain(raw: string, max: number): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Escaped text with the marked ranges in bold. Zero-width spaces around the asterisks because Slack
 * only honours *bold* at word boundaries, which Chinese text has none of.
 */
export function markedText(text: string, marks: Array<[number, number]>, max: number): string {
  const spans = marks
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as [number, number])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  // Long lines keep a window that starts shortly before the first match.
  let start = 0;
  let body = text;
  if (escapeMrkdwn(text).length + spans.length * 4 > max && spans.length > 0) {
    start = Math.max(0, spans[0][0] - 40);
    body = text.slice(start);
  }
  let out = start > 0 ? '…' : '';
  let at = 0;
  for (const [a0, b0] of spans) {
    const a = a0 - start;
    const b = b0 - start;
    if (b <= at) continue;
    const from = Math.max(a, at);
    const plain = escapeMrkdwn(body.slice(at, from));
    const bold = `\u200b*${escapeMrkdwn(body.slice(from, b)).replace(/\*/g, '')}*\u200b`;
    if (out.length + plain.length + bold.length > max - 1) break;
    out += plain + bold;
    at = b;
  }
  const rest = body.slice(at);
  const room = max - out.length;
  return out + (escapeMrkdwn(rest).length <= room ? escapeMrkdwn(rest) : fitEscaped(rest, room));
}

// ---------------------------------------------------------------- blocks

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: fitPlain(text, LIMITS.headerText) || '—', emoji: false } };
}

export function section(mrkdwn: string, accessory?: Button): KnownBlock {
  const text = { type: 'mrkdwn' as const, text: mrkdwn.slice(0, LIMITS.sectionText), verbatim: true };
  return accessory ? { type: 'section', text, accessory } : { type: 'section', text };
}

export function context(...mrkdwn: string[]): KnownBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, LIMITS.contextElements).map((t) => ({ type: 'mrkdwn' as const, text: t.slice(0, LIMITS.contextText), verbatim: true })),
  };
}

/** Hands out action_ids unique within one message. */
class Ids {
  private n = 0;
  next(action: string): string {
    return `${action}:${this.n++}`;
  }
}

function button(ids: Ids, label: string, action: string, ref: Ref, style?: 'primary'): Button {
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text: fitPlain(label, LIMITS.buttonText) || '—', emoji: false },
    action_id: ids.next(action),
    value: encodeRef(ref),
  };
  if (style) b.style = style;
  return b;
}

function actions(blockId: string, elements: Button[]): KnownBlock[] {
  const els = elements.slice(0, LIMITS.actionsElements);
  return els.length ? [{ type: 'actions', block_id: blockId, elements: els }] : [];
}

/**
 * A titled list as one or more sections, each within the section limit; lines beyond `cap` are
 * dropped and reported so the caller can offer "show all".
 */
function listSections(title: string, lines: string[], cap: number, lineChars: number, numbered: boolean): { blocks: KnownBlock[]; hidden: number } {
  const shown = lines.slice(0, cap);
  const blocks: KnownBlock[] = [];
  let current = `*${title}*`;
  shown.forEach((line, i) => {
    const prefix = numbered ? `${i + 1}. ` : '• ';
    const item = prefix + fitEscaped(line, Math.min(lineChars, LIMITS.sectionText - 20 - prefix.length));
    if (current.length + 1 + item.length > LIMITS.sectionText) {
      blocks.push(section(current));
      current = item;
    } else current += `\n${item}`;
  });
  if (shown.length < lines.length) {
    const more = UI.more(lines.length - shown.length);
    if (current.length + 1 + more.length > LIMITS.sectionText) {
      blocks.push(section(current));
      current = more;
    } else current += `\n${more}`;
  }
  blocks.push(section(current));
  return { blocks, hidden: lines.length - shown.length };
}

/** A URL inside <url|label>: the characters that would end the link are percent-encoded. */
const linkUrl = (url: string) => url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));

/** Link to the HR report page (org chart, structure checks); for the App Home or a card's footer. */
export function reportLink(url: string, roleId?: string): string {
  return `<${linkUrl(roleId ? `${url.split('#')[0]}#r-${roleId}` : url)}|HR 报告：组织架构与结构检查>`;
}

function sourceLine(role: Role): string {
  const { file, startLine, endLine } = role.source;
  return `${UI.source}${fitEscaped(file, 500)} ${UI.lines(startLine, endLine)}`;
}

/** A role's name on a button, with its department (or else its document) so repeated titles can be told apart. */
function roleLabel(role: Role): string {
  return `${role.title}（${role.department ?? path.basename(role.source.file)}）`;
}

type Caps = typeof COMPACT;

/** Department, reporting chain and direct reports; linked roles become buttons that open their cards. */
function reportingBlocks(role: Role, reporting: RoleAnswer['reporting'], ids: Ids, caps: Caps): { blocks: KnownBlock[]; hidden: number } {
  const facts: string[] = [];
  if (role.department) facts.push(`*${LABEL.department}*　${fitEscaped(role.department, 300)}`);
  const chain: RoleLink[] = reporting.chain.length ? reporting.chain : role.reportsTo ? [{ name: role.reportsTo, role: null }] : [];
  const reports: RoleLink[] = reporting.directReports.length
    ? reporting.directReports
    : role.directReports.map((name) => ({ name, role: null }));
  const shownReports = reports.slice(0, caps.reports);
  // The reporting line as a small tree: superiors, this role, its direct reports (names capped, so it fits a section).
  const tree = reportingTree(role, reporting, caps.reports, { self: UI.thisRole, more: UI.treeMore });
  if (tree.length) facts.push(`*${LABEL.reportsTo} / ${LABEL.directReports}*\n\`\`\`${fitEscaped(tree.join('\n'), LIMITS.sectionText - 400)}\`\`\``);
  const blocks: KnownBlock[] = facts.length ? [section(facts.join('\n'))] : [];
  const buttons = [
    ...chain.filter((l) => l.role).map((l) => button(ids, `↑ ${l.role!.title}`, ACTIONS.openRole, { kind: 'role', id: l.role!.id })),
    ...shownReports.filter((l) => l.role).map((l) => button(ids, `↓ ${l.role!.title}`, ACTIONS.openRole, { kind: 'role', id: l.role!.id })),
  ];
  blocks.push(...actions('reporting', buttons));
  return { blocks, hidden: reports.length - shownReports.length };
}

function alternativesBlocks(alternatives: Ranked[], ids: Ids, caps: Caps): KnownBlock[] {
  if (!alternatives.length) return [];
  const shown = alternatives.slice(0, caps.alternatives);
  return [
    context(UI.alternatives(alternatives.length)),
    ...actions(
      'alternatives',
      shown.map((r) => button(ids, roleLabel(r.role), ACTIONS.openRole, { kind: 'role', id: r.role.id })),
    ),
  ];
}

// ---------------------------------------------------------------- answers

type Body = { text: string; content: KnownBlock[]; footer: Button[]; truncated: boolean; ref: Ref | null };

function roleCard(a: RoleAnswer, ids: Ids, caps: Caps, opts: RenderOptions): Body {
  const role = a.best.role;
  const rep = reportingBlocks(role, a.reporting, ids, caps);
  const duties = listSections(LABEL.duties, role.duties, caps.duties, caps.lineChars, true);
  const reqs = role.requirements.length
    ? listSections(LABEL.requirements, role.requirements, caps.requirements, caps.lineChars, true)
    : { blocks: [], hidden: 0 };
  const content: KnownBlock[] = [
    header(role.title),
    ...rep.blocks,
    ...(role.duties.length ? duties.blocks : [section(`*${LABEL.duties}*\n${UI.noDuties}`)]),
    ...reqs.blocks,
    context(sourceLine(role), ...(opts.reportUrl ? [reportLink(opts.reportUrl, role.id)] : [])),
    ...alternativesBlocks(a.alternatives, ids, caps),
  ];
  const lineCut = caps.lineChars !== Infinity && [...role.duties, ...role.requirements].some((l) => l.length > caps.lineChars);
  return {
    text: fitEscaped(`${role.title}${UI.colon}${UI.dutyCount(role.duties.length)}`, LIMITS.fallbackText),
    content,
    footer: [],
    truncated: duties.hidden + reqs.hidden + rep.hidden > 0 || lineCut || a.alternatives.length > caps.alternatives,
    ref: { kind: 'role', id: role.id },
  };
}

function fieldCard(a: FieldAnswer, ids: Ids, caps: Caps): Body {
  const role = a.best.role;
  const content: KnownBlock[] = [header(role.title)];
  let truncated = false;
  if (a.field === 'duties' || a.field === 'requirements') {
    const lines = a.field === 'duties' ? role.duties : role.requirements;
    if (lines.length) {
      const list = listSections(LABEL[a.field], lines, caps[a.field], caps.lineChars, true);
      content.push(...list.blocks);
      truncated = list.hidden > 0 || (caps.lineChars !== Infinity && lines.some((l) => l.length > caps.lineChars));
    } else content.push(section(`*${LABEL[a.field]}*\n_${UI.notStated}_`));
  } else {
    const value = a.answer.trim() ? fitEscaped(a.answer, LIMITS.sectionText - 40) : `_${UI.notStated}_`;
    content.push(section(`*${LABEL[a.field]}*　${value}`));
    if (a.field === 'reportsTo' || a.field === 'directReports') {
      const links = a.field === 'reportsTo' ? a.reporting.chain : a.reporting.directReports;
      const shown = links.slice(0, caps.reports);
      truncated = links.length > shown.length;
      content.push(
        ...actions(
          'reporting',
          shown.filter((l) => l.role).map((l) => button(ids, l.role!.title, ACTIONS.openRole, { kind: 'role', id: l.role!.id })),
        ),
      );
    }
  }
  content.push(context(sourceLine(role)), ...alternativesBlocks(a.alternatives, ids, caps));
  return {
    text: fitEscaped(`${role.title} · ${LABEL[a.field]}${UI.colon}${a.answer || UI.notStated}`, LIMITS.fallbackText),
    content,
    footer: [button(ids, UI.openFull, ACTIONS.openRole, { kind: 'role', id: role.id })],
    truncated: truncated || a.alternatives.length > caps.alternatives,
    ref: { kind: 'question', text: a.question },
  };
}

function whoCard(a: WhoAnswer & Understanding, ids: Ids, caps: Caps): Body {
  const hits = a.hits.slice(0, caps.hits);
  const content: KnownBlock[] = [header(`${a.lang === 'en' ? 'Who handles: ' : '谁负责：'}${a.topic || a.question}`)];
  let truncated = a.hits.length > hits.length;
  for (const hit of hits) {
    const title = `*${fitEscaped(hit.role.title, 200)}*${hit.role.department ? `　${fitEscaped(hit.role.department, 200)}` : ''}`;
    const evidence = hit.evidence.slice(0, caps.evidence);
    if (hit.evidence.length > evidence.length) truncated = true;
    // Each quoted line gets an equal share of the section, so the section limit holds whatever the count.
    const share = Math.floor((LIMITS.sectionText - title.length - 20) / Math.max(1, evidence.length)) - 10;
    const lineMax = Math.min(share, caps.lineChars === Infinity ? share : 300);
    const quotes = evidence.map((e) => `>${e.index + 1}. ${markedText(e.text, e.marks, lineMax)}`);
    content.push(section([title, ...quotes].join('\n'), button(ids, UI.open, ACTIONS.openRole, { kind: 'role', id: hit.role.id })));
  }
  if (!hits.length) content.push(section(UI.noHits(fitEscaped(a.topic, 500))));
  else content.push(context(UI.hitsNote(a.hits.length, fitEscaped(a.topic, 500))));
  return {
    text: fitEscaped(UI.whoFallback(a.topic, a.hits.slice(0, 5).map((h) => h.role.title).join('、')), LIMITS.fallbackText),
    content,
    footer: [],
    truncated,
    ref: { kind: 'question', text: a.question },
  };
}

function notFoundCard(a: NotFoundAnswer, ids: Ids, caps: Caps): Body {
  const what = a.query || a.question;
  const content: KnownBlock[] = [section(UI.notFound(fitEscaped(what, 1000)))];
  const shown = a.suggestions.slice(0, caps.suggestions);
  if (shown.length) {
    content.push(
      context(UI.didYouMean),
      ...actions('suggestions', shown.map((r) => button(ids, roleLabel(r.role), ACTIONS.openRole, { kind: 'role', id: r.role.id }))),
    );
  } else content.push(context(UI.hint));
  return {
    text: fitEscaped(UI.notFoundShort(what), LIMITS.fallbackText),
    content,
    footer: [],
    truncated: false,
    ref: null,
  };
}


/** Usage with examples; shown for `/role`, `/role help` and an empty mention. */
export function renderHelp(): SlackMessage {
  return {
    text: 'rolebot 使用方法：/role 岗位名称',
    blocks: [
      header('rolebot：岗位职责问答'),
      section(
        [
          '*查一个岗位*　`/role 客服主管`　→ 职责、汇报关系、任职要求',
          '*谁负责某件事*　`/role 谁负责处理业主投诉`',
          '*问某一项*　`/role 会计的上级是谁`　`/role 前台的任职要求`',
        ].join('\n'),
      ),
      section('在频道里 `@rolebot 问题` 会在该消息的话题里回答；也可以直接私信 rolebot。'),
      context('`/role` 的回答只有你能看到，点“发到频道”可分享给频道里的人。Look up a job title or ask who handles a task.'),
    ],
  };
}

/** A short apology when the answer layer is unavailable; details go to the log, not to Slack. */
export function renderError(): SlackMessage {
  return {
    text: '抱歉，现在无法回答，请稍后再试。',
    blocks: [section(':warning: 抱歉，现在无法回答，请稍后再试。')],
  };
}

/** Slack user ids are [UW] plus capitals and digits; anything else is not rendered as a mention. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

export function renderAnswer(answer: Answer, opts: RenderOptions = {}): SlackMessage {
  if (answer.kind === 'help') return renderHelp();
  const caps = opts.full ? FULL : COMPACT;
  LABEL = LABELS[answer.lang ?? 'zh'];
  UI = CARD_UI[answer.lang ?? 'zh'];
  const ids = new Ids();
  const body =
    answer.kind === 'role'
      ? roleCard(answer, ids, caps, opts)
      : answer.kind === 'field'
        ? fieldCard(answer, ids, caps)
        : answer.kind === 'who'
          ? whoCard(answer, ids, caps)
          : notFoundCard(answer, ids, caps);

  const footer = [...body.footer];
  if (body.ref && body.truncated && !opts.full) footer.push(button(ids, UI.showAll, ACTIONS.showAll, body.ref));
  if (body.ref && opts.shareable) footer.push(button(ids, UI.share, ACTIONS.share, body.ref, 'primary'));
  const tail: KnownBlock[] = [...actions('card', footer)];
  if (opts.sharedBy && USER_ID.test(opts.sharedBy)) tail.push(context(`<@${opts.sharedBy}> 分享`));
  tail.push(...(opts.tail ?? []));

  // what the question's words were taken to mean, under the first block, so a wrong match is visible
  const understood = understoodLine(answer);
  if (understood) body.content.splice(1, 0, context(fitEscaped(understood, 300)));
  // Whatever the caps allowed, the message keeps to 50 blocks: content is cut and says so.
  let content = body.content;
  if (content.length + tail.length > LIMITS.blocks) {
    content = content.slice(0, LIMITS.blocks - tail.length - 1);
    content.push(context(UI.cut));
  }
  return { text: body.text, blocks: [...content, ...tail] };
}
