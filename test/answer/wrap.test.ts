/** Console wrapping: CJK characters are two columns, and a 【marked】 match never splits across lines. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapLine, wrapText } from '../../src/render/wrap.js';

const evidence = '     第 2 条职责：负责接待当日【业主】的报修、【投诉】等相关事务,并及时反馈到相关部门,办理小区的交房手续、装修手续,制作相关证照。负责跟踪【处理结果】';

describe('wrapText', () => {
  it.each([30, 40, 57, 80])('fits width %i counting CJK as two columns, marks whole, continuation indented', (width) => {
    const lines = wrapLine(evidence, width);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(stringWidth(l)).toBeLessThanOrEqual(width);
      // every 【 closes on its own line
      expect((l.match(/【/g) ?? []).length).toBe((l.match(/】/g) ?? []).length);
    }
    // under the duty text, or at half the width on a narrow terminal
    const hang = Math.min(stringWidth('     第 2 条职责：'), Math.floor(width / 2));
    for (const l of lines.slice(1)) expect(l.startsWith(' '.repeat(hang))).toBe(true);
    expect(lines.map((l) => l.trim()).join('')).toBe(evidence.trim());
  });

  it('leaves text alone without a terminal width, and short lines as they are', () => {
    expect(wrapText(evidence, undefined)).toBe(evidence);
    expect(wrapText('客服主管\n会计', 40)).toBe('客服主管\n会计');
  });

  it('does not split a latin word', () => {
    const lines = wrapLine('负责 Technical Account Manager 的客户关系管理与 KPI 考核工作安排', 24);
    expect(lines.join(' ')).toMatch(/Technical/);
    for (const w of ['Technical', 'Account', 'Manager']) expect(lines.some((l) => l.includes(w))).toBe(true);
  });
});
