/**
 * 有用 / 不对 on answer cards, the 不对 modal, and "ask HR". One vote per user per answer (the log keeps a
 * salted hash of team + user id). After a vote the card thanks the user: a private card is shown again
 * with the thanks in place of the buttons; a card in a DM gets its feedback row replaced; a card in a
 * channel stays as it is for others to rate, and the voter is thanked privately.
 */
import type { App, BlockButtonAction, Logger, RespondFn, ViewSubmitAction, webApi } from '@slack/bolt';
import type { types } from '@slack/bolt';
import {
  COMMENT_ACTION,
  COMMENT_BLOCK,
  encodeFeedback,
  FEEDBACK_ACTIONS,
  FEEDBACK_MODAL,
  FeedbackSchema,
  feedbackModal,
  feedbackTail,
  handOffMessage,
  ModalMetaSchema,
  TEXT,
  withFeedbackReplaced,
  type FeedbackRef,
} from '../../../render/feedback.js';
import type { Vote } from '../../../log/question-log.js';
import { questionLanguage, type Lang } from '../../../text/lang.js';
import { RecentKeys } from '../../dedupe.js';
import { answerRef, replyToRef, type ListenerDeps } from '../../reply.js';

/** Votes are per person per workspace: the same user id in another workspace is another person. */
const voter = (team: string | undefined, user: string) => `${team ?? ''}:${user}`;

/** The card's language, from the button's own label (the card was rendered for it). */
function langOf(action: BlockButtonAction['actions'][number]): Lang {
  return questionLanguage(action.type === 'button' ? action.text.text : '');
}

async function thank(deps: ListenerDeps, logger: Logger, body: BlockButtonAction, respond: RespondFn, f: FeedbackRef, vote: Vote, lang: Lang): Promise<void> {
  if (body.container?.is_ephemeral) {
    const message = await deps.answers.run(() => replyToRef(deps, logger, f.ref, { full: f.full, shareable: true, voted: { key: f.key, vote } }));
    return void (await respond({ response_type: 'ephemeral', replace_original: true, ...message }));
  }
  const tail = feedbackTail({ lang, ref: f, votable: false, askHr: deps.hrChannel !== null && vote === 'down', voted: vote });
  const original = body.message as { text?: string; blocks?: types.KnownBlock[] } | undefined;
  if (body.channel?.id.startsWith('D') && original?.blocks) {
    return void (await respond({ replace_original: true, text: original.text ?? '', blocks: withFeedbackReplaced(original.blocks, tail) }));
  }
  await respond({ response_type: 'ephemeral', replace_original: false, text: TEXT[lang][vote === 'up' ? 'thanksUp' : 'thanksDown'], blocks: tail });
}

/** One hand-off per person per question (an hour's memory): repeated clicks do not flood HR's channel. */
export function register(app: App, deps: ListenerDeps, handedOff = new RecentKeys()): void {
  for (const vote of ['up', 'down'] as const) {
    app.action<BlockButtonAction>(FEEDBACK_ACTIONS[vote], async ({ ack, action, body, respond, client, logger }) => {
      await ack();
      const f = FeedbackSchema.safeParse(action.value ?? '');
      if (!f.success || !f.data.key) return logger.warn(`ignored feedback button with value ${JSON.stringify(action.value)}`);
      const lang = langOf(action);
      const result = deps.log.vote(f.data.key, voter(body.team?.id, body.user.id), vote);
      if (result !== 'recorded') {
        return void (await respond({ response_type: 'ephemeral', replace_original: false, text: TEXT[lang][result === 'duplicate' ? 'already' : 'expired'] }));
      }
      // the modal first: its trigger_id is good for 3 seconds only
      if (vote === 'down') {
        try {
          await client.views.open({ trigger_id: body.trigger_id, view: feedbackModal({ lang, feedback: encodeFeedback(f.data) }) });
        } catch (e) {
          logger.warn(`feedback form not opened (the vote stands): ${(e as Error).message}`);
        }
      }
      await thank(deps, logger, body, respond, f.data, vote, lang);
    });
  }

  app.view<ViewSubmitAction>(FEEDBACK_MODAL, async ({ ack, view, body, logger }) => {
    await ack();
    const meta = ModalMetaSchema.safeParse(view.private_metadata);
    if (!meta.success || !meta.data.feedback.key) return logger.warn('ignored a feedback form with unreadable metadata');
    const text = view.state.values[COMMENT_BLOCK]?.[COMMENT_ACTION]?.value ?? '';
    deps.log.comment(meta.data.feedback.key, voter(body.team?.id ?? undefined, body.user.id), text);
  });

  app.action<BlockButtonAction>(FEEDBACK_ACTIONS.askHr, async ({ ack, action, body, respond, client, logger }) => {
    await ack();
    const f = FeedbackSchema.safeParse(action.value ?? '');
    if (!f.success || !deps.hrChannel) return logger.warn(`ignored ask-HR button with value ${JSON.stringify(action.value)}`);
    const lang = langOf(action);
    const once = [`hr:${body.team?.id ?? ''}:${body.user.id}:${encodeFeedback({ ...f.data, full: false })}`];
    if (!handedOff.claim(once)) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: TEXT[lang].handedOff }));
    const question = f.data.ref.kind === 'question' ? f.data.ref.text : f.data.ref.id;
    const answer = await deps.answers.run(() => answerRef(deps, f.data.ref));
    const comment = f.data.key ? (deps.log.voteOf(f.data.key, voter(body.team?.id, body.user.id))?.comment ?? null) : null;
    const shown = answer.kind === 'role' ? answer.best.role.title : question;
    try {
      await handOff(client, deps.hrChannel, handOffMessage({ userId: body.user.id, question: shown, answer, comment }));
    } catch (e) {
      handedOff.release(once);
      logger.error(`could not post to ROLEBOT_HR_CHANNEL ${deps.hrChannel}: ${(e as Error).message}`);
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: TEXT[lang].handOffFailed }));
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text: TEXT[lang].handedOff });
  });
}

function handOff(client: webApi.WebClient, channel: string, message: { text: string; blocks: types.KnownBlock[] }) {
  return client.chat.postMessage({ channel, ...message, unfurl_links: false });
}
