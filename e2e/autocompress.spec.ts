// Auto-compress in the Compress view (issue 18): a small MNIST model, a tiny time budget. The
// candidates appear on the chart as the search finds them, Cancel stops it and leaves the model
// as it was, and a finished search's result becomes the current model (card, link, Look inside).
// SHOTS=<dir> also saves the page at 1280 and 375 px wide.
import { expect, test, type Download, type Page } from '@playwright/test';
import { compileAndRunC } from './cProgram';
import { collectErrors, percentOf } from './helpers';

const group = (page: Page) => page.getByRole('group', { name: 'Auto-compress' });
const pathCount = async (page: Page) => Number((await page.getByTestId('auto-compress-path').getAttribute('data-count')) ?? 0);

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS;
  if (!dir) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // Phone width: the Auto-compress bar and the chart under it, not the whole long page.
    // (less the phone layout's sticky result card at the top).
    if (width < 600) await group(page).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 230));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${dir}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('auto-compress: candidates stream onto the chart, Cancel works, the result becomes the model', async ({ page, browser }) => {
  const errors = collectErrors(page);
  await page.goto('/#view=compress&epochs=1&hidden=64-32&seed=3');
  await page.getByRole('button', { name: 'Train a model first' }).click();
  const accuracy = page.getByLabel('Test accuracy', { exact: true });
  await expect(accuracy).toHaveText(/^\d+\.\d%$/, { timeout: 90_000 });
  const before = await accuracy.textContent();

  const auto = group(page);
  await expect(auto.getByLabel('Accuracy budget')).toHaveValue('0.3');
  await auto.getByLabel('Accuracy budget').fill('1');
  await auto.getByLabel('Time budget (s)').fill('10');

  // A first search, cancelled once candidates are on the chart: the model stays as it was.
  await auto.getByRole('button', { name: 'Auto-compress', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Auto-compress progress' })).toBeVisible();
  await expect.poll(() => pathCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await shoot(page, 'auto-compress-running');
  await auto.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(auto.getByRole('status')).toContainText('Auto-compress was cancelled');
  await expect(page.getByRole('heading', { name: 'Compressed model', exact: true })).toBeVisible();
  await expect(accuracy).toHaveText(before ?? '');
  expect(new URL(page.url()).hash).not.toContain('auto=1');

  // A second one runs out its 10 s: its best candidate becomes the current model.
  await auto.getByRole('button', { name: 'Auto-compress', exact: true }).click();
  await expect(auto.getByRole('status')).toContainText(/Found [\d,]+ bytes \([\d.,]+× smaller than float32\) at [\d.]+% on all 10,000 test images/, { timeout: 45_000 });
  await expect(page.getByRole('heading', { name: /^Auto-compressed model \(budget 1 pt, \d+ rounds?(, \d+ masks? polished)?\)/ })).toBeVisible();
  await expect(accuracy).toHaveText(/^\d+\.\d%$/);
  expect(await pathCount(page)).toBeGreaterThanOrEqual(2);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/auto=1&auto_budget=1(&auto_rounds=\d+)?&auto_preset=quick-tuned(&auto_polished=\d+)?$/);
  // Look inside shows the found model's own weights: a k-means codebook per layer (the sliders
  // still say 32 bits, which would show float values).
  await expect(page.locator('.weight-histogram figcaption').first()).toContainText(/dense_0\/kernel: .* \d+ levels \(a k-means codebook\)/);
  await shoot(page, 'auto-compress-result');

  // The found model as C (float16 biases, per-layer k-means): the program the browser saved
  // scores on the 10,000 test images what the card says.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Download C code' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const c = await compileAndRunC(downloads);
  expect(Math.abs(c.accuracy - percentOf(await accuracy.textContent()))).toBeLessThanOrEqual(0.05 + 1e-9);

  // The chart's zoom chip: with no point collapsed (the axis at 90%), it starts the axis just
  // under the lowest point, so the whole path is still drawn, spread over the chart's height.
  const plot = page.locator('svg', { has: page.getByTestId('auto-compress-path') });
  const lowestTick = async () => Math.min(...(await plot.locator('.chart-axes text').allTextContents()).filter((t) => /^\d+%$/.test(t)).map((t) => parseInt(t, 10)));
  const zoom = page.getByRole('button', { name: /^Zoom to \d+–100%$/ });
  const zoomFloor = Number(/\d+/.exec((await zoom.textContent()) ?? '')?.[0]);
  const unzoomed = await lowestTick();
  const drawn = await pathCount(page);
  await zoom.click();
  await expect(zoom).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(lowestTick).toBe(zoomFloor);
  if (unzoomed === 90) {
    expect(zoomFloor).toBeGreaterThan(90);
    expect(await pathCount(page)).toBe(drawn);
  }
  await shoot(page, 'auto-compress-zoomed');
  await zoom.click();
  await expect.poll(lowestTick).toBe(unzoomed);

  // The share link reproduces the result: a fresh browser reruns the training, then the search
  // stops where the linked one stopped and finds the same file.
  const found = (await auto.getByRole('status').textContent()) ?? '';
  const bytes = /Found ([\d,]+) bytes/.exec(found)?.[1];
  const link = page.url();
  const other = await browser.newContext();
  const reader = await other.newPage();
  const readerErrors = collectErrors(reader);
  await reader.goto(link);
  await reader.getByRole('region', { name: 'Shared experiment' }).getByRole('button', { name: 'Rerun this experiment' }).click();
  const readerAuto = group(reader);
  await expect(readerAuto.getByRole('button', { name: 'Rerun auto-compress' })).toBeEnabled({ timeout: 90_000 });
  await readerAuto.getByRole('button', { name: 'Rerun auto-compress' }).click();
  await expect(readerAuto.getByRole('status')).toContainText(`Found ${bytes} bytes`, { timeout: 60_000 });
  await expect(reader.getByLabel('Test accuracy', { exact: true })).toHaveText((await accuracy.textContent()) ?? '');
  expect(readerErrors).toEqual([]);
  await other.close();

  // A slider move is another model; a click on the found point's row brings it back.
  await page.getByRole('slider', { name: 'Bit width' }).press('Home');
  await expect(page.getByRole('heading', { name: 'Compressed model', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
