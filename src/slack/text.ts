/** Slack message text → the plain question the answer layer expects. */
import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../render/blocks.js';
import { plainFromSlack } from '../text/normalize.js';

/** A question from any Slack payload: plain text, bounded so it fits the buttons that carry it. */
export const QuestionSchema = z
  .string()
  .transform(plainFromSlack)
  .pipe(z.string().max(MAX_QUESTION_LENGTH, `问题太长了（最多 ${MAX_QUESTION_LENGTH} 个字）`));

/** `/role`, `/role help` and their Chinese equivalents ask for usage rather than a search. */
export function isHelpRequest(question: string): boolean {
  return /^(help|帮助|使用方法|用法|\?|？)?$/i.test(question.trim());
}
