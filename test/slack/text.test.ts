import { describe, expect, it } from 'vitest';
import { isHelpRequest, QuestionSchema } from '../../src/slack/text.js';
import { plainFromSlack } from '../../src/text/normalize.js';
import { RecentKeys } from '../../src/slack/dedupe.js';

describe('plainFromSlack', () => {
  it.each([
    ['<@UBOT> 谁负责处理业主投诉', '谁负责处理业主投诉'],
    ['客服主管 &amp; 会计', '客服主管 & 会计'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['a &lt;b&gt; c', 'a <b> c'],
    ['<!channel> 前台 <!here|here>', '前台'],
    ['<#C123|财务部> 会计', '财务部 会计'],
    ['<https://hr.example/jd|客服主管>', '客服主管'],
    ['<https://hr.example/jd>', 'https://hr.example/jd'],
    ['<!subteam^S1|@hr> 前台', '@hr 前台'],
    ['  <@UBOT>\n\n ', ''],
  ])('%j → %j', (input, expected) => {
    expect(plainFromSlack(input)).toBe(expected);
  });

  it('bounds question length', () => {
    expect(QuestionSchema.safeParse('长'.repeat(500)).success).toBe(true);
    expect(QuestionSchema.safeParse('长'.repeat(501)).success).toBe(false);
  });

  it('recognises help requests', () => {
    for (const q of ['', ' ', 'help', 'HELP', '帮助', '?']) expect(isHelpRequest(q)).toBe(true);
    for (const q of ['客服主管', 'help desk']) expect(isHelpRequest(q)).toBe(false);
  });
});

describe('RecentKeys', () => {
  it('claims each key once, forgets released keys and expires old ones', () => {
    let now = 0;
    const keys = new RecentKeys(1000, 3, () => now);
    expect(keys.claim(['ev:1', 'msg:a'])).toBe(true);
    expect(keys.claim(['ev:1'])).toBe(false);
    expect(keys.claim(['ev:2', 'msg:a'])).toBe(false);
    keys.release(['ev:1', 'msg:a']);
    expect(keys.claim(['ev:1', 'msg:a'])).toBe(true);
    now = 1500;
    expect(keys.claim(['ev:1'])).toBe(true);
  });

  it('stays bounded in size', () => {
    const keys = new RecentKeys(60_000, 3);
    for (let i = 0; i < 10; i++) expect(keys.claim([`ev:${i}`])).toBe(true);
    expect(keys.claim(['ev:9'])).toBe(false);
    expect(keys.claim(['ev:0'])).toBe(true); // evicted by size
  });
});
