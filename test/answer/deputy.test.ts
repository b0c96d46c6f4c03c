/** A near name that adds a deputy's or assistant's rank ranks below the post itself: 行长 asks for 支行行长 before 副行长. */
import { describe, expect, it } from 'vitest';
import { role, useFixtureAnswerer } from '../search/fixture.js';

describe('deputy ranks', () => {
  const answerer = useFixtureAnswerer([
    role({ file: 'bank.xlsx', line: 1, title: '副行长', duties: ['协助行长分管运营'] }),
    role({ file: 'bank.xlsx', line: 2, title: '支行行长', duties: ['主持支行经营管理'] }),
  ]);

  it('puts the post before its deputy when neither is named exactly', () => {
    const a = answerer().ask('行长');
    expect(a.kind === 'role' && [a.best.role.title, ...a.alternatives.map((x) => x.role.title)]).toEqual(['支行行长', '副行长']);
  });

  it('still answers the deputy when asked for', () => {
    const a = answerer().ask('副行长');
    expect(a.kind === 'role' && a.best.role.title).toBe('副行长');
  });
});
