import { expect, test, type Page } from '@playwright/test';
import { collectErrors, workerTensors } from './helpers';

const canvas = (page: Page) => page.locator('canvas.decision-boundary__canvas');
const hashOf = (page: Page) => canvas(page).getAttribute('data-grid-hash');
/** The canvas pixels themselves, so the test sees what the student sees, not only our fingerprint. */
const pixelsOf = (page: Page) => canvas(page).evaluate((c: HTMLCanvasElement) => c.toDataURL());

test('2-D view: the boundary forms while training and moves with the Sparsity slider', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  await page.getByLabel('Dataset').selectOption('circle');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('mlp_2d');
  await expect(page.getByText(/Press Train: the boundary/)).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Live: the picture is redrawn as the model trains (several different grids on the way).
  await page.evaluate(() => {
    const w = window as unknown as { __hashes: Set<string> };
    w.__hashes = new Set();
    const timer = setInterval(() => {
      const hash = document.querySelector('canvas.decision-boundary__canvas')?.getAttribute('data-grid-hash');
      if (hash) w.__hashes.add(hash);
      if (w.__hashes.size >= 3) clearInterval(timer);
    }, 50);
  });
  await page.waitForFunction(() => (window as unknown as { __hashes: Set<string> }).__hashes.size >= 3, null, { timeout: 60_000, polling: 200 });
  const trained = page.getByRole('img', { name: /Decision boundary of the trained model/ });
  await expect(trained).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('img', { name: /^96 weights, one link each/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/boundary-train.png', fullPage: true });

  await page.getByRole('tab', { name: 'Compress' }).click();
  const sparsity = page.getByRole('slider', { name: 'Sparsity' });
  await expect(sparsity).toBeEnabled({ timeout: 60_000 });
  const dense = page.getByRole('img', { name: /Boundary of the compressed model \(0\.0% pruned, 32 bits \(off: float32\)\): 100% of the grid agrees with the dense model/ });
  await expect(dense).toBeVisible({ timeout: 30_000 });
  const denseHash = await hashOf(page);
  const densePixels = await pixelsOf(page);
  const tensorsAtDense = await workerTensors(page);
  const graph = page.locator('.network-graph__frame');
  expect(Number(await graph.getAttribute('data-links'))).toBe(96);

  // 100 positions of the slider = 90% pruned: the boundary changes and 90% of the links vanish.
  await sparsity.focus();
  for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowRight');
  await expect(sparsity).toHaveAttribute('aria-valuetext', '90.0% of weights pruned');
  await expect(page.getByRole('img', { name: /Boundary of the compressed model \(90\.0% pruned/ })).toBeVisible({ timeout: 15_000 });
  expect(await hashOf(page)).not.toBe(denseHash);
  expect(await pixelsOf(page)).not.toBe(densePixels);
  expect(Number(await graph.getAttribute('data-links'))).toBeLessThanOrEqual(10);
  const agreement = Number(/(\d+)% of the grid agrees/.exec((await canvas(page).getAttribute('aria-label')) ?? '')?.[1]);
  expect(agreement).toBeLessThan(100);
  test.info().annotations.push({ type: 'grid agreement at 90% sparsity', description: `${agreement}%` });
  await page.screenshot({ path: 'test-results/boundary-compress.png', fullPage: true });

  // Back to dense: the same picture as before, so the drawing is a function of the settings.
  await page.keyboard.press('Home');
  await expect(dense).toBeVisible({ timeout: 15_000 });
  expect(await hashOf(page)).toBe(denseHash);
  // Every grid's tensors were disposed in the worker.
  await expect.poll(() => workerTensors(page)).toBe(tensorsAtDense);
  expect(errors).toEqual([]);
});
