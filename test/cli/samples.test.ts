/** The bundled samples live apart (examples/docs): the console uses them only while the data folder has no document. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES_DIR, EXAMPLES_GLOSSARY, PROJECT_ROOT, loadGlossaryPath } from '../../src/config.js';
import { ensureIndex } from '../../src/console.js';
import { loadDocuments, openIndex, readMeta } from '../../src/store/db.js';
import { GLOSSARY_META, Glossary } from '../../src/words/glossary.js';
import { jobText, workspace, type Workspace } from '../refresh/fixtures.js';

let ws: Workspace;
afterEach(() => {
  ws?.cleanup();
  vi.restoreAllMocks();
});

function files(db: string): string[] {
  const h = openIndex(db);
  try {
    return loadDocuments(h).map((d) => d.file);
  } finally {
    h.close();
  }
}

function said(): () => string {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  return () => out.join('');
}

describe('sample documents', () => {
  it('ship in examples/docs, not in the data folder a company fills', () => {
    expect(readdirSync(EXAMPLES_DIR).length).toBeGreaterThan(0);
    expect(existsSync(path.join(PROJECT_ROOT, 'data', 'docs', readdirSync(EXAMPLES_DIR)[0]))).toBe(false);
  });

  it('are indexed, and said so, when the data folder is absent', async () => {
    ws = workspace();
    const output = said();
    await ensureIndex({ dataDir: path.join(ws.docs, 'missing'), dbPath: ws.db });
    expect(files(ws.db).sort()).toEqual(readdirSync(EXAMPLES_DIR).sort());
    expect(output()).toContain('示例文档');
    // with the samples' own glossary (库管 → 仓管员), as data/glossary.yml would be for a company's documents
    const h = openIndex(ws.db);
    try {
      expect(Glossary.fromStored(readMeta(h, GLOSSARY_META)).size).toBeGreaterThan(0);
    } finally {
      h.close();
    }
  });

  it('come with their glossary; ROLEBOT_GLOSSARY or data/glossary.yml serve any other folder', () => {
    expect(existsSync(EXAMPLES_GLOSSARY)).toBe(true);
    expect(loadGlossaryPath({}, EXAMPLES_DIR)).toBe(EXAMPLES_GLOSSARY);
    expect(loadGlossaryPath({}, '/srv/hr/docs')).toBe(path.join(PROJECT_ROOT, 'data', 'glossary.yml'));
    expect(loadGlossaryPath({ ROLEBOT_GLOSSARY: '/srv/hr/words.yml' }, EXAMPLES_DIR)).toBe('/srv/hr/words.yml');
  });

  it("are left out once the data folder holds the company's documents", async () => {
    ws = workspace();
    mkdirSync(ws.docs, { recursive: true });
    writeFileSync(path.join(ws.docs, 'ours.txt'), jobText('出纳', ['负责现金收付']));
    const output = said();
    await ensureIndex({ dataDir: ws.docs, dbPath: ws.db });
    expect(files(ws.db)).toEqual(['ours.txt']);
    expect(output()).not.toContain('示例文档');
  });
});
