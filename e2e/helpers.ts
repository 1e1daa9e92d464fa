import { expect, type Page } from '@playwright/test';

/** Records main-thread long tasks (> 50 ms) from page start, into window.__longTasks. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export async function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((e) => e.start >= t), since);
}

/** Page errors and console errors, from the page and from its workers. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('worker', (worker) => {
    worker.on('console', (m) => {
      if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
    });
  });
  return errors;
}

export function percentOf(text: string | null): number {
  const m = /([\d.]+)\s*%/.exec(text ?? '');
  return m ? Number(m[1]) : Number.NaN;
}

/** tfjs tensors alive in the engine worker (through the page's read-only hook). */
export function workerTensors(page: Page): Promise<number> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __playground: { memory(): Promise<{ numTensors: number }> } }).__playground;
    return hook.memory().then((m) => m.numTensors);
  });
}

/** The History dialog closed and left the page: a closed <dialog> is hidden at once but stays in
 * the DOM until the store re-renders, and its Classroom checkboxes share labels ("Dataset", ...)
 * with the main form. */
export async function expectHistoryClosed(page: Page): Promise<void> {
  await expect(page.locator('dialog.history-drawer')).toHaveCount(0);
}
