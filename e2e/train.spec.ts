import { expect, test } from '@playwright/test';
import { collectErrors, expectNoStalls, longTasksSince, observeLongTasks, percentOf } from './helpers';

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
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();

  // While it trains, the test itself only reads the page with cheap selectors: Playwright's
  // role and label queries run on the page's main thread and would show up as long tasks.
  const trainStart = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    () => {
      if (document.querySelector('.progress--error')) return 'error';
      const done = document.querySelector('.progress--done');
      const value = /([\d.]+)%/.exec(document.getElementById('test-accuracy')?.textContent ?? '');
      return done && value ? Number(value[1]) : false;
    },
    null,
    { timeout: 150_000, polling: 1000 },
  );
  const longTasks = await longTasksSince(page, trainStart);
  await expect(page.locator('.progress--error')).toHaveCount(0);
  expect(percentOf(await testAccuracy.textContent())).toBeGreaterThanOrEqual(90);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // The charts really drew lines with several points.
  const curves = page.locator('.curve-chart__series path');
  expect(await curves.count()).toBeGreaterThanOrEqual(2);
  const pointsInLongest = await curves.evaluateAll((paths) => Math.max(...paths.map((p) => (p.getAttribute('d') ?? '').split('L').length)));
  expect(pointsInLongest).toBeGreaterThanOrEqual(5);

  expectNoStalls(longTasks, 'training one epoch');
  expect(errors).toEqual([]);

  await page.screenshot({ path: 'test-results/trained.png' });
});
