/** Checks a rendered message against Block Kit limits and mrkdwn escaping; returns the problems found. */
import { LIMITS, type SlackMessage } from '../../src/render/blocks.js';

/** Any `<` other than a user mention we add ourselves, or a bare `&`, means document text got through unescaped. */
const UNESCAPED = /<(?!@[UW][A-Z0-9]+>)|&(?!(amp|lt|gt);)/;

export function blockKitProblems(msg: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  const mrkdwn = (t: string, max: number, where: string) => {
    check(t.length <= max, `${where}: ${t.length} > ${max} chars`);
    check(!UNESCAPED.test(t), `${where}: unescaped text ${JSON.stringify(t.slice(0, 80))}`);
    check(!/<!|<http/.test(t), `${where}: special or link markup`);
  };
  mrkdwn(msg.text, LIMITS.fallbackText, 'text');
  check(msg.blocks.length <= LIMITS.blocks, `${msg.blocks.length} blocks`);
  const actionIds = new Set<string>();
  const button = (b: any, where: string) => {
    check(b.type === 'button', `${where}: not a button`);
    check(b.text.type === 'plain_text' && b.text.text.length > 0 && b.text.text.length <= LIMITS.buttonText, `${where}: button text`);
    check(b.action_id.length <= LIMITS.actionId && !actionIds.has(b.action_id), `${where}: action_id ${b.action_id}`);
    actionIds.add(b.action_id);
    check(typeof b.value === 'string' && b.value.length <= LIMITS.buttonValue, `${where}: value`);
  };
  msg.blocks.forEach((b: any, i) => {
    const where = `block ${i} (${b.type})`;
    if (b.type === 'header') check(b.text.type === 'plain_text' && b.text.text.length <= LIMITS.headerText && b.text.text.length > 0, `${where}: header`);
    else if (b.type === 'section') {
      if (b.text.type === 'mrkdwn') mrkdwn(b.text.text, LIMITS.sectionText, where);
      else check(b.text.text.length <= LIMITS.sectionText, where);
      if (b.accessory) button(b.accessory, where);
    } else if (b.type === 'context') {
      check(b.elements.length >= 1 && b.elements.length <= LIMITS.contextElements, `${where}: elements`);
      for (const e of b.elements) mrkdwn(e.text, LIMITS.contextText, where);
    } else if (b.type === 'actions') {
      check(b.elements.length >= 1 && b.elements.length <= LIMITS.actionsElements, `${where}: elements`);
      b.elements.forEach((e: any) => button(e, where));
    } else problems.push(`${where}: unexpected block type`);
  });
  const blockIds = msg.blocks.map((b: any) => b.block_id).filter(Boolean);
  check(new Set(blockIds).size === blockIds.length, 'duplicate block_id');
  return problems;
}

/** Every button in a message, in order. */
export function buttons(msg: SlackMessage): Array<{ text: string; action_id: string; value: string }> {
  return msg.blocks.flatMap((b: any) =>
    b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : [],
  ).map((e: any) => ({ text: e.text.text, action_id: e.action_id, value: e.value }));
}

/** All text a reader sees, for content assertions. */
export function allText(msg: SlackMessage): string {
  return JSON.stringify(msg.blocks);
}
