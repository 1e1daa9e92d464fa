// The lottery half of `npm run bench`'s long-task goals: a short lottery run (the e2e test's
// settings: 2 rounds of 50%, one epoch of 1,200 images a round, three variants) streams rounds,
// progress and charts to the page; the main thread must stay free (no task over 50 ms) while it
// runs. Strict here, on a quiet machine; the e2e test only catches gross stalls (e2e/helpers.ts).
import { instrument, round1 } from './bench-page.mjs';

const TINY = '#v=1&view=lottery&rounds=2&prune_rate=0.5&prune_rate_out=0.25&round_epochs=1&subset=1200&variants=rewind_init,random_reinit,random_prune';

export async function measureLotteryRun(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${base}/${TINY}`);
  await page.waitForFunction(() => window.__playground?.engineStatus?.().then((s) => (s?.backend ?? 'starting') !== 'starting'), null, { timeout: 60_000, polling: 250 });
  await page.waitForFunction(() => performance.now() - Math.max(0, ...window.__bench.longTasks.map((t) => t.start + t.duration)) > 1000, null, { timeout: 30_000, polling: 250 });
  // Clicked from inside the page, and read with cheap selectors: Playwright's role queries run on
  // the page's main thread and would count as the page's own long tasks.
  const start = await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Find lottery ticket');
    button?.click();
    return performance.now();
  });
  await page.waitForFunction(() => /finished/.test(document.querySelector('.lottery-progress .progress__right')?.textContent ?? ''), null, { timeout: 300_000, polling: 500 });
  const end = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(([a, b]) => window.__bench.longTasks.filter((t) => t.start >= a && t.start <= b), [start, end]);
  await context.close();
  return { seconds: round1((end - start) / 1000), longTasks: tasks.length, longTaskMs: tasks.map((t) => round1(t.duration)) };
}
