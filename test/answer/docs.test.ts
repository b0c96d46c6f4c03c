/** The engine over the bundled documents (data/docs) through the real ingest path. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import type { Role } from '../../src/roles/schema.js';
import { toAskJson } from '../../src/render/json.js';
import { normalizeKey } from '../../src/text/normalize.js';
import { indexBundledDocs } from '../helpers/docs-index.js';

let dir: string;
let roles: Role[];
let bot: ReturnType<typeof openAnswerer>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rolebot-docs-'));
  roles = await indexBundledDocs(path.join(dir, 'roles.db'));
  bot = openAnswerer(path.join(dir, 'roles.db'));
});
afterAll(() => {
  bot?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bundled documents', () => {
  it('finds every indexed role by its own title: first, or among roles of the same name', () => {
    expect(roles.length).toBeGreaterThan(10);
    for (const r of roles) {
      const j = toAskJson(bot.ask(r.title));
      const sameName = j.results.filter((x) => normalizeKey(x.title) === normalizeKey(r.title) || x.id === r.id);
      expect(sameName.length, r.title).toBeGreaterThan(0);
      expect(normalizeKey(j.results[0].title) === normalizeKey(r.title) || j.results[0].score === 1, r.title).toBe(true);
    }
  });

  it('answers each intent with the matching shape', () => {
    const withBoss = roles.find((r) => r.reportsTo)!;
    const j = toAskJson(bot.ask(`${withBoss.title}的上级是谁`));
    expect(j).toMatchObject({ intent: 'field', field: 'reportsTo' });
    expect(j.answer).toBeTruthy();
    const who = toAskJson(bot.ask('谁负责处理客户投诉'));
    expect(who.intent).toBe('who');
    expect(who.results.length).toBeGreaterThan(0);
  });

  it('finds a role from one of its own duty lines', () => {
    const r = roles.find((x) => x.duties.some((d) => d.length >= 12))!;
    const duty = r.duties.find((d) => d.length >= 12)!;
    const j = toAskJson(bot.ask(`谁负责${duty}`));
    expect(j.results.slice(0, 3).map((x) => x.id)).toContain(r.id);
  });
});
