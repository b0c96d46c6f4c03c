/**
 * Feedback on answer cards, in Block Kit: the 有用 / 不对 buttons (English labels for English questions),
 * the thank-you line that replaces them, the "what were you looking for?" modal, the "ask a person" button
 * and the hand-off post into HR's channel. Pure functions, like blocks.ts.
 */
import { z } from 'zod';
import type { types } from '@slack/bolt';
import type { Answer } from '../answer/types.js';
import { toAskJson } from './json.js';
import type { Lang } from '../text/lang.js';
import { context, encodeRef, fitEscaped, fitPlain, LIMITS, RefSchema, section, type Ref, type SlackMessage } from './blocks.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

export const FEEDBACK_ACTIONS = { up: 'feedback_up', down: 'feedback_down', askHr: 'ask_hr' } as const;
export const FEEDBACK_BLOCK = 'feedback';
export const FEEDBACK_MODAL = 'feedback_modal';
export const COMMENT_BLOCK = 'comment';
export const COMMENT_ACTION = 'comment_text';
export const MAX_COMMENT = 1000;

export const TEXT = {
  zh: {
    up: '👍 有用',
    down: '👎 不对',
    askHr: '问 HR',
    thanksUp: '感谢反馈！',
    thanksDown: '感谢反馈！HR 会据此改进岗位资料。',
    already: '你已经对这个回答反馈过了。',
    expired: '这个回答已经过了反馈期限，请重新提问。',
    modalTitle: '哪里不对？',
    modalLabel: '你想找的是什么？（可不填）',
    modalHint: '例如：想找的岗位名称，或者答案里缺了什么。',
    submit: '提交',
    cancel: '取消',
    handedOff: '已把你的问题转给 HR，他们会在频道里跟进。',
    handOffFailed: '没能把问题转给 HR（rolebot 可能不在 HR 频道里），请直接联系 HR。',
    hrOffer: '需要人来回答？可以把问题转给 HR。',
  },
  en: {
    up: '👍 Helpful',
    down: '👎 Wrong',
    askHr: 'Ask HR',
    thanksUp: 'Thanks for the feedback!',
    thanksDown: 'Thanks for the feedback! HR uses it to improve the role documents.',
    already: 'You have already given feedback on this answer.',
    expired: 'This answer is too old for feedback; please ask again.',
    modalTitle: 'What was wrong?',
    modalLabel: 'What were you looking for? (optional)',
    modalHint: 'For example the role you meant, or what the answer was missing.',
    submit: 'Send',
    cancel: 'Cancel',
    handedOff: 'Your question was passed to HR; they will follow up.',
    handOffFailed: 'Could not pass the question to HR (rolebot may not be in the HR channel); please contact HR directly.',
    hrOffer: 'Need a person? Pass the question to HR.',
  },
} as const;

/**
 * What a feedback button carries: the answer's log key, how to show the card again (for the in-place
 * update of a private card), and the question. Anyone can forge a payload, so it is parsed, never trusted.
 */
export type FeedbackRef = { key: string | null; full: boolean; ref: Ref };

export function encodeFeedback(f: FeedbackRef): string {
  return `${f.key ?? '-'}|${f.full ? 1 : 0}|${encodeRef(f.ref)}`;
}

export const FeedbackSchema = z
  .string()
  .max(LIMITS.buttonValue)
  .transform((v, ctx): FeedbackRef => {
    const m = /^([A-Za-z0-9_-]{8,32}|-)\|([01])\|([\s\S]+)$/.exec(v);
    const ref = m ? RefSchema.safeParse(m[3]) : null;
    if (!m || !ref?.success) {
      ctx.addIssue({ code: 'custom', message: 'not a rolebot feedback value' });
      return z.NEVER;
    }
    return { key: m[1] === '-' ? null : m[1], full: m[2] === '1', ref: ref.data };
  });

function button(label: string, actionId: string, value: string): Button {
  return { type: 'button', text: { type: 'plain_text', text: fitPlain(label, LIMITS.buttonText), emoji: true }, action_id: actionId, value };
}

export type FeedbackState = {
  lang: Lang;
  ref: FeedbackRef;
  /** Show the vote buttons (there is a log to record them in). */
  votable: boolean;
  /** Offer "ask HR" (ROLEBOT_HR_CHANNEL is set and nothing was found, or the answer was marked wrong). */
  askHr: boolean;
  /** After a vote: the thanks line instead of the buttons. */
  voted?: 'up' | 'down';
};

/** The blocks under an answer card: vote buttons (and "ask HR"), or the thanks after a vote. */
export function feedbackTail(s: FeedbackState): KnownBlock[] {
  const t = TEXT[s.lang];
  const value = encodeFeedback(s.ref);
  const hr = s.askHr ? [button(t.askHr, FEEDBACK_ACTIONS.askHr, value)] : [];
  if (s.voted) {
    const thanks = context(s.voted === 'up' ? t.thanksUp : `${t.thanksDown}${hr.length ? ` ${t.hrOffer}` : ''}`);
    return hr.length ? [thanks, { type: 'actions', block_id: FEEDBACK_BLOCK, elements: hr }] : [thanks];
  }
  const votes = s.votable ? [button(t.up, FEEDBACK_ACTIONS.up, value), button(t.down, FEEDBACK_ACTIONS.down, value)] : [];
  const elements = [...votes, ...hr];
  return elements.length ? [{ type: 'actions', block_id: FEEDBACK_BLOCK, elements }] : [];
}

/** A public card after one person's vote: their thanks replaces the feedback row (DMs, where only they see it). */
export function withFeedbackReplaced(blocks: KnownBlock[], tail: KnownBlock[]): KnownBlock[] {
  const at = blocks.findIndex((b) => b.block_id === FEEDBACK_BLOCK);
  const kept = at >= 0 ? [...blocks.slice(0, at), ...blocks.slice(at + 1)] : [...blocks];
  return [...kept, ...tail].slice(-LIMITS.blocks);
}

export type ModalMeta = { lang: Lang; feedback: string };

/** The 不对 modal: one optional text box. private_metadata carries the feedback value back on submit. */
export function feedbackModal(meta: ModalMeta): types.ModalView {
  const t = TEXT[meta.lang];
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: t.modalTitle },
    submit: { type: 'plain_text', text: t.submit },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [
      {
        type: 'input',
        block_id: COMMENT_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: t.modalLabel },
        hint: { type: 'plain_text', text: t.modalHint },
        element: { type: 'plain_text_input', action_id: COMMENT_ACTION, multiline: true, max_length: MAX_COMMENT },
      },
    ],
  };
}

export const ModalMetaSchema = z
  .string()
  .max(3000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ lang: z.enum(['zh', 'en']), feedback: FeedbackSchema }));

/** What rolebot answered, in one line, for HR. */
function answerLine(a: Answer): string {
  const json = toAskJson(a);
  if (a.kind === 'notFound' || a.kind === 'help' || !json.results.length) return '没有找到答案';
  return json.results.slice(0, 5).map((r) => r.title).join('、');
}

/** The post in HR's channel: the question, who asked (a mention), what rolebot answered, their comment. */
export function handOffMessage(o: { userId: string; question: string; answer: Answer; comment: string | null }): SlackMessage {
  const who = /^[UW][A-Z0-9]{2,}$/.test(o.userId) ? `<@${o.userId}>` : '有人';
  const q = fitEscaped(o.question, 1000);
  const blocks: KnownBlock[] = [
    section(`:raising_hand: ${who} 的问题需要 HR 回答：\n>${q.replace(/\n/g, '\n>')}`),
    section(`*rolebot 的回答*　${fitEscaped(answerLine(o.answer), 1500)}`),
  ];
  if (o.comment) blocks.push(section(`*TA 的补充*　${fitEscaped(o.comment, 2000)}`));
  blocks.push(context('由 rolebot 转交。回复时请在话题里 @ 提问人。'));
  return { text: fitEscaped(`${o.question}（需要 HR 回答）`, LIMITS.fallbackText), blocks };
}
