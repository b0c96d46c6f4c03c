import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnswerer } from '../../src/answer/engine.js';
import { renderMarkdown } from '../../src/refresh/report.js';
import { runRefresh } from '../../src/refresh/run.js';
import { toAskJson } from '../../src/render/json.js';
import { checkGlossary, Glossary, loadGlossary } from '../../src/words/glossary.js';
import { jobText, workspace, type Workspace } from '../refresh/fixtures.js';

let ws: Workspace;
afterEach(() => ws?.cleanup());

function glossaryFile(text: string): string {
  const file = path.join(ws.root, 'glossary.yml');
  writeFileSync(file, text);
  return file;
}

describe('glossary file', () => {
  it('reads the structured form and the flat one (terms only)', () => {
    ws = workspace();
    const g = loadGlossary(glossaryFile('roles:\n  安全主管: [保安队长, security supervisor]\nterms:\n  保安: [门卫]\n'));
    if (g instanceof Error) throw g;
    expect(g.alternatives('保安队长')).toEqual(['安全主管']);
    expect(g.alternatives('Security Supervisor')).toEqual(['安全主管']);
    expect(g.alternatives('保安')).toEqual(['门卫']);
    expect(g.alternatives('门卫')).toEqual(['保安']);
    const flat = loadGlossary(glossaryFile('保安: [门卫, security guard]\n'));
    if (flat instanceof Error) throw flat;
    expect(flat.alternatives('security guard')).toEqual(['保安', '门卫']);
  });

  it('names the problem in a bad file; a missing or empty one is no glossary', () => {
    ws = workspace();
    expect((loadGlossary(glossaryFile('roles: [a, b]\n')) as Error).message).toMatch(/glossary\.yml/);
    expect((loadGlossary(glossaryFile('保安: [门卫, [x]]\n')) as Error).message).toMatch(/保安/);
    expect((loadGlossary(glossaryFile('保安: [门卫\n')) as Error).message).toMatch(/not valid YAML/);
    expect(loadGlossary(path.join(ws.root, 'none.yml'))).toBeInstanceOf(Glossary);
    expect((loadGlossary(glossaryFile('')) as Glossary).size).toBe(0);
  });
});

describe('glossary with the index', () => {
  it('is checked, stored and used by a refresh; an invalid one keeps the previous index', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('安全主管', ['负责园区巡逻和门岗管理']) + '\n' + jobText('客服专员', ['受理业主投诉']));
    const file = glossaryFile('roles:\n  安全主管: [保安队长]\n  不存在的岗位: [x]\nterms:\n  客诉: [投诉]\n  火星: [mars]\n');
    const r = await runRefresh({ dataDir: ws.docs, dbPath: ws.db, glossaryPath: file });
    expect(r.written).toBe(true);
    expect(r.glossary?.issues).toEqual([
      { kind: 'unknownRole', head: '不存在的岗位' },
      { kind: 'noMatch', head: '火星' },
    ]);
    expect(renderMarkdown(r)).toMatch(/不存在的岗位.*no role title/);
    const a = openAnswerer(ws.db);
    try {
      const card = a.ask('保安队长');
      expect(toAskJson(card)).toMatchObject({ results: [{ title: '安全主管' }], understood: '保安队长 → 安全主管 (公司词汇表)' });
      expect(toAskJson(a.ask('谁负责客诉')).results[0]?.title).toBe('客服专员');
    } finally {
      a.close();
    }

    writeFileSync(file, 'roles: nonsense\n');
    const bad = await runRefresh({ dataDir: ws.docs, dbPath: ws.db, glossaryPath: file });
    expect(bad).toMatchObject({ written: false, exitCode: 2 });
    expect(bad.notWritten).toMatch(/glossary is invalid/);
    const still = openAnswerer(ws.db);
    try {
      expect(toAskJson(still.ask('保安队长')).results[0]?.title).toBe('安全主管');
    } finally {
      still.close();
    }
  });

  it('reports nothing for entries that match', () => {
    const g = new Glossary({ roles: { 客服专员: ['客服'] }, terms: { 投诉: ['客诉'] } });
    const roles = [{ id: 'x', title: '客服专员', aliases: [], department: null, reportsTo: null, directReports: [], duties: ['受理投诉'], requirements: [], source: { file: 'a.txt', startLine: 1, endLine: 2 } }];
    expect(checkGlossary('g.yml', g, roles).issues).toEqual([]);
  });
});
