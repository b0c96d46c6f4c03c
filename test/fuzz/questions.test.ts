/** Question-path fuzz (short run; `npm run fuzz` runs 10k): any text in, no throw, an intent, valid escaped cards out. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import { EXAMPLES_DIR } from '../../src/config.js';
import type { Role } from '../../src/roles/schema.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { writeIndex } from '../../src/store/db.js';
import { renderAnswer } from '../../src/render/blocks.js';
import { blockKitProblems } from '../slack/blockkit.js';
import { hostileDocuments, questionProperty, roleCardProperty } from './properties.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-fuzz-q-'));
let answerer: ReturnType<typeof openAnswerer>;
let ids: string[] = [];
let hostileRoles: Role[] = [];

beforeAll(async () => {
  // The seed documents plus documents whose own text attacks the cards.
  const seeds = await ingestFolder(EXAMPLES_DIR);
  const hostileDir = path.join(work, 'hostile');
  mkdirSync(hostileDir);
  for (const [name, text] of Object.entries(hostileDocuments())) writeFileSync(path.join(hostileDir, name), text);
  const hostile = await ingestFolder(hostileDir);
  const db = path.join(work, 'fuzz.db');
  writeIndex(db, { documents: [...seeds.documents, ...hostile.documents], roles: [...seeds.roles, ...hostile.roles] });
  ids = [...seeds.roles, ...hostile.roles].map((r) => r.id);
  hostileRoles = hostile.roles;
  answerer = openAnswerer(db);
});

afterAll(() => {
  answerer?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('question fuzz', () => {
  it('hostile document text is indexed and its cards stay escaped and within limits', () => {
    // Markup in a title, a 5 KB duty, a role with ~100 duties: all must have been indexed to be tested.
    expect(hostileRoles.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...hostileRoles.map((r) => r.duties.length))).toBeGreaterThan(50);
    const answers = [
      ...hostileRoles.flatMap((r) => [answerer.roleById(r.id), answerer.ask(r.title), answerer.ask(`${r.title}的岗位职责`)]),
      ...['谁负责处理投诉', '谁负责接待访客', '谁负责第7项投诉处理'].map((q) => answerer.ask(q)),
    ];
    for (const a of answers) {
      for (const full of [false, true]) expect(blockKitProblems(renderAnswer(a, { full, shareable: true })), `${a.question} full=${full}`).toEqual([]);
    }
  });

  it('any question: never throws, intent set, cards within Block Kit limits, nothing unescaped', () => {
    fc.assert(questionProperty(answerer), { numRuns: 200, seed: 7 });
  });

  it('any role id (known or forged): a valid card', () => {
    fc.assert(roleCardProperty(answerer, ids), { numRuns: 100, seed: 7 });
  });
});
