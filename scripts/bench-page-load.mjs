// The load half of the page bench (issue 7): the frontier chart with thousands of points, and
// the History with a thousand kept runs, driven in headless Chromium; long tasks are counted
// with bench-page.mjs's instrument.
import { statSync } from 'node:fs';
import { walkHistoryList } from './history-walk.mjs';
import { instrument, round1, tasksBetween } from './bench-page.mjs';

/** Load (issue 7, item 3): the frontier chart with `n` points, hovered across and scrolled. */
export async function measureFrontierLoad(browser, base, n = 5_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const mountMs = await page.evaluate((count) => window.mountFrontierLoad(count), n);
  const svg = page.locator('.frontier-load svg').first();
  await svg.waitFor();
  await page.waitForTimeout(500);
  const drawn = await page.evaluate(() => document.querySelectorAll('.frontier-load svg *').length);
  const box = await svg.boundingBox();
  const start = await page.evaluate(() => performance.now());
  const hoverFrames = await page.evaluate(() => window.__bench.frames);
  for (let i = 0; i <= 80; i++) {
    await page.mouse.move(box.x + (box.width * i) / 80, box.y + box.height * (0.2 + (0.6 * (i % 9)) / 9));
    await page.waitForTimeout(16);
  }
  const hoverEnd = await page.evaluate(() => ({ t: performance.now(), frames: window.__bench.frames }));
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  const end = await page.evaluate(() => performance.now());
  const hoverTasks = await tasksBetween(page, start, hoverEnd.t);
  const scrollTasks = await tasksBetween(page, hoverEnd.t, end);
  // Milliseconds per redraw (render + DOM writes): this chart hovered and stepped by keys, and a
  // full Train-view curve chart stepped by keys (src/bench/redraw-timing.tsx).
  const redrawMs = await page.evaluate(() => window.timeChartRedraws());
  await context.close();
  return {
    points: n,
    svgElements: drawn,
    mountMs: round1(mountMs),
    hoverMoves: 81,
    hoverFramesPerSecond: round1((hoverEnd.frames - hoverFrames) / ((hoverEnd.t - start) / 1000)),
    longTasksHover: hoverTasks.length,
    longTasksScroll: scrollTasks.length,
    longTaskMs: [...hoverTasks, ...scrollTasks].map((t) => round1(t.duration)),
    redrawMs,
  };
}

/** Load (issue 7): `n` realistic runs in the History (IndexedDB, written through the History's own
 * adapter from bench.html), then the playground opened on them: long tasks while the History
 * panel opens, while its list is scrolled top to bottom by wheel and by Page Down, and while
 * its rows are hovered. The clock starts once the boot is over (engine ready, a second quiet). */
export async function measureHistoryLoad(browser, base, n = 1_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const seedStart = Date.now();
  await page.evaluate((count) => window.seedHistoryLoad(count), n);
  const seedMs = Date.now() - seedStart;
  const bootStart = Date.now();
  await page.goto(`${base}/#v=1`);
  const button = page.getByRole('button', { name: /^History/ });
  const count = n.toLocaleString('en-US');
  await page.waitForFunction((c) => [...document.querySelectorAll('button')].some((b) => b.textContent?.startsWith('History') && b.textContent.includes(c)), count, { timeout: 60_000, polling: 100 });
  const countShownMs = Date.now() - bootStart;
  await page.waitForFunction(() => window.__playground?.engineStatus?.().then((s) => (s?.backend ?? 'starting') !== 'starting'), null, { timeout: 60_000, polling: 250 });
  await page.waitForFunction(() => performance.now() - Math.max(0, ...window.__bench.longTasks.map((t) => t.start + t.duration)) > 1000, null, { timeout: 30_000, polling: 250 });

  const openStart = await page.evaluate(() => performance.now());
  await button.click();
  const list = page.getByRole('list', { name: 'Kept runs' });
  await list.getByRole('listitem').first().waitFor();
  const openMs = (await page.evaluate(() => performance.now())) - openStart;
  await page.waitForTimeout(500);
  const drawnRows = await list.getByRole('listitem').count();

  const { wheelStart, keysStart, hoverStart, end, wheels, pageDowns: pages } = await walkHistoryList(page, list, n);
  // Export every run, as CSV then JSON: the export worker reads and writes them (src/history/exportInWorker.ts).
  const exportStart = await page.evaluate(() => performance.now());
  const exported = {};
  for (const format of ['CSV', 'JSON']) {
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByRole('button', { name: `Export ${format}` }).click()]);
    exported[format.toLowerCase()] = { ms: Date.now() - started, bytes: statSync(await download.path()).size };
  }
  await page.waitForTimeout(300);
  const exportEnd = await page.evaluate(() => performance.now());
  const [openTasks, wheelTasks, keyTasks, hoverTasks, exportTasks] = await Promise.all([
    tasksBetween(page, openStart, wheelStart),
    tasksBetween(page, wheelStart, keysStart),
    tasksBetween(page, keysStart, hoverStart),
    tasksBetween(page, hoverStart, end),
    tasksBetween(page, exportStart, exportEnd),
  ]);
  await context.close();
  return {
    runs: n,
    seedMs,
    countShownMs,
    openMs: round1(openMs),
    drawnRows,
    wheels,
    pageDowns: pages,
    hoverMoves: 81,
    longTasksOpen: openTasks.length,
    longTasksWheel: wheelTasks.length,
    longTasksKeys: keyTasks.length,
    longTasksHover: hoverTasks.length,
    longTaskMs: [...openTasks, ...wheelTasks, ...keyTasks, ...hoverTasks].map((t) => round1(t.duration)),
    export: { ...exported, longTasks: exportTasks.length, longTaskMs: exportTasks.map((t) => round1(t.duration)) },
  };
}
