/** Who-handles on words that are everywhere (客户, 管理): the words written together are searched as a phrase first. */
import { describe, expect, it } from 'vitest';
import { role, useFixtureAnswerer } from './fixture.js';

describe('who handles, with only common words', () => {
  // 2,500 roles hold 客户 and 管理 apart (both over the common-word threshold); 3 hold 客户管理
  const answerer = useFixtureAnswerer(() => [
    ...Array.from({ length: 2500 }, (_, i) => role({ file: `f${i % 50}.txt`, line: i + 1, title: `专员${i}`, duties: ['维护客户关系', '参加管理会议'] })),
    ...[1, 2, 3].map((i) => role({ file: 'g.txt', line: i, title: `客户经理${i}`, duties: ['负责客户管理与回访'] })),
  ]);

  it('finds, through the phrase tried first, the roles whose duty line holds the words together', () => {
    const a = answerer().ask('谁负责客户管理');
    expect(a.kind).toBe('who');
    if (a.kind === 'who') expect(a.hits.slice(0, 3).map((h) => h.role.title).sort()).toEqual(['客户经理1', '客户经理2', '客户经理3']);
  });
});
