/** Guesses by the kind of post a name ends with, when no name is close enough (src/answer/heads.ts). */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { chineseReadings } from '../../src/answer/heads.js';
import Database from 'better-sqlite3';
import { Vocabulary } from '../../src/search/fts.js';
import { TitleMatcher } from '../../src/search/titles.js';
import { buildFixtureIndex, role, useFixtureAnswerer } from '../search/fixture.js';

const F = 'store.md';
const answerer = useFixtureAnswerer(() => [
  role({ file: F, line: 1, title: '执业药师', duties: ['审核处方，指导顾客合理用药'] }),
  role({ file: F, line: 10, title: 'ICU责任护士', duties: ['负责重症监护病人的护理和监测'] }),
  role({ file: F, line: 20, title: '门诊护士', duties: ['门诊分诊，协助医生检查'] }),
  role({ file: F, line: 30, title: '手术室护士', duties: ['术前准备器械，配合手术'] }),
  role({ file: F, line: 40, title: '病房护士', duties: ['病房巡视，执行医嘱'] }),
  role({ file: F, line: 50, title: '楼层服务员', duties: ['清扫客房，更换布草'] }),
  role({ file: F, line: 60, title: '餐厅服务员', duties: ['点菜上菜，餐后收台'] }),
  role({ file: F, line: 70, title: '洗碗阿姨', duties: ['清洗餐具'] }),
  role({ file: F, line: 80, title: '保洁员', duties: ['公共区域清洁'] }),
  role({ file: F, line: 90, title: '店经理', duties: ['门店经营'] }),
  role({ file: F, line: 100, title: '财务经理', duties: ['财务核算'] }),
  role({ file: F, line: 110, title: '工程经理', duties: ['设备维修'] }),
  role({ file: F, line: 120, title: '行政经理', duties: ['行政后勤'] }),
  role({ file: F, line: 130, title: '保育员', duties: ['幼儿园班级的卫生消毒', '照料幼儿午睡和进餐'] }),
]);

const ranked = (a: Answer) => (a.kind === 'notFound' ? a.suggestions : a.kind === 'role' || a.kind === 'field' ? [a.best, ...a.alternatives] : []);
const first = (q: string) => ranked(answerer().ask(q))[0]?.role.title;

describe('guesses by the kind of post', () => {
  it('reads a name as the rest before its head, longest head first, joiners dropped', () => {
    const r = chineseReadings('药店里的药师', () => []);
    expect(r.map((x) => x.heads[0])).toEqual(['店里的药师', '药师']);
    expect(r.at(-1)!.units).toEqual([['药店']]);
    expect(chineseReadings('hr助理', (w) => (w === 'hr' ? ['人事'] : []))[0]).toMatchObject({ heads: ['助理'], units: [['hr', '人事']] });
  });

  it('offers the role whose name ends with the kind asked for, as a guess not an answer card', () => {
    const a = answerer().ask('药店里的药师');
    expect(a.kind).toBe('notFound');
    expect(first('药店里的药师')).toBe('执业药师');
  });

  it('ranks the roles of that kind by how much of the rest their own text bears out', () => {
    expect(first('重症监护护士')).toBe('ICU责任护士');
    expect(first('what does a room attendant do')).toBe('楼层服务员');
  });

  it('knows the kind under its other names (生活老师 is 保育员)', () => {
    expect(first('幼儿园生活老师')).toBe('保育员');
  });

  it('does not guess from a common or translated kind alone, nor above a near name holding the rest', () => {
    // 经理 is carried by many names and nothing else of "housekeeping" is in any of them
    expect(ranked(answerer().ask('housekeeping manager')).filter((r) => r.role.title.endsWith('经理'))).toEqual([]);
    expect(first('保洁阿姨')).toBe('保洁员');
  });
});

describe('names holding a part (TitleMatcher.containing)', () => {
  it('gives the shortest names holding it, at most limit, in a stable order', () => {
    const fx = buildFixtureIndex(['保洁员', '保洁领班', '环境保洁主管', '客房保洁员', '保安员'].map((title, i) => role({ file: F, line: 1 + 10 * i, title })));
    const db = new Database(fx.dbPath, { readonly: true });
    try {
      const titles = new TitleMatcher(db, new Vocabulary(db));
      expect(titles.containing('保洁', 10)).toEqual(['保洁员', '保洁领班', '客房保洁员', '环境保洁主管']);
      expect(titles.containing('保洁', 2)).toEqual(['保洁员', '保洁领班']);
      expect(titles.containing('洁', 10)).toEqual([]);
      expect(titles.containing('保险', 10)).toEqual([]);
    } finally {
      db.close();
      fx.cleanup();
    }
  });
});

describe('Chinese names of English-titled roles', () => {
  const english = useFixtureAnswerer(() => [
    role({ file: 'team.md', line: 1, title: 'Senior Data Analyst', duties: ['Build dashboards for the sales team'] }),
    role({ file: 'team.md', line: 10, title: 'Finance Assistant', duties: ['Process staff expense claims'] }),
    role({ file: 'team.md', line: 20, title: 'Legal Assistant', duties: ['Prepare case files'] }),
    role({ file: 'team.md', line: 30, title: '律师助理', duties: ['检索类似案例'] }),
  ]);
  const guess = (q: string) => {
    const a = english().ask(q);
    return (a.kind === 'notFound' ? a.suggestions : a.kind === 'role' || a.kind === 'field' ? [a.best] : [])[0]?.role.title;
  };

  it("are found under the post lexicon's English name (数据分析师: data analyst) and by reading the name in English", () => {
    expect(guess('數據分析師的職責')).toBe('Senior Data Analyst');
    // 财务 → finance, 助理 → assistant; 律师助理 ends with 助理 but nothing of 财务 is in it
    expect(guess('介绍一下财务助理')).toBe('Finance Assistant');
  });
});
