/** A role card shown in a modal (from the Home tab, where there is no conversation to answer in). */
import type { types } from '@slack/bolt';
import type { SlackMessage } from '../render/blocks.js';

export function cardModal(message: SlackMessage): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: '岗位' },
    close: { type: 'plain_text', text: '关闭' },
    blocks: message.blocks,
  };
}
