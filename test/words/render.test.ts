import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/render/blocks.js';
import { toAskJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { useFixtureAnswerer } from '../search/fixture.js';

const answerer = useFixtureAnswerer();
const blocksText = (a: ReturnType<typeof renderAnswer>) => JSON.stringify(a.blocks);

describe('answers to English questions', () => {
  it('label fields in English and keep the document text as written', () => {
    const a = answerer().ask('who does the customer service supervisor report to?');
    expect(a.lang).toBe('en');
    const t = renderText(a);
    expect(t).toMatch(/Reports to: 物业经理/);
    expect(t).not.toMatch(/直属上级/);
    expect(blocksText(renderAnswer(a))).toContain('Reports to');
  });

  it('say what was understood in one line, on every surface', () => {
    const a = answerer().ask('customer service supervisor');
    expect(a.kind).toBe('role');
    expect(a.understood).toMatchObject({ from: 'customer service supervisor', via: 'english' });
    const line = `customer service supervisor → ${a.kind === 'role' ? a.best.role.title : ''} (translated)`;
    expect(renderText(a).split('\n')[0]).toContain(line);
    expect(toAskJson(a).understood).toBe(line);
    const blocks = renderAnswer(a).blocks;
    expect(blocks[1]).toMatchObject({ type: 'context' });
    expect(JSON.stringify(blocks[1])).toContain(line);
  });

  it('say nothing extra when the question matched as typed', () => {
    const a = answerer().ask('客服部主管');
    expect(a.understood).toBeUndefined();
    expect(toAskJson(a)).not.toHaveProperty('understood');
    expect(renderText(a).startsWith('【客服部主管】')).toBe(true);
  });

  it('answer help in the language asked', () => {
    expect(renderText(answerer().ask('no such role anywhere'))).toMatch(/No role called/);
  });
});

describe('Slack cards for English questions', () => {
  it('use English for the card’s own words and buttons', () => {
    const who = blocksText(renderAnswer(answerer().ask('who handles complaints?')));
    expect(who).toContain('Who handles: complaints');
    expect(who).toContain('Open role');
    expect(who).not.toContain('查看岗位');
    const nf = blocksText(renderAnswer(answerer().ask('astronaut')));
    expect(nf).toMatch(/No role matches “astronaut”/);
  });
});
