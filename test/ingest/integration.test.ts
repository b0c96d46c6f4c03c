/** Index the bundled documents end to end (ingestFolder → writeIndex → loadRoles) and check general properties. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../src/config.js';
import { ingestFolder } from '../../src/ingest/pipeline.js';
import { RoleSchema, type Role } from '../../src/roles/schema.js';
import { loadDocuments, loadRoles, openIndex, writeIndex } from '../../src/store/db.js';

const docs = EXAMPLES_DIR;
const work = mkdtempSync(path.join(os.tmpdir(), 'rolebot-ingest-'));
let roles: Role[] = [];

beforeAll(async () => {
  const content = await ingestFolder(docs);
  const dbPath = path.join(work, 'index.db');
  writeIndex(dbPath, content);
  const db = openIndex(dbPath);
  roles = loadRoles(db);
  expect(loadDocuments(db).every((d) => d.status === 'ok')).toBe(true);
  db.close();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('indexing data/docs', () => {
  it('stores valid records with sources inside their file', () => {
    expect(roles.length).toBeGreaterThan(50);
    for (const r of roles) {
      expect(RoleSchema.safeParse(r).success).toBe(true);
      const lineCount = readFileSync(path.join(docs, r.source.file), 'utf8').split(/\r\n|\r|\n/).length;
      expect(r.source.startLine).toBeGreaterThanOrEqual(1);
      expect(r.source.endLine).toBeLessThanOrEqual(lineCount);
    }
  });

  it('gives clean titles: no heading words, numbering or traditional characters', () => {
    for (const r of roles) {
      expect(r.title).not.toMatch(/岗位职责|职责$|^[\d一二三四五六七八九十(]|[:()]/);
      expect(r.title).not.toMatch(/[總監職責崗營運]/);
    }
  });

  it('finds posts of every layout in the bundled documents', () => {
    const have = new Set(roles.map((r) => r.title));
    // list items, recruitment posts, headings with glosses, label-line tables, letter-spaced headings
    for (const t of ['总经理', '平台试飞技术高级工程师', '运营总监', '业务管理部经理', '客服中心座席代表', '测量工程师', '客服管家']) {
      expect(have.has(t), t).toBe(true);
    }
  });

  it('never turns department duty blocks or articles into posts', () => {
    for (const r of roles) expect(r.title).not.toMatch(/部$|部门$|中心$|公司$|工作总结|管理制度/);
  });

  it('every post carries duties or requirements', () => {
    for (const r of roles) expect(r.duties.length + r.requirements.length).toBeGreaterThan(0);
  });
});
