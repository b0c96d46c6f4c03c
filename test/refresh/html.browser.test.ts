/**
 * The HTML report in a real headless browser (Debian's chromium-headless-shell or chromium, driven by
 * playwright-core): it loads with no console error and no request, lists every role of a 2,000-role index,
 * the search filters, and the org charts render with the problem nodes marked. A screenshot is written to
 * test/artifacts/ for people to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCorpus } from '../../src/bench/report-corpus.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { renderHtml } from '../../src/refresh/html.js';
import { workspace, type Workspace } from './fixtures.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const BROWSER = CANDIDATES.find((p): p is string => !!p && existsSync(p));
const ARTIFACTS = path.join(PROJECT_ROOT, 'test', 'artifacts');

if (!BROWSER) {
  console.warn(`SKIPPED: HTML report browser test: no chromium binary (looked for ${CANDIDATES.filter(Boolean).join(', ')}); install it with apt-get install chromium-headless-shell fonts-noto-cjk`);
}

describe.skipIf(!BROWSER)('HTML report in headless chromium', () => {
  let browser: Browser;
  let ws: Workspace;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];
  const result = reportCorpus(2000);

  beforeAll(async () => {
    ws = workspace();
    const file = path.join(ws.root, 'rolebot.db.report.html');
    writeFileSync(file, renderHtml(result));
    browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(file).href;
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    ws?.cleanup();
  });

  it('loads with no console error and no network request', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows every role of a 2,000-role index, grouped by document', async () => {
    expect(result.roles.length).toBeGreaterThanOrEqual(2000);
    const visible = await page.evaluate(() => [...document.querySelectorAll('tr.role')].filter((r) => (r as HTMLElement).offsetParent !== null).length);
    expect(visible).toBe(result.roles.length);
    expect(await page.locator('.doc').count()).toBe(new Set(result.roles.map((r) => r.source.file)).size);
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${result.roles.length} / ${result.roles.length} 个岗位`);
  });

  it('draws the reporting structure with the problem nodes marked', async () => {
    const counts = await page.evaluate(() => ({
      nodes: document.querySelectorAll('svg.org .node').length,
      links: document.querySelectorAll('svg.org .link').length,
      back: document.querySelectorAll('svg.org .back').length,
      cycle: document.querySelectorAll('svg.org .node.cycle').length,
      self: document.querySelectorAll('svg.org .node.self').length,
      unknown: document.querySelectorAll('svg.org .node.unknown.phantom').length,
      drawn: [...document.querySelectorAll('details[open] svg.org')].every((s) => (s as SVGSVGElement).getBBox().width > 0),
    }));
    expect(counts.nodes).toBeGreaterThanOrEqual(result.roles.length);
    expect(counts.links).toBeGreaterThan(result.roles.length / 2);
    const planted = result.warnings.filter((w) => w.kind === 'cycle').length;
    expect(planted).toBeGreaterThan(0);
    expect(counts.cycle).toBeGreaterThanOrEqual(planted * 2);
    expect(counts.back).toBeGreaterThanOrEqual(planted); // each cycle closed by a dashed link back
    expect(counts.self).toBe(result.warnings.filter((w) => w.kind === 'selfReport').length);
    expect(counts.unknown).toBeGreaterThan(0);
    expect(counts.drawn).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-top.png') });
    const problem = page.locator('details.chart', { has: page.locator('.node.cycle') }).first();
    await problem.scrollIntoViewIfNeeded();
    await problem.screenshot({ path: path.join(ARTIFACTS, 'report-org-problems.png') });
  });

  it('the search box filters the roles and highlights them in the charts', async () => {
    const target = result.roles[777];
    await page.fill('#q', target.title);
    await page.waitForFunction((t) => document.querySelectorAll('tr.role:not(.hidden)').length < t, result.roles.length);
    const shown = await page.evaluate(() => [...document.querySelectorAll('tr.role:not(.hidden) td:first-child')].map((td) => td.textContent));
    expect(shown).toContain(target.title);
    expect(shown.length).toBeLessThan(10);
    expect(await page.locator('.doc:not(.hidden)').count()).toBe(1);
    expect(await page.locator('svg.org .node.hit').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('details.chart:not(.hidden)').count()).toBeLessThan(await page.locator('details.chart').count());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-search.png') });
    await page.fill('#q', '');
    await page.waitForFunction((t) => document.querySelectorAll('tr.role:not(.hidden)').length === t, result.roles.length);
  });

  it('a chart node links to its role\'s row', async () => {
    const target = result.roles[123];
    await page.locator(`svg.org a[href="#r-${target.id}"]`).first().click();
    await page.waitForFunction((id) => location.hash === `#r-${id}`, target.id);
    expect(await page.locator('tr.role:target td').first().textContent()).toBe(target.title);
    expect(errors).toEqual([]);
  });

  it('a 100-role index: every chart open and drawn', async () => {
    const small = reportCorpus(100, 3);
    const file = path.join(ws.root, 'small.report.html');
    writeFileSync(file, renderHtml(small, 'en'));
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await p.goto(pathToFileURL(file).href);
      const charts = await p.evaluate(() => [...document.querySelectorAll('details.chart')].map((d) => (d as HTMLDetailsElement).open && (d.querySelector('svg.org') as SVGSVGElement).getBBox().height > 0));
      expect(charts.length).toBeGreaterThan(0);
      expect(charts.every(Boolean)).toBe(true);
      expect(await p.locator('tr.role').count()).toBe(small.roles.length);
      await p.evaluate(() => document.getElementById('org')!.scrollIntoView());
      await p.screenshot({ path: path.join(ARTIFACTS, 'report-100-roles-org.png') });
    } finally {
      await p.close();
    }
  });
});
