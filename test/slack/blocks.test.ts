import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { encodeRef, escapeMrkdwn, fitEscaped, markedText, RefSchema, renderAnswer, renderHelp } from '../../src/render/blocks.js';
import { allText, blockKitProblems, buttons } from './blockkit.js';
import { FakeAnswerer, ROLES } from './fake-answerer.js';

const fake = new FakeAnswerer();
const OPTIONS = [{}, { full: true }, { shareable: true }, { full: true, shareable: true, sharedBy: 'U0001' }];

describe('mrkdwn text helpers', () => {
  it('escapes & < > so no text can form a mention, broadcast or link', () => {
    expect(escapeMrkdwn('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
  });

  it('cuts escaped text within the limit, never inside an entity', () => {
    for (let max = 2; max < 30; max++) {
      const s = fitEscaped('a<b>&c'.repeat(10), max);
      expect(s.length).toBeLessThanOrEqual(max);
      expect(s).toMatch(/…$/);
      expect(s.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[&<>]/);
    }
    expect(fitEscaped('短', 5)).toBe('短');
  });

  it('bolds marked words with zero-width spaces and keeps the match when the line is long', () => {
    expect(markedText('负责处理业主投诉', [[4, 8]], 3000)).toBe('负责处理\u200b*业主投诉*\u200b');
    const long = '甲'.repeat(2000) + '投诉<x>' + '乙'.repeat(2000);
    const out = markedText(long, [[2000, 2002]], 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toContain('\u200b*投诉*\u200b&lt;x&gt;');
    expect(out.startsWith('…')).toBe(true);
  });
});

describe('button values', () => {
  it('round-trip and reject anything else', () => {
    expect(RefSchema.parse(encodeRef({ kind: 'role', id: 'abc123' }))).toEqual({ kind: 'role', id: 'abc123' });
    expect(RefSchema.parse(encodeRef({ kind: 'question', text: '谁负责<投诉>' }))).toEqual({ kind: 'question', text: '谁负责<投诉>' });
    for (const bad of ['', 'role:', 'role:a b', 'x:1', 'q:', `q:${'长'.repeat(501)}`]) expect(RefSchema.safeParse(bad).success).toBe(false);
  });
});

describe('renderAnswer', () => {
  it('renders a role card: header, department, reporting buttons, numbered duties, requirements, source', () => {
    const msg = renderAnswer(fake.ask('客服主管'), { shareable: true });
    expect(blockKitProblems(msg)).toEqual([]);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: '客服主管' } });
    const text = allText(msg);
    expect(text).toContain('客服部');
    expect(text).toContain('1. 负责客服部日常管理工作\\n2. 负责处理业主投诉及回访');
    expect(text).toContain('任职要求');
    expect(text).toContain('来源：fixture.txt 第 1–11 行');
    const b = buttons(msg);
    expect(b.map((x) => x.text)).toEqual(['↑ 客服经理', '↓ 客服专员', '发到频道']);
    expect(b.map((x) => x.value)).toEqual(['role:r-kfjl', 'role:r-kfzy', 'role:r-kfzg']);
    expect(b.map((x) => x.action_id)).toEqual(['open_role:0', 'open_role:1', 'share:2']);
  });

  it('offers "show all" only when something was left out, and the full view shows every duty', () => {
    expect(buttons(renderAnswer(fake.ask('客服主管'))).some((b) => b.action_id.startsWith('show_all'))).toBe(false);
    const compact = renderAnswer(fake.ask('超长岗位'));
    expect(buttons(compact).find((b) => b.action_id.startsWith('show_all'))?.value).toBe('role:r-long');
    expect(allText(compact)).toContain('另有 290 条');
    const full = renderAnswer(fake.ask('超长岗位'), { full: true });
    expect(blockKitProblems(full)).toEqual([]);
    expect(full.blocks.length).toBeGreaterThan(compact.blocks.length);
    expect(buttons(full).some((b) => b.action_id.startsWith('show_all'))).toBe(false);
  });

  it('escapes every piece of document text', () => {
    for (const opts of OPTIONS) {
      const msg = renderAnswer(fake.roleById('r-evil'), opts);
      expect(blockKitProblems(msg)).toEqual([]);
      expect(allText(msg)).toContain('&lt;!channel&gt; 注意 &lt;https://evil.example|登录&gt;');
    }
  });

  it('renders "who handles" with marked duty lines and a button per role', () => {
    const msg = renderAnswer(fake.ask('谁负责业主投诉'), { shareable: true });
    expect(blockKitProblems(msg)).toEqual([]);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: '谁负责：业主投诉' } });
    const text = allText(msg);
    expect(text).toContain('>2. 负责处理\u200b*业主投诉*\u200b及回访');
    expect(text).toContain('>2. 登记\u200b*业主投诉*\u200b');
    expect(buttons(msg).map((b) => b.value)).toEqual(['role:r-kfzg', 'role:r-kfzy', 'q:谁负责业主投诉']);
  });

  it('renders a field answer with the linked role and a way to the full card', () => {
    const msg = renderAnswer(fake.ask('客服专员的上级是谁'));
    expect(blockKitProblems(msg)).toEqual([]);
    expect(allText(msg)).toContain('*汇报对象*　客服主管');
    expect(buttons(msg).map((b) => [b.text, b.value])).toEqual([
      ['客服主管', 'role:r-kfzg'],
      ['查看完整岗位', 'role:r-kfzy'],
    ]);
  });

  it('offers the closest titles as buttons when nothing matches', () => {
    const msg = renderAnswer(fake.ask('客服总监'));
    expect(blockKitProblems(msg)).toEqual([]);
    expect(allText(msg)).toContain('没有找到与“客服总监”匹配的岗位');
    expect(buttons(msg).map((b) => b.value)).toContain('role:r-kfzg');
    const none = renderAnswer(fake.ask('zzz'));
    expect(buttons(none)).toEqual([]);
    expect(allText(none)).toContain('/role help');
  });

  it('lists other matching roles as buttons to pick one', () => {
    const twins = new FakeAnswerer([...ROLES, { ...ROLES[3], id: 'r-kj2', department: '分公司财务部' }]);
    const b = buttons(renderAnswer(twins.ask('会计')));
    expect(b).toContainEqual(expect.objectContaining({ text: '会计（分公司财务部）', value: 'role:r-kj2' }));
  });

  it('keeps every fixture answer within Block Kit limits in every view', () => {
    const answers: Answer[] = [
      ...ROLES.map((r) => fake.roleById(r.id)),
      fake.ask('谁负责投诉'),
      fake.ask('谁负责<!channel>'),
      fake.ask('会计的上级是谁'),
      fake.ask('<!channel>'),
      { kind: 'who', question: '谁负责x', intent: 'who', topic: 'x', hits: [] },
      { kind: 'help', question: '', intent: 'role' },
    ];
    for (const a of answers) for (const opts of OPTIONS) expect(blockKitProblems(renderAnswer(a, opts)), `${a.kind} ${JSON.stringify(opts)}`).toEqual([]);
    expect(blockKitProblems(renderHelp())).toEqual([]);
  });

  it('mentions who shared a card, and only a well-formed user id', () => {
    expect(allText(renderAnswer(fake.ask('会计'), { sharedBy: 'U0001' }))).toContain('<@U0001> 分享');
    expect(allText(renderAnswer(fake.ask('会计'), { sharedBy: '!channel' }))).not.toContain('分享');
  });
});

describe('blockKitProblems (the checker the other tests rely on)', () => {
  it('flags unescaped text, oversized blocks and duplicate action ids', () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } }) as any;
    expect(blockKitProblems({ text: 'ok', blocks: [section('<!channel>')] })).not.toEqual([]);
    expect(blockKitProblems({ text: 'a & b', blocks: [] })).not.toEqual([]);
    expect(blockKitProblems({ text: 'ok', blocks: [section('x'.repeat(3001))] })).not.toEqual([]);
    expect(blockKitProblems({ text: 'ok', blocks: Array.from({ length: 51 }, () => section('x')) })).not.toEqual([]);
    const btn = { type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: 'a', value: 'v' };
    expect(blockKitProblems({ text: 'ok', blocks: [{ type: 'actions', elements: [btn, btn] } as any] })).not.toEqual([]);
    expect(blockKitProblems({ text: 'ok', blocks: [section('&lt;!channel&gt; <@U0001>')] })).toEqual([]);
  });
});
