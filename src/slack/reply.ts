/** The one path from Slack text or a button to a rendered message; listeners stay thin. */
import type { Logger } from '@slack/bolt';
import type { Answer, Answerer } from '../answer/types.js';
import { NO_LOG, type AnswerLog, type Surface, type Vote } from '../log/question-log.js';
import type { AnswerQueue } from './answer-queue.js';
import { renderAnswer, renderError, renderHelp, type Ref, type RenderOptions, type SlackMessage } from '../render/blocks.js';
import { feedbackTail } from '../render/feedback.js';
import type { RoleCatalog } from '../store/catalog.js';
import { questionLanguage } from '../text/lang.js';
import { isHelpRequest, QuestionSchema } from './text.js';

export type SlackDeps = {
  /** Called per request so a refreshed index is picked up between requests. */
  getAnswerer: () => Answerer;
  /** The index as a list (Home tab); per request too. */
  getCatalog?: () => RoleCatalog;
  /** The HR report page (ROLEBOT_REPORT_URL), linked from role cards when set. */
  reportUrl?: string;
};

/** Settings of the feedback features (src/log/config.ts), with the log they write to. */
export type FeedbackDeps = {
  log: AnswerLog;
  /** ROLEBOT_HR_CHANNEL: where "ask HR" posts; null hides the button. */
  hrChannel: string | null;
  /** ROLEBOT_ADMINS: who sees insights on the Home tab. */
  admins: string[];
  /** ROLEBOT_CHANNELS: where @mentions are answered; null: everywhere. */
  channels: string[] | null;
};

/** No log, no HR channel, no admins, mentions answered everywhere. */
export const NO_FEEDBACK: FeedbackDeps = { log: NO_LOG, hrChannel: null, admins: [], channels: null };

/** What listeners get: the answerer, the feedback settings, and the queue their answer work waits in (acks come first). */
export type ListenerDeps = SlackDeps & FeedbackDeps & { answers: AnswerQueue };

export type ReplyOptions = RenderOptions & {
  /** Where the question came from: the answer is logged (and gets vote buttons when the log is on). */
  surface?: Surface;
  /** Re-showing a card after a vote: its log key and the vote, so thanks replace the buttons. */
  voted?: { key: string | null; vote: Vote };
};

function safely(logger: Logger, compute: () => SlackMessage): SlackMessage {
  try {
    return compute();
  } catch (e) {
    logger.error(`answering failed: ${(e as Error).stack ?? e}`);
    return renderError();
  }
}

/** An answer card with its feedback row; the answer is logged here, once, when it is a new one. */
function answerMessage(deps: SlackDeps & FeedbackDeps, logger: Logger, answer: Answer, ref: Ref, opts: ReplyOptions): SlackMessage {
  if (answer.kind === 'help') return renderHelp();
  // a card shared to the channel is the asker's answer passed on: neither a new question nor theirs to rate
  if (opts.sharedBy) return renderAnswer(answer, { reportUrl: deps.reportUrl, ...opts });
  let key: string | null = opts.voted?.key ?? null;
  if (!opts.voted && opts.surface) {
    try {
      key = deps.log.record(opts.surface, answer);
    } catch (e) {
      logger.warn(`question log: ${(e as Error).message}`); // never at the answer's expense
    }
  }
  // the answer's own language when the engine says it (English questions), else the question's script
  const lang = answer.lang ?? questionLanguage(ref.kind === 'role' && answer.kind === 'role' ? answer.best.role.title : answer.question);
  const tail = feedbackTail({
    lang,
    ref: { key, full: opts.full ?? false, ref },
    votable: key !== null,
    askHr: deps.hrChannel !== null && (answer.kind === 'notFound' || opts.voted?.vote === 'down'),
    ...(opts.voted ? { voted: opts.voted.vote } : {}),
  });
  return renderAnswer(answer, { reportUrl: deps.reportUrl, ...opts, tail });
}

/** Answer text typed in Slack (slash command, mention or DM). */
export function replyToText(deps: SlackDeps & FeedbackDeps, logger: Logger, text: string, opts: ReplyOptions = {}): SlackMessage {
  return safely(logger, () => {
    const q = QuestionSchema.safeParse(text);
    if (!q.success) {
      const why = q.error.issues[0]?.message ?? 'invalid question';
      return { text: why, blocks: [{ type: 'section', text: { type: 'plain_text', text: why } }] };
    }
    if (isHelpRequest(q.data)) return renderHelp();
    return answerMessage(deps, logger, deps.getAnswerer().ask(q.data), { kind: 'question', text: q.data }, opts);
  });
}

/** The answer a button points at (plain data, for the HR hand-off). */
export function answerRef(deps: SlackDeps, ref: Ref): Answer {
  const answerer = deps.getAnswerer();
  return ref.kind === 'role' ? answerer.roleById(ref.id) : answerer.ask(ref.text);
}

/** Answer what a button points at. */
export function replyToRef(deps: SlackDeps & FeedbackDeps, logger: Logger, ref: Ref, opts: ReplyOptions = {}): SlackMessage {
  return safely(logger, () => answerMessage(deps, logger, answerRef(deps, ref), ref, opts));
}
