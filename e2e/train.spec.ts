import { expect, test } from '@playwright/test';
import { collectErrors, longTasksSince, observeLongTasks, percentOf } from './helpers';

test('trains LeNet-300-100 on MNIST in a worker while the page stays responsive', async ({ page }) => {
  const errors = collectErrors(page);
  await observeLongTasks(page);
  await page.goto('/');

  const backend = page.getByLabel('Backend', { exact: true });
  await expect(backend).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });

  await expect(page.getByLabel('Dataset')).toHaveValue('mnist');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('lenet_300_100');
  await page.getByLabel('Epochs', { exact: true }).fill('1');

  const testAccuracy = page.getByLabel('Test accuracy', { exact: true });
  const trainStart = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await expect.poll(async () => percentOf(await testAccuracy.textContent()), { timeout: 150_000, intervals: [1000] }).toBeGreaterThanOrEqual(90);
  // Finished: the Train button is available again.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 150_000 });

  // The charts really drew lines with several points.
  const curves = page.locator('.curve-chart__series path');
  expect(await curves.count()).toBeGreaterThanOrEqual(2);
  const pointsInLongest = await curves.evaluateAll((paths) => Math.max(...paths.map((p) => (p.getAttribute('d') ?? '').split('L').length)));
  expect(pointsInLongest).toBeGreaterThanOrEqual(5);

  const longTasks = await longTasksSince(page, trainStart);
  expect(longTasks, `long tasks during training: ${JSON.stringify(longTasks)}`).toEqual([]);
  expect(errors).toEqual([]);

  await page.screenshot({ path: 'test-results/trained.png' });
});
