import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { markEvidence, renderText } from '../../src/render/text.js';
import { useFixtureAnswerer } from '../search/fixture.js';

const answerer = useFixtureAnswerer();

describe('console text', () => {
  it('shows a role card: title, department, reporting line, direct reports, numbered duties, requirements, source', () => {
    const t = renderText(answerer().ask('客服部主管'));
    expect(t).toContain('【客服部主管】');
    expect(t).toContain('部门：客服部');
    expect(t).toContain('上级：物业经理 → 总经理');
    expect(t).toMatch(/下属：.*客服管家/);
    expect(t).toContain('  1. 负责处理业主投诉，跟进投诉回访');
    expect(t).toContain('任职要求：');
    expect(t).toContain('来源：a.txt 第 10–15 行');
  });

  it('shows a field answer and a not-found answer with suggestions', () => {
    expect(renderText(answerer().ask('客服管家的上级是谁'))).toContain('客服管家 的直属上级：客服部主管');
    const nf = renderText(answerer().ask('客服部经理助理秘书长'));
    expect(nf).toMatch(/没有找到|【/);
  });
});

describe('evidence lines', () => {
  it('marks matched words and keeps short lines whole', () => {
    expect(markEvidence({ index: 0, text: '负责处理业主投诉', marks: [[2, 4], [6, 8]] })).toBe('负责【处理】业主【投诉】');
  });

  it('cuts a glued-together long line to a window around the first match', () => {
    const text = '甲'.repeat(300) + '处理投诉' + '乙'.repeat(300);
    const out = markEvidence({ index: 0, text, marks: [[300, 302], [302, 304]] }, 100);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('【处理】【投诉】');
    expect(out.length).toBeLessThanOrEqual(100 + 6);
  });
});

describe('ask JSON line', () => {
  it('has exactly the contract keys', () => {
    const role = JSON.parse(renderJson(answerer().ask('仓管员')));
    expect(Object.keys(role).sort()).toEqual(['intent', 'question', 'results']);
    expect(Object.keys(role.results[0]).sort()).toEqual(['id', 'score', 'title']);
    const field = JSON.parse(renderJson(answerer().ask('仓管员属于哪个部门')));
    expect(field).toMatchObject({ intent: 'field', field: 'department', answer: '行政部' });
    const who = JSON.parse(renderJson(answerer().ask('谁负责月度盘点')));
    expect(who.intent).toBe('who');
    expect(who.results[0].title).toBe('仓管员');
    expect(who.answer).toBeUndefined();
  });
});
