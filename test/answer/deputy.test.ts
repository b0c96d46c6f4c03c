/** A near name that adds a deputy's or assistant's rank ranks below the post itself: 行长 asks for 支行行长 before 副行长. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import { buildFixtureIndex, role } from '../search/fixture.js';

describe('deputy ranks', () => {
  let fx: ReturnType<typeof buildFixtureIndex>;
  let bot: ReturnType<typeof openAnswerer>;
  beforeAll(() => {
    fx = buildFixtureIndex([
      role({ file: 'bank.xlsx', line: 1, title: '副行长', duties: ['协助行长分管运营'] }),
      role({ file: 'bank.xlsx', line: 2, title: '支行行长', duties: ['主持支行经营管理'] }),
    ]);
    bot = openAnswerer(fx.dbPath);
  });
  afterAll(() => {
    bot.close();
    fx.cleanup();
  });

  it('puts the post before its deputy when neither is named exactly', () => {
    const a = bot.ask('行长');
    expect(a.kind === 'role' && [a.best.role.title, ...a.alternatives.map((x) => x.role.title)]).toEqual(['支行行长', '副行长']);
  });

  it('still answers the deputy when asked for', () => {
    const a = bot.ask('副行长');
    expect(a.kind === 'role' && a.best.role.title).toBe('副行长');
  });
});
