/** The one path from Slack text or a button to a rendered message; listeners stay thin. */
import type { Logger } from '@slack/bolt';
import type { Answer, Answerer } from '../answer/types.js';
import type { AnswerQueue } from './answer-queue.js';
import { renderAnswer, renderError, renderHelp, type Ref, type RenderOptions, type SlackMessage } from '../render/blocks.js';
import { isHelpRequest, QuestionSchema } from './text.js';

export type SlackDeps = {
  /** Called per request so a refreshed index is picked up between requests. */
  getAnswerer: () => Answerer;
  /** The HR report page (ROLEBOT_REPORT_URL), linked from role cards when set. */
  reportUrl?: string;
};

/** What listeners get: the answerer, and the queue their answer work waits in (acks come first). */
export type ListenerDeps = SlackDeps & { answers: AnswerQueue };

function safely(logger: Logger, compute: () => SlackMessage): SlackMessage {
  try {
    return compute();
  } catch (e) {
    logger.error(`answering failed: ${(e as Error).stack ?? e}`);
    return renderError();
  }
}

/** Answer text typed in Slack (slash command, mention or DM). */
export function replyToText(deps: SlackDeps, logger: Logger, text: string, opts: RenderOptions = {}): SlackMessage {
  return safely(logger, () => {
    const q = QuestionSchema.safeParse(text);
    if (!q.success) {
      const why = q.error.issues[0]?.message ?? 'invalid question';
      return { text: why, blocks: [{ type: 'section', text: { type: 'plain_text', text: why } }] };
    }
    if (isHelpRequest(q.data)) return renderHelp();
    return renderAnswer(deps.getAnswerer().ask(q.data), { reportUrl: deps.reportUrl, ...opts });
  });
}

/** Answer what a button points at. */
export function replyToRef(deps: SlackDeps, logger: Logger, ref: Ref, opts: RenderOptions = {}): SlackMessage {
  return safely(logger, () => {
    const answerer = deps.getAnswerer();
    const answer: Answer = ref.kind === 'role' ? answerer.roleById(ref.id) : answerer.ask(ref.text);
    return renderAnswer(answer, { reportUrl: deps.reportUrl, ...opts });
  });
}
