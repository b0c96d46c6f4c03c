import { renameSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runRefresh } from '../../src/refresh/run.js';
import { loadRoles, openIndex } from '../../src/store/db.js';
import { createLiveIndex, type LiveIndex } from '../../src/store/live.js';
import { jobText, workspace, type Workspace } from './fixtures.js';

/** A minimal reader over an open index: what a request needs, plus close(). */
function openTitles(p: string) {
  const db = openIndex(p);
  return { titles: () => loadRoles(db).map((r) => r.title).sort(), close: () => db.close(), isOpen: () => db.open };
}
type Titles = ReturnType<typeof openTitles>;

let ws: Workspace;
let live: LiveIndex<Titles> | null = null;
afterEach(() => {
  live?.close();
  live = null;
  ws?.cleanup();
});

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function indexed(...docs: Array<[string, string]>): Promise<void> {
  for (const [f, t] of docs) ws.write(f, t);
  const r = await runRefresh({ dataDir: ws.docs, dbPath: ws.db });
  expect(r.written).toBe(true);
}

describe('createLiveIndex', () => {
  it('notices a refresh through the directory watch and answers from the new index', async () => {
    ws = workspace();
    await indexed(['a.txt', jobText('客服主管', ['处理业主投诉'])]);
    const switches: number[] = [];
    live = createLiveIndex(ws.db, openTitles, { pollMs: 0, onSwitch: (i) => switches.push(i.generation) });
    expect(live.current().titles()).toEqual(['客服主管']);
    await indexed(['b.txt', jobText('保洁员', ['负责公共区域清洁'])]);
    await until(() => live!.generation() === 2);
    expect(live.current().titles()).toEqual(['保洁员', '客服主管']);
    expect(switches).toEqual([2]);
  });

  it('polling alone and SIGHUP alone also switch', async () => {
    ws = workspace();
    await indexed(['a.txt', jobText('客服主管', ['处理业主投诉'])]);
    live = createLiveIndex(ws.db, openTitles, { watch: false, pollMs: 20 });
    await indexed(['b.txt', jobText('保洁员', ['负责公共区域清洁'])]);
    await until(() => live!.generation() === 2);
    live.close();

    live = createLiveIndex(ws.db, openTitles, { watch: false, pollMs: 0, sighup: true });
    await indexed(['c.txt', jobText('保安员', ['负责门岗值守'])]);
    await new Promise((r) => setTimeout(r, 100));
    expect(live.generation()).toBe(1);
    process.kill(process.pid, 'SIGHUP');
    await until(() => live!.generation() === 2);
    expect(live.current().titles()).toEqual(['保安员', '保洁员', '客服主管']);
  });

  it('a request in flight keeps its index open across the switch; the old one closes when it ends', async () => {
    ws = workspace();
    await indexed(['a.txt', jobText('客服主管', ['处理业主投诉'])]);
    live = createLiveIndex(ws.db, openTitles, { watch: false, pollMs: 0, graceMs: 0 });
    let old: Titles | null = null;
    let release!: () => void;
    const inFlight = live.use(async (h) => {
      old = h;
      await new Promise<void>((r) => (release = r));
      return h.titles(); // after the swap: must still work
    });
    await indexed(['b.txt', jobText('保洁员', ['负责公共区域清洁'])]);
    expect(live.reload()).toBe(true);
    expect(live.current()).not.toBe(old);
    await new Promise((r) => setTimeout(r, 30)); // the grace period is over; only the request holds it
    expect(old!.isOpen()).toBe(true);
    release();
    expect(await inFlight).toEqual(['客服主管']);
    expect(old!.isOpen()).toBe(false);
    expect(live.current().titles()).toEqual(['保洁员', '客服主管']);
  });

  it('a handle fetched with current() stays open for the grace period after a switch', async () => {
    ws = workspace();
    await indexed(['a.txt', jobText('客服主管', ['处理业主投诉'])]);
    live = createLiveIndex(ws.db, openTitles, { watch: false, pollMs: 0, graceMs: 150 });
    const held = live.current();
    await indexed(['b.txt', jobText('保洁员', ['负责公共区域清洁'])]);
    expect(live.reload()).toBe(true);
    expect(held.titles()).toEqual(['客服主管']);
    await until(() => !held.isOpen());
  });

  it('a file that cannot be opened is reported and the current index keeps serving', async () => {
    ws = workspace();
    await indexed(['a.txt', jobText('客服主管', ['处理业主投诉'])]);
    const errors: string[] = [];
    live = createLiveIndex(ws.db, openTitles, { watch: false, pollMs: 0, onError: (e) => errors.push(e.message) });
    writeFileSync(`${ws.db}.junk`, 'not an index');
    renameSync(`${ws.db}.junk`, ws.db);
    expect(live.reload()).toBe(false);
    expect(live.reload()).toBe(false); // tried again, reported once
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/still serving the previous one/);
    expect(live.current().titles()).toEqual(['客服主管']);
    await indexed(['b.txt', jobText('保洁员', ['负责公共区域清洁'])]);
    expect(live.reload()).toBe(true);
    expect(live.current().titles()).toEqual(['保洁员', '客服主管']);
  });
});
