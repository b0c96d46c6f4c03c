import { describe, expect, it } from 'vitest';
import { RANK_WORDS } from '../../src/words/affixes.js';
import { englishKey, isEnglish, lemmas, singular } from '../../src/words/english.js';
import { makeWordTable, wordTable } from '../../src/words/table.js';

describe('the shipped word table (generated from CC-CEDICT)', () => {
  const t = wordTable();
  const related = (a: string, b: string) => t.synonyms(a).includes(b) || t.near(a).includes(b);

  it('keeps apart words that name different jobs or ranks (precision check)', () => {
    for (const [a, b] of [['会计', '出纳'], ['经理', '主管'], ['经理', '总监'], ['主管', '主任']]) {
      expect(related(a, b), `${a}/${b}`).toBe(false);
      expect(related(b, a), `${b}/${a}`).toBe(false);
    }
    for (const w of RANK_WORDS) expect(t.synonyms(w), w).toEqual([]);
  });

  it('finds the synonyms titles and duties need, both ways', () => {
    for (const [a, b] of [['司机', '驾驶员'], ['保安', '安保'], ['巡逻', '巡查']]) {
      expect(t.synonyms(a), a).toContain(b);
      expect(t.synonyms(b), b).toContain(a);
    }
    expect(t.near('保养')).toContain('维护');
    expect(t.near('投诉')).toContain('客诉');
  });

  it('translates English title and duty words, the likeliest first', () => {
    expect(t.english('cashier')).toEqual(expect.arrayContaining(['出纳', '收银员']));
    expect(t.english('driver')).toEqual(expect.arrayContaining(['司机', '驾驶员']));
    expect(t.english('chef')).toContain('厨师');
    expect(t.english('customer complaint')).toContain('客诉');
    expect(t.english('no such english phrase')).toEqual([]);
  });

  it('splits text at its longest known word', () => {
    expect(t.wordAt('保安主管', 0)).toBe('保安');
    expect(t.wordAt('公共设备的检查保养', 7)).toBe('保养');
  });
});

describe('word table format', () => {
  it('finds every key by bisection, none that is absent, and keeps list order', () => {
    const t = makeWordTable({ syn: { 甲乙: ['丙丁'], 丙丁: ['甲乙'] }, en: { 'b a': ['二', '一'], a: ['一'], 'a b': ['三'] } });
    expect(t.synonyms('甲乙')).toEqual(['丙丁']);
    expect(t.english('b a')).toEqual(['二', '一']);
    expect(t.english('a')).toEqual(['一']);
    expect(t.english('a b')).toEqual(['三']);
    expect(t.english('b')).toEqual([]);
    expect(t.near('甲乙')).toEqual([]);
  });
});

describe('English words', () => {
  it.each([
    ['The Cashier', 'cashier'],
    ['(computing) driver', 'driver'],
    ['Front-Office  manager', 'front-office manager'],
  ])('englishKey(%s) = %s', (s, k) => expect(englishKey(s)).toBe(k));

  it('reduces inflections to the forms the table keys', () => {
    expect(singular('complaints')).toBe('complaint');
    expect(singular('duties')).toBe('duty');
    expect(singular('business')).toBe('business');
    expect(lemmas('patrolling')).toContain('patrol');
    expect(lemmas('handling')).toContain('handle');
  });

  it('tells English from Chinese, pinyin counting as latin', () => {
    expect(isEnglish('who handles complaints')).toBe(true);
    expect(isEnglish('客服主管')).toBe(false);
    expect(isEnglish('TAM客户经理')).toBe(false);
  });
});

describe('English action nouns', () => {
  it('are also looked up by their verb', () => {
    expect(lemmas('production')).toContain('produce');
    expect(lemmas('recruitment')).toContain('recruit');
    expect(lemmas('management')).toContain('manage');
  });
});
