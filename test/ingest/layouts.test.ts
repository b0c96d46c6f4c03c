/** Layout edge cases found by the synthetic corpus generator (src/bench/synth.ts), as small fixtures. */
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../src/ingest/clean.js';
import { extractRoles } from '../../src/ingest/extract.js';

const roles = (text: string) => extractRoles(cleanLines(text), 'doc.txt');
const titles = (text: string) => roles(text).map((r) => r.title);

describe('`一、X工作职责:` sections', () => {
  it('does not take a `岗位人员工作职责` heading over everyone for a post', () => {
    const text = ['仓储部岗位职责汇编', '', '岗位人员工作职责', '', '1、负责仓库日常管理;', '', '2、负责货物盘点;', ''].join('\n');
    expect(titles(text)).toEqual([]);
  });

  it('reads a section whose post name has a figure in it (`第12车间…`), so the block above does not swallow it', () => {
    const text = [
      '生产部岗位职责汇编',
      '',
      '岗位人员工作职责',
      '',
      '一、第12车间数控设备维修操作员工作职责:',
      '',
      '1、负责设备日常点检;',
      '',
      '2、负责设备故障维修;',
      '',
      '二、质检员工作职责:',
      '',
      '1、负责来料检验;',
      '',
    ].join('\n');
    const r = roles(text);
    expect(r.map((x) => [x.title, x.duties.length])).toEqual([
      ['第12车间数控设备维修操作员', 2],
      ['质检员', 1],
    ]);
  });
});

describe('`X岗位职责` headings whose name has no job-noun ending', () => {
  it('keeps the name without 岗位 (`岗位职责` is the post\'s duties)', () => {
    const text = ['档案整理岗位职责', '1、负责档案归档;', '2、负责档案借阅登记;'].join('\n');
    expect(titles(text)).toEqual(['档案整理']);
  });
});
