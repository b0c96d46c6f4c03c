/** English word forms: misspelt workplace words read as meant (src/words/spelling.ts), and the nouns a verb makes. */
import { describe, expect, it } from 'vitest';
import { correction, editDistance } from '../../src/words/spelling.js';
import { role, useFixtureAnswerer } from '../search/fixture.js';

describe('spelling', () => {
  it('counts edits, a swap of neighbours as one, and gives up past the limit', () => {
    expect(editDistance('engineer', 'engineer', 2)).toBe(0);
    expect(editDistance('enigneer', 'engineer', 2)).toBe(1);
    expect(editDistance('recepionist', 'receptionist', 2)).toBe(1);
    expect(editDistance('cashier', 'concierge', 2)).toBe(3);
  });

  it('corrects to the one nearest word; a left-out letter wins a tie; real ties and short words stay', () => {
    const words = ['engineer', 'engine', 'receptionist', 'concierge', 'cashier', 'nurse', 'purse'];
    expect(correction('conceirge', words)).toBe('concierge');
    expect(correction('enginer', words)).toBe('engineer');
    expect(correction('xyzzyq', words)).toBeNull();
    expect(correction('nurse', ['nursa', 'nursi'])).toBeNull();
    expect(correction('nrse', words)).toBeNull();
  });

  const answerer = useFixtureAnswerer(() => [role({ file: 'h.txt', line: 1, title: '礼宾员', duties: ['为客人预订出租车'] })]);
  it('reads a misspelt title in a question as meant', () => {
    const a = answerer().ask('what does the conceirge do?');
    expect(a.kind === 'role' && a.best.role.title).toBe('礼宾员');
  });
});

describe('derivations', () => {
  it('gives the nouns a verb makes, as dictionaries may key a task', async () => {
    const { derivations } = await import('../../src/words/english.js');
    expect(derivations('renew')).toContain('renewal');
    expect(derivations('allocate')).toContain('allocation');
    expect(derivations('pay')).toContain('payment');
  });
});
