/** npm run refresh as HR runs it: a child process, its exit codes, its files, and what a kill leaves behind. */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { loadRoles, openIndex } from '../../src/store/db.js';
import { docx, jobText, workspace, type Workspace } from './fixtures.js';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'refresh.ts');
const tsx = (script: string, args: string[]) => [process.execPath, ['--import', 'tsx', script, ...args]] as const;

let ws: Workspace;
afterEach(() => ws?.cleanup());

function refresh(...extra: string[]) {
  const [cmd, args] = tsx(SCRIPT, ['--data', ws.docs, '--db', ws.db, ...extra]);
  const r = spawnSync(cmd, args, { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function titles(): string[] {
  const db = openIndex(ws.db);
  try {
    return loadRoles(db).map((r) => r.title);
  } finally {
    db.close();
  }
}

const snapshot = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => `${f}:${statSync(path.join(dir, f)).mtimeMs}`);

/** Runs a child and SIGKILLs it as soon as its output matches `when`; resolves with how it ended. */
function killWhen(cmd: string, args: readonly string[], stream: 'stdout' | 'stderr', when: RegExp): Promise<{ signal: NodeJS.Signals | null; code: number | null; seen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    child[stream].setEncoding('utf8').on('data', (s: string) => {
      seen += s;
      if (when.test(seen)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, seen }));
  });
}

describe('npm run refresh (child process)', () => {
  it('exit codes 0 / 1 / 2, the report next to the index, log lines when not on a terminal, --check writes nothing', () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    const ok = refresh();
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('[1/1] a.txt: 1 role(s), new');
    expect(ok.stdout).toContain('索引已更新：');
    expect(ok.stdout).not.toMatch(/\*\*|\\/); // plain text on the terminal, no markdown
    expect(readFileSync(`${ws.db}.report.md`, 'utf8')).toContain('| a.txt | 已读取（新文档） | 1: 客服主管 |');
    expect(readFileSync(`${ws.db}.report.html`, 'utf8')).toContain('<!doctype html>');
    expect(JSON.parse(readFileSync(`${ws.db}.report.json`, 'utf8'))).toMatchObject({ written: true, exitCode: 0, roleCount: 1, diff: { added: [{ title: '客服主管' }] } });

    ws.write('b.txt', jobText('保洁员', ['负责公共区域清洁']));
    ws.write('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const before = snapshot(path.dirname(ws.db));
    const check = refresh('--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('仅检查（--check）');
    expect(check.stdout).toContain('• 保洁员（b.txt 第 1 行）');
    const en = refresh('--check', '--lang', 'en');
    expect(en.stdout).toContain('• 保洁员 (b.txt line 1)');
    expect(snapshot(path.dirname(ws.db))).toEqual(before);

    const skipped = refresh();
    expect(skipped.code).toBe(1);
    expect(skipped.stdout).toContain('• old.doc — 跳过：truncated file');
    expect(titles().sort()).toEqual(['保洁员', '客服主管']);

    for (const f of ['a.txt', 'b.txt']) ws.remove(f);
    const after = readFileSync(ws.db);
    const none = refresh();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('索引未更新');
    expect(readFileSync(ws.db).equals(after)).toBe(true);
    expect(readFileSync(`${ws.db}.report.failed.md`, 'utf8')).toContain('索引没有更新，以下变更都没有生效。');

    expect(refresh('--data', path.join(ws.root, 'missing')).code).toBe(2);
  });

  it('a refresh killed while reading documents leaves the previous index byte-identical and serving', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    expect(refresh().code).toBe(0);
    const before = readFileSync(ws.db);
    // Enough documents (~6 ms each to unpack) that the run is still reading when the kill lands.
    const body = docx(Array.from({ length: 200 }, (_, i) => `${i + 1}、负责第${i + 1}项工作`));
    for (let i = 0; i < 400; i++) ws.write(`bulk/${String(i).padStart(3, '0')}.docx`, body);
    const [cmd, args] = tsx(SCRIPT, ['--data', ws.docs, '--db', ws.db]);
    const run = await killWhen(cmd, args, 'stderr', /\[2\/401\]/);
    expect(run.signal).toBe('SIGKILL');
    expect(run.seen).not.toContain('writing the new index');
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    expect(titles()).toEqual(['客服主管']);
    // The killed run's lock is stale: the next refresh takes it over.
    expect(readdirSync(path.dirname(ws.db))).toContain('rolebot.db-refresh.lock');
    for (let i = 0; i < 400; i++) ws.remove(`bulk/${String(i).padStart(3, '0')}.docx`);
    ws.write('b.txt', jobText('保洁员', ['负责公共区域清洁']));
    expect(refresh().code).toBe(0);
    expect(titles().sort()).toEqual(['保洁员', '客服主管']);
    expect(readdirSync(path.dirname(ws.db))).not.toContain('rolebot.db-refresh.lock');
  });

  it('refuses to run while another refresh of the same index holds the lock (exit 2)', () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    expect(refresh().code).toBe(0);
    writeFileSync(`${ws.db}-refresh.lock`, String(process.pid)); // this test process: alive
    const r = refresh();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`another refresh of this index is running (pid ${process.pid})`);
    expect(refresh('--check').code).toBe(0);
  });

  it('a writer killed after building the new index but before the rename leaves the old one; the next refresh clears its temp file', async () => {
    ws = workspace();
    ws.write('a.txt', jobText('客服主管', ['处理业主投诉']));
    expect(refresh().code).toBe(0);
    const before = readFileSync(ws.db);
    ws.write('b.txt', jobText('保洁员', ['负责公共区域清洁']));
    const [cmd, args] = tsx(path.join(PROJECT_ROOT, 'test', 'refresh', 'slow-writer.ts'), [ws.docs, ws.db]);
    const run = await killWhen(cmd, args, 'stdout', /validating/);
    expect(run.signal).toBe('SIGKILL');
    const dir = path.dirname(ws.db);
    expect(readdirSync(dir).some((f) => f.startsWith('rolebot.db.tmp-'))).toBe(true);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    expect(titles()).toEqual(['客服主管']);

    expect(refresh().code).toBe(0);
    expect(titles().sort()).toEqual(['保洁员', '客服主管']);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
