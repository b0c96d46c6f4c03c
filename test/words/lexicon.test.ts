/**
 * The hand-kept lexicons: other names of the same post (src/words/posts.tsv) and everyday task words
 * (src/words/terms.tsv): format, lookups, the precision rules, and their use in answers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { parseLexicon, postNames, taskTerms } from '../../src/words/lexicon.js';
import { role, useFixtureAnswerer } from '../search/fixture.js';

const text = readFileSync(new URL('../../src/words/posts.tsv', import.meta.url), 'utf8');
const groups = text
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t'));

describe('post names lexicon', () => {
  it('is groups of 2 to 8 names, tab-separated, no blank name', () => {
    expect(groups.length).toBeGreaterThan(500);
    for (const g of groups) {
      expect(g.length, g.join(' | ')).toBeGreaterThanOrEqual(2);
      expect(g.length, g.join(' | ')).toBeLessThanOrEqual(8);
      for (const n of g) expect(n.trim(), g.join(' | ')).toBe(n);
    }
  });

  it('never puts different ranks in one group', () => {
    const ranks = ['经理', '主管', '总监', '主任', '专员', '助理', '总经理'];
    const rankOf = (n: string) => ranks.filter((r) => n.endsWith(r)).sort((a, b) => b.length - a.length)[0];
    for (const g of groups) {
      const found = new Set(g.map(rankOf).filter(Boolean));
      expect(found.size, g.join(' | ')).toBeLessThanOrEqual(1);
    }
  });

  it('never puts different posts in one group', () => {
    const apart = [
      ['会计', '出纳'],
      ['经理', '主管'],
      ['经理', '总监'],
      ['主管', '主任'],
      ['护士', '护士长'],
      ['厨师', '厨师长'],
      ['店员', '店长'],
      ['司机', '调度员'],
      ['专员', '助理'],
    ];
    for (const [a, b] of apart) {
      // names that are exactly these, or end so with the same start (财务经理 vs 财务主管)
      const clash = groups.filter((g) => g.some((n) => n.endsWith(a)) && g.some((n) => n.endsWith(b) && g.includes(n.slice(0, -b.length) + a)));
      expect(clash.map((g) => g.join(' | ')), `${a}/${b}`).toEqual([]);
      expect(postNames().alternatives(a)).not.toContain(b);
    }
  });

  it('finds a post by any of its names: Chinese without spaces, traditional characters, English in any case', () => {
    const posts = parseLexicon('# a comment\n保安员\t保安\t秩序维护员\tsecurity guard\n单独\n', true);
    expect(posts.alternatives('保安')).toEqual(['保安员', '秩序维护员', 'security guard']);
    expect(posts.alternatives('秩序 维护员')).toContain('保安');
    expect(posts.alternatives('Security  Guard')).toContain('秩序维护员');
    expect(posts.alternatives('单独')).toEqual([]);
    expect(postNames().alternatives('牙醫')).toContain('口腔医生');
  });
});

describe('post names in answers', () => {
  const answerer = useFixtureAnswerer(() => [
    role({ file: 'b.txt', line: 1, title: '资料库管理员', duties: ['数据库备份与调优'] }),
    role({ file: 'b.txt', line: 10, title: '仓库管理员', duties: ['出入库登记'] }),
    role({ file: 'b.txt', line: 20, title: '传菜员', duties: ['把菜送到餐桌'] }),
  ]);
  const best = (a: Answer) => (a.kind === 'role' ? a.best.role.title : undefined);

  it('answer by another name of the same post over a partial match of the typed words', () => {
    // 仓库管理员 shares more characters with 数据库管理员; the lexicon knows 资料库管理员 is the same post
    const a = answerer().ask('数据库管理员');
    expect(best(a)).toBe('资料库管理员');
    expect(a.kind === 'role' && a.understood).toMatchObject({ from: '数据库管理员', via: 'synonym' });
    expect(best(answerer().ask('DBA是做什么的'))).toBe('资料库管理员');
    // a post named by its work (跑菜的: the one who runs dishes)
    expect(best(answerer().ask('跑菜的是干什么的'))).toBe('传菜员');
  });
});

describe('task words lexicon', () => {
  const terms = readFileSync(new URL('../../src/words/terms.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

  it('maps an everyday word to 1 to 5 short duty words, one way', () => {
    expect(terms.length).toBeGreaterThan(1000);
    for (const [term, ...words] of terms) {
      expect(words.length, term).toBeGreaterThanOrEqual(1);
      expect(words.length, term).toBeLessThanOrEqual(5);
    }
    const t = parseLexicon('跳闸\t停电\t电路\n', false);
    expect(t.alternatives('跳闸')).toEqual(['停电', '电路']);
    expect(t.alternatives('停电')).toEqual([]);
    expect(taskTerms().alternatives('Payslip')).toContain('工资条');
  });

  const answerer = useFixtureAnswerer(() => [
    role({ file: 'a.txt', line: 1, title: '维修电工', duties: ['处理业主室内电路报修', '配电房巡检'] }),
    role({ file: 'a.txt', line: 10, title: '薪酬专员', duties: ['核算员工工资，发放工资条', '办理社保缴纳'] }),
    role({ file: 'a.txt', line: 20, title: '前台', duties: ['接待访客', '收发快递'] }),
  ]);
  const top = (a: Answer) => (a.kind === 'who' ? a.hits[0]?.role.title : undefined);

  it('finds who handles a task asked in everyday words, and says how it was understood', () => {
    const a = answerer().ask('家里跳闸了找谁');
    expect(top(a)).toBe('维修电工');
    expect(a.kind === 'who' && a.understood).toMatchObject({ from: '跳闸', via: 'synonym' });
    expect(top(answerer().ask('who do I ask about my payslip?'))).toBe('薪酬专员');
  });
});
