import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, longTasksSince, observeLongTasks, percentOf } from './helpers';

/** Focuses a control and presses `key` `times` times. The keys go to the page's keyboard, not
 * through the locator, so Playwright does not re-run its role queries in the page per press. */
async function press(page: Page, control: Locator, key: string, times: number): Promise<void> {
  await control.focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

function numberOf(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.]/g, ''));
}

/** Rows of the chart's text alternative: one per measured point. */
const chartPoints = (page: Page) => page.locator('.frontier-chart table tbody tr');

test('compress view: train from the empty state, then prune and quantize by keyboard', async ({ page }) => {
  const errors = collectErrors(page);
  await observeLongTasks(page);
  await page.goto('/#view=compress');
  await expect(page.getByRole('tab', { name: 'Compress' })).toHaveAttribute('aria-selected', 'true');

  // The empty state teaches and offers one button; the default run (2 epochs) is used because
  // 90% + 4 bits without fine-tuning keeps a wider margin above 90% than after one epoch.
  const trainFirst = page.getByRole('button', { name: 'Train a model first' });
  await expect(trainFirst).toBeEnabled({ timeout: 30_000 });
  await trainFirst.click();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();

  const sparsity = page.getByRole('slider', { name: 'Sparsity' });
  const bits = page.getByRole('slider', { name: 'Bit width' });
  const accuracy = page.getByLabel('Test accuracy', { exact: true });
  const size = page.getByLabel('Model size', { exact: true });
  const ratio = page.getByLabel('Compression ratio', { exact: true });
  await expect(sparsity).toBeEnabled({ timeout: 120_000 });
  // The dense model, measured on the full test set (no "~").
  await expect(accuracy).toHaveText(/^\d+\.\d%$/, { timeout: 30_000 });
  await expect(accuracy).toHaveCount(1);
  const sizeBefore = await size.textContent();
  const pointsBefore = await chartPoints(page).count();

  const movesStart = await page.evaluate(() => performance.now());
  await press(page, sparsity, 'Home', 1);
  await press(page, sparsity, 'ArrowRight', 100);
  await expect(sparsity).toHaveAttribute('aria-valuetext', '90.0% of weights pruned');
  await press(page, bits, 'Home', 1);
  await press(page, bits, 'ArrowRight', 3);
  await expect(bits).toHaveAttribute('aria-valuetext', '4 bits');

  // An estimate on 1,000 images first, then the full-test-set figure for the last setting
  // (answers for the settings passed on the way are dropped).
  const headline = page.locator('[data-state]');
  await expect(headline).toHaveAttribute('data-state', 'final', { timeout: 20_000 });
  await expect(page.getByText(/On all 10,000 test images/)).toBeVisible();
  expect(numberOf(await ratio.textContent())).toBeGreaterThan(10);
  await expect(size).not.toHaveText(sizeBefore ?? '');
  await expect(size).toHaveText(/^[\d.,]+ kB$/);
  await expect(accuracy).toHaveText(/^\d+\.\d%$/);
  expect(percentOf(await accuracy.textContent())).toBeGreaterThanOrEqual(90);
  await expect.poll(() => chartPoints(page).count()).toBeGreaterThan(pointsBefore);

  const longTasks = await longTasksSince(page, movesStart);
  expect(longTasks, `long tasks while the sliders moved: ${JSON.stringify(longTasks)}`).toEqual([]);
  const latency = await headline.getAttribute('data-estimate-ms');
  const inWorker = await headline.getAttribute('data-estimate-worker-ms');
  test.info().annotations.push({ type: 'estimate latency (ms)', description: `${latency} after the last key press, ${inWorker} of them in the worker` });

  // Sweep: a progress bar that moves, and Cancel keeps the points measured so far.
  await page.getByRole('button', { name: 'Sweep', exact: true }).click();
  const sweep = page.getByRole('progressbar', { name: 'Sweep progress' });
  await expect.poll(async () => Number(await sweep.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/Cancelled after \d+ of \d+ settings/)).toBeVisible();
  expect(await chartPoints(page).count()).toBeGreaterThanOrEqual(pointsBefore + 2);

  // The tabs are keyboard operable and the URL says which view is open.
  await page.getByRole('tab', { name: 'Compress' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Train' })).toBeFocused();
  expect(new URL(page.url()).hash).not.toContain('view=compress');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  expect(new URL(page.url()).hash).toContain('view=compress');
  await expect(ratio).toHaveText(/×$/);

  expect(errors).toEqual([]);
});
