import { describe, expect, it } from 'vitest';
import { cleanLine, cleanLines, collapseLetterSpacing } from '../../src/ingest/clean.js';

describe('cleanLines', () => {
  it('keeps one output line per input line, whatever the line endings', () => {
    const out = cleanLines('\uFEFF第一行\r\n\r\n第三行\r第四行\n');
    expect(out).toEqual(['第一行', '', '第三行', '第四行', '']);
  });

  it('drops pinyin glosses and converts to simplified Chinese', () => {
    expect(cleanLine('運營總監(jiān) 崗位職責:')).toBe('运营总监 岗位职责:');
    expect(cleanLine('業(yè)務流程')).toBe('业务流程');
  });

  it('normalizes full-width digits and punctuation', () => {
    expect(cleanLine('１、负责（一）工作：完成；')).toBe('1、负责(一)工作:完成;');
  });

  it('turns private-use bullets into a plain bullet', () => {
    expect(cleanLine('\uF0D8 负责接待')).toBe('• 负责接待');
    expect(cleanLine('完成工作;\uF0D8 负责巡查')).toBe('完成工作; • 负责巡查');
  });

  it('blanks site boilerplate but keeps ordinary text', () => {
    for (const l of ['点击下载文档', '推荐度:', '展开阅读全文', '发布时间:2020-04-19 来源:岗位职责 收藏本文', '版权所有 © 2020', '将本文的Word文档下载到电脑,方便编辑。']) {
      expect(cleanLine(l)).toBe('');
    }
    expect(cleanLine('负责下载客户资料并归档')).toBe('负责下载客户资料并归档');
  });
});

describe('collapseLetterSpacing', () => {
  it('joins letter-spaced headings and labels', () => {
    expect(collapseLetterSpacing('测 量 工 程 师 岗 位 职 责')).toBe('测量工程师岗位职责');
    expect(collapseLetterSpacing('审 核 人')).toBe('审核人');
  });

  it('leaves words separated by spaces apart', () => {
    expect(collapseLetterSpacing('运营总监 岗位职责')).toBe('运营总监 岗位职责');
    expect(collapseLetterSpacing('经验:8 年以上')).toBe('经验:8 年以上');
  });
});
