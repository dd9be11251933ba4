// `remodel map` in a real browser (Debian's chromium, driven by playwright-core): the --html page renders its routes
// with no network access and no injected markup, and the --mermaid output is valid Mermaid as mermaid's own parser
// and renderer read it (the bundle is loaded from node_modules as a local file).
//
// Without a browser the tests say so and are skipped; in CI (CI set, as .ci/run does) they must run: a missing
// browser fails them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { runCli, tempDir, writeFiles } from './support/helpers.js';
import { DISCOVERED_MODEL, FIXTURE_APP, FIXTURE_ROUTES, MODEL } from './support/map-model.js';
import { renderMermaid } from '../src/map/mermaid.js';
import { renderHtml } from '../src/map/html.js';

// REMODEL_CHROMIUM names another browser binary (and only that one is tried).
const CANDIDATES = process.env.REMODEL_CHROMIUM ? [process.env.REMODEL_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = CANDIDATES.find((p) => fs.existsSync(p));
const inCI = Boolean(process.env.CI);
if (!executablePath) {
  const message = `no Chromium found (${CANDIDATES.join(', ')}); install Debian's package: apt-get install -y chromium`;
  if (inCI) console.error(`map-browser: CI is set, so these tests fail: ${message}`);
  else console.warn(`map-browser: skipping the headless-browser tests: ${message}`);
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const mermaidBundle = path.join(path.dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');

describe.skipIf(!executablePath && !inCI)('remodel map in headless Chromium', () => {
  let context: BrowserContext;
  let app: string;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-map-screens-'));

  beforeAll(async () => {
    app = tempDir('remodel-map-browser-');
    writeFiles(app, FIXTURE_APP);
    if (!executablePath) return; // in CI: each test fails in needBrowser()
    // A fresh profile for every run.
    context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-chromium-profile-')), {
      executablePath,
      headless: true,
      args: FLAGS,
      viewport: { width: 1400, height: 1000 },
    });
  });

  /** In CI a missing browser is a failure of every test here, not a skip. */
  function needBrowser(): void {
    if (!executablePath) throw new Error(`CI is set but no Chromium is installed (${CANDIDATES.join(', ')}): .ci/run installs Debian's chromium`);
  }

  afterAll(async () => {
    await context?.close();
  });

  it('the --html page shows every route (table and flow), loads nothing from the network, runs no injected markup; screenshot', async () => {
    needBrowser();
    const file = path.join(shots, 'map.html');
    const res = runCli(['map', 'src', '--html', file], app);
    expect(res.code, res.stderr).toBe(0);

    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`file://${file}`);

    const dom = await page.evaluate(() => ({
      rows: [...document.querySelectorAll('#route-table tbody tr')].map((tr) => ({
        method: tr.querySelector('td.method')!.textContent,
        path: tr.querySelector('td.path code')!.textContent,
        visible: (tr as HTMLElement).offsetHeight > 0,
      })),
      sections: [...document.querySelectorAll('article.route')].map((a) => ({
        heading: a.querySelector('h3 code.path')!.textContent,
        boxes: a.querySelectorAll('.flow .box').length,
        arrows: a.querySelectorAll('.flow svg.arrow').length,
      })),
      summary: document.getElementById('summary')!.textContent,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      handlerBox: document.querySelector('#route-2 .box.handler .title')?.textContent,
      outs: [...document.querySelectorAll('#route-2 .outs li')].map((li) => li.textContent),
    }));
    expect(dom.rows.map((r) => `${r.method} ${r.path}`)).toEqual(FIXTURE_ROUTES);
    expect(dom.rows.every((r) => r.visible)).toBe(true);
    expect(dom.sections.map((s) => s.heading)).toEqual(FIXTURE_ROUTES.map((r) => r.slice(r.indexOf(' ') + 1)));
    // POST /api/patients/:id/notes: request → auth.requireRole('doctor') → notes.create.
    expect(dom.sections[2]).toEqual({ heading: '/api/patients/:id/notes', boxes: 3, arrows: 2 });
    expect(dom.handlerBox).toBe('notes.create');
    expect(dom.outs).toEqual(expect.arrayContaining(['db.patients.find', 'db.notes.insert', '404 {error}', 'next(err)']));
    expect(dom.summary).toBe('4 routes (express 4), 0 with unresolved parts, 0 sites not followed');
    // The hostile route path is text: no <img> element, no alert, one (our own) script.
    expect(dom.images).toBe(0);
    expect(dom.scripts).toBe(1);
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

    // The filter hides what does not match.
    await page.fill('#filter', 'notes.list');
    const visible = await page.$$eval('#route-table tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).length);
    expect(visible).toBe(1);
    await page.fill('#filter', '');

    const shot = path.join(shots, 'map.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    console.log(`map-browser: screenshot of the --html page: ${shot}`);
    await page.close();
  });

  async function mermaidPage() {
    needBrowser();
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: mermaidBundle });
    await page.evaluate(() => (globalThis as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    return page;
  }

  /** mermaid.parse + mermaid.render in the page: the SVG's text, or the parser's error. */
  async function mermaid(page: Awaited<ReturnType<typeof mermaidPage>>, chart: string): Promise<{ ok: true; type: string; text: string } | { ok: false; error: string }> {
    return page.evaluate(async (text) => {
      const m = (globalThis as any).mermaid;
      try {
        const parsed = await m.parse(text);
        const { svg } = await m.render(`g${Math.random().toString(36).slice(2)}`, text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        return { ok: true as const, type: parsed.diagramType as string, text: holder.textContent ?? '' };
      } catch (err) {
        return { ok: false as const, error: String((err as Error).message ?? err).split('\n').slice(0, 3).join(' ') };
      }
    }, chart);
  }

  it('--mermaid output parses and renders with mermaid (flowchart), hostile labels included', async () => {
    const res = runCli(['map', 'src', '--mermaid'], app);
    expect(res.code, res.stderr).toBe(0);
    const page = await mermaidPage();
    const fromCli = await mermaid(page, res.stdout);
    expect(fromCli).toMatchObject({ ok: true, type: 'flowchart-v2' });
    if (fromCli.ok) {
      expect(fromCli.text).toContain('POST /api/patients/:id/notes');
      expect(fromCli.text).toContain('/x/<img src=x onerror=alert(1)>/"q"');
      expect(fromCli.text).toContain('db.notes.insert');
    }
    const fromModel = await mermaid(page, renderMermaid(MODEL));
    expect(fromModel).toMatchObject({ ok: true, type: 'flowchart-v2' });
    // Nothing from a label became an element: no <img>, and the only script is the mermaid bundle itself.
    expect(await page.evaluate(() => [document.querySelectorAll('img').length, document.querySelectorAll('script').length])).toEqual([0, 1]);
    await page.close();
  });

  it('a route found by static evaluation says so on the page and in the Mermaid chart', async () => {
    needBrowser();
    const page = await context.newPage();
    await page.setContent(renderHtml(DISCOVERED_MODEL, { title: 'src', previews: [] }));
    const row = await page.$eval('#route-table tbody tr', (tr) => (tr as HTMLElement).innerText);
    expect(row).toContain('(found by directory scan)');
    const section = await page.$eval('article.route p.found', (p) => [(p as HTMLElement).innerText, getComputedStyle(p).display]);
    expect(section[0]).toContain('found by directory scan at lib/boot.js:9');
    expect(section[1]).not.toBe('none');
    await page.close();
    const mpage = await mermaidPage();
    const chart = await mermaid(mpage, renderMermaid(DISCOVERED_MODEL));
    expect(chart).toMatchObject({ ok: true, type: 'flowchart-v2' });
    if (chart.ok) expect(chart.text).toContain('(found by directory scan)');
    await mpage.close();
  });

  it('the parser is strict: the same chart with its label escaping undone is rejected', async () => {
    const page = await mermaidPage();
    const broken = renderMermaid(MODEL).replace(/#quot;/g, '"');
    const result = await mermaid(page, broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/Parse error/);
    await page.close();
  });
});
