/** Slack message text → the plain question the answer layer expects. */
import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../render/blocks.js';
import { unescapeSlack } from '../text/normalize.js';

/**
 * Slack markup is replaced by what the user saw: mentions of people and broadcasts are dropped
 * (the bot's own @name included), channels and links become their labels; then the HTML escaping
 * Slack applies to user text is undone.
 */
export function plainFromSlack(text: string): string {
  const visible = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target, label] = inner.split('|', 2);
    if (target.startsWith('@') || target.startsWith('!')) return target.startsWith('!subteam^') && label ? ` ${label} ` : ' ';
    if (target.startsWith('#')) return ` ${label ?? ''} `;
    return ` ${label ?? target} `;
  });
  return unescapeSlack(visible).replace(/\s+/g, ' ').trim();
}

/** A question from any Slack payload: plain text, bounded so it fits the buttons that carry it. */
export const QuestionSchema = z
  .string()
  .transform(plainFromSlack)
  .pipe(z.string().max(MAX_QUESTION_LENGTH, `问题太长了（最多 ${MAX_QUESTION_LENGTH} 个字）`));

/** `/role`, `/role help` and their Chinese equivalents ask for usage rather than a search. */
export function isHelpRequest(question: string): boolean {
  return /^(help|帮助|使用方法|用法|\?|？)?$/i.test(question.trim());
}
