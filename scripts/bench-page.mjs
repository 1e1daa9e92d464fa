// The page-level half of `npm run bench`: drives the real playground (index.html of the build)
// in headless Chromium the way a student does, and reads the page's own clocks:
// - first view: JS bytes (gzip) the page loaded before it started the engine worker, and the
//   time until the Train button could be pressed with the main thread quiet;
// - main-thread long tasks (> 50 ms) and frames/s while a model trains;
// - slider -> accuracy latency: key press to the estimate's appearance, and to the full-test-set
//   figure, over 50 moves of the Sparsity slider; long tasks during those moves and a mouse drag.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Installed before any page script runs: long tasks, frames, the worker's start, and the
 * moment the Train button is enabled. Each check is a few microseconds per frame. */
export function instrument() {
  const w = window;
  w.__bench = { longTasks: [], frames: 0, workerStartedAt: null, interactiveAt: null, moves: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const NativeWorker = w.Worker;
  w.Worker = class extends NativeWorker {
    constructor(...args) {
      w.__bench.workerStartedAt ??= performance.now();
      super(...args);
    }
  };
  const frame = () => {
    w.__bench.frames++;
    if (w.__bench.interactiveAt === null) {
      const train = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Train' && !b.disabled);
      if (train) w.__bench.interactiveAt = performance.now();
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
export const round1 = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** First view, `runs` times in a fresh context (cold cache): median time to interactive. */
export async function measureFirstView(browser, base, distDir, runs = 3) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.__bench.interactiveAt !== null, null, { timeout: 30_000, polling: 100 });
    // Let long tasks that started before the button was ready finish and be reported.
    await page.waitForTimeout(500);
    const view = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const before = b.workerStartedAt ?? Infinity;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => /\.m?js(\?|$)/.test(r.name) && r.startTime <= before && !/worker/i.test(r.name))
        .map((r) => new URL(r.name).pathname);
      const quietAfter = b.longTasks.filter((t) => t.start <= b.interactiveAt).reduce((end, t) => Math.max(end, t.start + t.duration), 0);
      return {
        scripts,
        interactiveAt: Math.max(b.interactiveAt, quietAfter),
        buttonEnabledAt: b.interactiveAt,
        workerStartedAt: b.workerStartedAt,
        firstContentfulPaint: fcp,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        longTasks: b.longTasks.length,
      };
    });
    const files = view.scripts.map((path) => {
      const file = join(distDir, decodeURIComponent(path));
      const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
      return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
    samples.push({ ...view, files, jsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), jsBytes: files.reduce((s, f) => s + f.bytes, 0) });
    await context.close();
  }
  const best = samples.toSorted((a, b) => a.interactiveAt - b.interactiveAt)[Math.floor(samples.length / 2)];
  return {
    runs,
    timeToInteractiveMs: round1(median(samples.map((s) => s.interactiveAt))),
    timeToInteractiveRunsMs: samples.map((s) => round1(s.interactiveAt)),
    firstContentfulPaintMs: round1(median(samples.map((s) => s.firstContentfulPaint ?? 0))),
    workerStartedAtMs: round1(best.workerStartedAt),
    jsGzipBytesBeforeWorker: best.jsGzipBytes,
    jsBytesBeforeWorker: best.jsBytes,
    files: best.files,
    longTasksDuringLoad: best.longTasks,
  };
}

/** Trains one epoch from the Compress view's empty state, then moves the Sparsity slider. */
export async function measureTrainingAndSlider(browser, base, moves = 50) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${base}/#view=compress&epochs=1`);
  const trainFirst = page.getByRole('button', { name: 'Train a model first' });
  await trainFirst.waitFor({ timeout: 30_000 });
  const sparsity = page.getByRole('slider', { name: 'Sparsity' });

  // Training: from the click to the first full-test-set figure of the trained model.
  await trainFirst.click({ timeout: 60_000 });
  const trainStart = await page.evaluate(() => ({ t: performance.now(), frames: window.__bench.frames }));
  await page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 300_000, polling: 1000 });
  const trainEnd = await page.evaluate(() => ({ t: performance.now(), frames: window.__bench.frames }));
  const trainingTasks = await tasksBetween(page, trainStart.t, trainEnd.t);
  const backend = await page.evaluate(() => window.__playground?.engineStatus?.().then((s) => s?.backend ?? null) ?? null);
  const training = {
    backend,
    seconds: round1((trainEnd.t - trainStart.t) / 1000),
    longTasks: trainingTasks.length,
    longTaskMs: trainingTasks.map((t) => round1(t.duration)),
    framesPerSecond: round1((trainEnd.frames - trainStart.frames) / ((trainEnd.t - trainStart.t) / 1000)),
  };

  // One move at a time: press, wait for the full figure, next. The observer stamps the moment
  // the headline's data-state turns to the estimate and then to the final figure.
  const handle = await sparsity.elementHandle();
  await handle.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 30_000, polling: 100 });
  await page.evaluate(() => {
    const b = window.__bench;
    const headline = document.querySelector('[data-state]');
    let current = null;
    window.addEventListener('keydown', () => {
      current = { key: performance.now(), estimate: null, final: null };
      b.moves.push(current);
    }, true);
    new MutationObserver(() => {
      if (!current) return;
      const state = headline.getAttribute('data-state');
      const now = performance.now();
      if ((state === 'estimate' || state === 'final') && current.estimate === null) current.estimate = now - current.key;
      if (state === 'final' && current.final === null) {
        current.final = now - current.key;
        b.onFinal?.();
      }
    }).observe(headline, { attributes: true, attributeFilter: ['data-state'] });
  });
  const sliderStart = await page.evaluate(() => performance.now());
  for (let i = 0; i < moves; i++) {
    const finalSeen = page.evaluate(() => new Promise((resolve) => (window.__bench.onFinal = resolve)));
    await page.keyboard.press('ArrowRight');
    await Promise.race([finalSeen, page.waitForTimeout(20_000)]);
  }
  const measured = await page.evaluate(() => window.__bench.moves);
  const keyTasks = await tasksBetween(page, sliderStart, await page.evaluate(() => performance.now()));

  // A mouse drag across the slider, as fast as a hand: 30 steps, then the final figure.
  const box = await handle.boundingBox();
  const dragStart = await page.evaluate(() => performance.now());
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + box.width * (0.1 + (0.8 * i) / 30), box.y + box.height / 2);
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 30_000, polling: 100 });
  const dragTasks = await tasksBetween(page, dragStart, await page.evaluate(() => performance.now()));
  await context.close();

  const estimates = measured.map((m) => m.estimate).filter((x) => x !== null);
  const finals = measured.map((m) => m.final).filter((x) => x !== null);
  return {
    training,
    slider: {
      moves: measured.length,
      answered: finals.length,
      estimateP50Ms: round1(median(estimates)),
      estimateP95Ms: round1(percentile(estimates, 95)),
      estimateMaxMs: round1(Math.max(...estimates)),
      fullTestSetP50Ms: round1(median(finals)),
      fullTestSetP95Ms: round1(percentile(finals, 95)),
      longTasksKeyboard: keyTasks.length,
      longTasksDrag: dragTasks.length,
      longTaskMs: [...keyTasks, ...dragTasks].map((t) => round1(t.duration)),
    },
  };
}

export function tasksBetween(page, from, to) {
  return page.evaluate(([a, b]) => window.__bench.longTasks.filter((t) => t.start >= a && t.start <= b), [from, to]);
}
