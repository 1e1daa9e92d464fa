// `npm run soak` (playwright.soak.config.ts): the fault tests too slow for `npm test`.
// - 20 train / compress / evaluate cycles of the real LeNet-300-100 on MNIST: the worker's
//   tensors come back to the same count, and neither the page's nor the worker's JS heap grows
//   without bound (measured after gc(), which the soak's browser exposes);
// - 30 cancels at seeded random moments of training, sweeps and fine-tuning: the page recovers
//   every time and no work keeps running in the worker afterwards.
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, workerTensors } from './helpers';
import { engineStatus, runStatus, seeded, unexpected } from './fault-helpers';

const MB = 1024 * 1024;

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const finalFigure = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 60_000, polling: 200 });

test('20 train / compress / evaluate cycles on MNIST: tensors at baseline, heaps bounded', async ({ page }) => {
  const errors = collectErrors(page);
  // Batch 512 keeps an epoch of 55,000 images to a few seconds.
  await page.goto('/#epochs=1&batch=512');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const readings: { cycle: number; tensors: number; pageMB: number; workerMB: number | null }[] = [];

  for (let cycle = 1; cycle <= 20; cycle++) {
    await page.getByRole('tab', { name: 'Train' }).click();
    await train.click();
    await expect(page.getByText(/^Done: /)).toBeVisible({ timeout: 180_000 });
    await page.getByRole('tab', { name: 'Compress' }).click();
    const sparsity = page.getByRole('slider', { name: 'Sparsity' });
    await expect(sparsity).toBeEnabled({ timeout: 60_000 });
    await finalFigure(page);
    await sparsity.focus();
    for (const key of ['PageUp', 'PageUp', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await finalFigure(page);
    }
    const status = await engineStatus(page);
    readings.push({
      cycle,
      tensors: await workerTensors(page),
      pageMB: (await pageHeap(page)) / MB,
      workerMB: status?.heapBytes ? status.heapBytes / MB : null,
    });
  }
  test.info().annotations.push({ type: 'readings', description: JSON.stringify(readings.map((r) => ({ ...r, pageMB: +r.pageMB.toFixed(1), workerMB: r.workerMB && +r.workerMB.toFixed(1) }))) });

  // Every cycle holds one trained model and its lab copy: the same tensors each time.
  expect(new Set(readings.map((r) => r.tensors)).size).toBe(1);
  // Bounded heaps: the last five cycles hold no more than the first five plus a margin for the
  // History's small per-run records (curves, settings), far below a model's megabytes per cycle.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const early = readings.slice(1, 6);
  const late = readings.slice(-5);
  expect(mean(late.map((r) => r.pageMB))).toBeLessThan(mean(early.map((r) => r.pageMB)) + 8);
  if (late.every((r) => r.workerMB !== null)) {
    expect(mean(late.map((r) => r.workerMB!))).toBeLessThan(mean(early.map((r) => r.workerMB!)) + 16);
  }
  expect(unexpected(errors)).toEqual([]);
});

test('30 cancels at seeded random moments of training, sweeps and fine-tuning: the page recovers every time', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#epochs=1&batch=512');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const random = seeded(2026);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  const points = () => page.locator('.frontier-chart table tbody tr').count();

  async function trainedModel(): Promise<void> {
    await page.getByRole('tab', { name: 'Train' }).click();
    await train.click();
    await expect(page.getByText(/^Done: /)).toBeVisible({ timeout: 180_000 });
    await page.getByRole('tab', { name: 'Compress' }).click();
    await expect(page.getByRole('slider', { name: 'Sparsity' })).toBeEnabled({ timeout: 60_000 });
    await finalFigure(page);
  }

  for (let i = 0; i < 30; i++) {
    const kind = (['train', 'sweep', 'fine-tune'] as const)[i % 3];
    const wait = Math.round(random() * 3_000);
    if (kind === 'train') {
      await page.getByRole('tab', { name: 'Train' }).click();
      await train.click();
      await page.waitForTimeout(wait);
      await reset.click();
      await expect(runStatus(page)).toContainText('Reset: the model was dropped.', { timeout: 15_000 });
      await expect.poll(async () => (await engineStatus(page))?.runState, { timeout: 10_000 }).toBe('idle');
      await expect(train).toBeEnabled();
      continue;
    }
    await trainedModel();
    if (kind === 'sweep') {
      await page.getByRole('button', { name: 'Sweep', exact: true }).click();
      await page.waitForTimeout(wait);
      const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
      if (await cancel.isVisible()) await cancel.click();
      await expect(page.getByRole('button', { name: 'Sweep', exact: true })).toBeEnabled({ timeout: 30_000 });
      // Nothing keeps measuring: the chart stops growing once the point in flight has landed.
      await page.waitForTimeout(1_500);
      const settled = await points();
      await page.waitForTimeout(1_500);
      expect(await points()).toBe(settled);
    } else {
      await page.getByLabel('Fine-tune epochs').fill('1');
      await page.getByRole('button', { name: 'Fine-tune', exact: true }).click();
      await page.waitForTimeout(wait);
      const cancel = page.getByRole('button', { name: 'Cancel fine-tuning' });
      if (await cancel.isVisible()) await cancel.click();
      await expect(page.getByRole('button', { name: 'Fine-tune', exact: true })).toBeEnabled({ timeout: 30_000 });
    }
    // The page still answers a slider move with a full-test-set figure.
    await page.getByRole('slider', { name: 'Sparsity' }).focus();
    await page.keyboard.press('PageUp');
    await finalFigure(page);
    const status = await engineStatus(page);
    expect(status?.runState === 'running' || status?.runState === 'loading-data').toBe(false);
  }
  expect(unexpected(errors)).toEqual([]);
});
