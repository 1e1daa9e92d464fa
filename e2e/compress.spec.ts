import { readFileSync } from 'node:fs';
import { expect, test, type Download, type ElementHandle, type Page } from '@playwright/test';
import { compileAndRunC } from './cProgram';
import { collectErrors, expectNoStalls, longTasksSince, observeLongTasks, percentOf } from './helpers';

/** Focuses a control and presses `key` `times` times. The keys go to the page's keyboard, not
 * through the locator, so Playwright does not re-run its role queries in the page per press. */
async function press(page: Page, control: ElementHandle, key: string, times: number): Promise<void> {
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
  // A link that only names a view is a way in, not a shared experiment: no rerun bar.
  await expect(page.getByRole('button', { name: 'Train a model first' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Shared experiment' })).toHaveCount(0);

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

  // Look inside, for the dense model: every weight kept, every pixel read by every unit.
  const histogramCaption = page.locator('.weight-histogram figcaption');
  const galleryCaption = page.locator('.mask-gallery figcaption');
  await expect(histogramCaption).toContainText(/^dense_0\/kernel: 235,200 trained weights .*; none pruned; /);
  await expect(galleryCaption).toContainText('still reads all 784 pixels');
  const insideBefore = [await histogramCaption.textContent(), await galleryCaption.textContent()];

  // Handles, resolved once: the presses below then run no locator queries in the page.
  const sparsityHandle = (await sparsity.elementHandle())!;
  const bitsHandle = (await bits.elementHandle())!;
  const movesStart = await page.evaluate(() => performance.now());
  await press(page, sparsityHandle, 'Home', 1);
  await press(page, sparsityHandle, 'ArrowRight', 100);
  await press(page, bitsHandle, 'Home', 1);
  await press(page, bitsHandle, 'ArrowRight', 3);

  // An estimate on 1,000 images first, then the full-test-set figure for the last setting
  // (answers for the settings passed on the way are dropped).
  const headline = page.locator('[data-state]');
  // Waiting reads one attribute with a cheap selector: Playwright's role and text queries run on
  // the page's main thread and would be counted as the page's own long tasks.
  await page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 20_000, polling: 100 });
  const longTasks = await longTasksSince(page, movesStart);
  await expect(page.getByText(/On all 10,000 test images/)).toBeVisible();
  expect(numberOf(await ratio.textContent())).toBeGreaterThan(10);
  await expect(size).not.toHaveText(sizeBefore ?? '');
  await expect(size).toHaveText(/^[\d.,]+ kB$/);
  await expect(accuracy).toHaveText(/^\d+\.\d%$/);
  expect(percentOf(await accuracy.textContent())).toBeGreaterThanOrEqual(90);
  await expect.poll(() => chartPoints(page).count()).toBeGreaterThan(pointsBefore);

  expectNoStalls(longTasks, 'moving the sliders');
  await expect(sparsity).toHaveAttribute('aria-valuetext', '90.0% of weights pruned');
  await expect(bits).toHaveAttribute('aria-valuetext', '4 bits');
  // The histogram and the mask pictures followed the sliders: fewer weights kept, on 15 levels,
  // and pixels that no unit reads any more.
  await expect(histogramCaption).not.toHaveText(insideBefore[0] ?? '');
  await expect(histogramCaption).toContainText(/kept \([\d.]+% pruned.*15 levels/);
  await expect(galleryCaption).not.toHaveText(insideBefore[1] ?? '');
  await expect(galleryCaption).toContainText(/Of the 784 input pixels, \d+ still feed at least one of the 300 units of dense_0\/kernel and \d+ feed none/);
  expect(await page.locator('.weight-histogram__level').count()).toBe(15);
  // The layer picker is a radio group: arrow keys move the histogram to the next layer.
  await page.getByRole('radio', { name: /dense_0 first layer/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /dense_1 hidden layer/ })).toBeChecked();
  await expect(page.getByRole('img', { name: /^dense_1\/kernel: 30,000 trained weights/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compress-view.png'), fullPage: true });

  const latency = await headline.getAttribute('data-estimate-ms');
  const inWorker = await headline.getAttribute('data-estimate-worker-ms');
  const phases = await headline.getAttribute('data-estimate-phases');
  test.info().annotations.push({ type: 'estimate latency (ms)', description: `${latency} after the last key press, ${inWorker} of them in the worker (${phases})` });
  console.log(`estimate latency: ${latency} ms after the last key press, ${inWorker} ms in the worker (${phases})`);

  // The download is the real encoded file: its length is the size on screen, its magic CPGM.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download compressed model' }).click()]);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 4).toString('latin1')).toBe('CPGM');
  expect(Math.abs(file.length / 1000 - numberOf(await size.textContent()))).toBeLessThan(0.1);

  // The TF.js export: model.json names the weights file saved next to it, which holds every
  // weight of LeNet-300-100 as float32.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Download TF.js model' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const modelJson = downloads.find((d) => d.suggestedFilename() === 'model.json')!;
  const weightsFile = downloads.find((d) => d !== modelJson)!;
  const manifest = JSON.parse(readFileSync((await modelJson.path())!, 'utf8')) as {
    format: string;
    modelTopology: { config: { layers: { class_name: string }[] } };
    weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[];
  };
  expect(manifest.format).toBe('layers-model');
  expect(manifest.modelTopology.config.layers.map((l) => l.class_name)).toEqual(['Flatten', 'Dense', 'Dense', 'Dense']);
  expect(manifest.weightsManifest[0].paths).toEqual([weightsFile.suggestedFilename()]);
  const floats = manifest.weightsManifest[0].weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  expect(floats).toBe(266_610);
  expect(readFileSync((await weightsFile.path())!).length).toBe(4 * floats);
  await expect(page.getByText(/Saved model\.json and .*\.weights\.bin/)).toBeVisible();

  // The C export compiles warning-free as C99 and scores on the 10,000 test images what the
  // card says the compressed model scores.
  downloads.length = 0;
  await page.getByRole('button', { name: 'Download C code' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['lenet_300_100_compressed.c', 'lenet_300_100_compressed.h']);
  const c = await compileAndRunC(downloads);
  expect(Math.abs(c.accuracy - percentOf(await accuracy.textContent()))).toBeLessThanOrEqual(0.05 + 1e-9);
  await expect(page.getByText(/Saved lenet_300_100_compressed\.h \([\d.]+ kB of weight arrays/)).toBeVisible();

  // Sweep: a progress bar that moves, and Cancel keeps the points measured so far.
  await page.getByRole('button', { name: 'Sweep', exact: true }).click();
  const sweep = page.getByRole('progressbar', { name: 'Sweep progress' });
  await expect.poll(async () => Number(await sweep.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText(/Cancelled after \d+ of \d+ settings/)).toBeVisible();
  expect(await chartPoints(page).count()).toBeGreaterThanOrEqual(pointsBefore + 2);

  // Fine-tune: retraining with the mask held wins back what pruning and 4 bits cost.
  const before = percentOf(await accuracy.textContent());
  await page.getByLabel('Fine-tune epochs').fill('1');
  await page.getByRole('button', { name: 'Fine-tune', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Fine-tune progress' })).toBeVisible();
  const tuned = page.getByText(/After 1 epoch of fine-tuning \(quantization-aware, mask held\): [\d.]+%/);
  await expect(tuned).toBeVisible({ timeout: 90_000 });
  const after = percentOf(/: ([\d.]+%)/.exec((await tuned.textContent()) ?? '')?.[1] ?? null);
  expect(after).toBeGreaterThan(before);
  expect(after).toBeGreaterThanOrEqual(95);
  await expect(chartPoints(page).filter({ hasText: 'fine-tuned 1 epoch' })).toHaveCount(1);

  // The tabs are keyboard operable and the URL says which view is open.
  await page.getByRole('tab', { name: 'Compress' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Train' })).toBeFocused();
  // The address follows the view (written shortly after, with replaceState).
  await expect.poll(() => new URL(page.url()).hash).not.toContain('view=compress');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toContain('view=compress');
  await expect(ratio).toHaveText(/×$/);

  // The chart from the keyboard (src/shared/charts/keyboard.ts): right walks a pruning method's
  // points from small to large, down and up change method, Enter loads the picked point's settings.
  const method = page.getByRole('combobox', { name: 'Pruning method' });
  const pointsNow = await chartPoints(page).count();
  await method.selectOption('layerwise_magnitude');
  await expect.poll(() => chartPoints(page).filter({ hasText: 'Layer-wise magnitude' }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await chartPoints(page).count()).toBeGreaterThan(pointsNow);
  const frontier = page.locator('.frontier-chart svg[role="img"]');
  const said = page.locator('.frontier-chart p[aria-live]');
  await expect(frontier).toHaveAccessibleName(/up and down arrow keys change series; Enter loads the point's settings/);
  await frontier.focus();
  await page.keyboard.press('ArrowRight');
  await expect(said).toHaveText(/^1 of \d+: Global magnitude, /);
  await page.keyboard.press('ArrowDown');
  await expect(said).toHaveText(/^1 of 1: Layer-wise magnitude, /);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  // The smallest global-magnitude model is a pruned, integer-quantized one (the sliders went to
  // 90% and 4 bits); Enter puts its method and bit width back on the controls.
  await expect(said).toHaveText(/^1 of \d+: Global magnitude, [\d.]+% of weights pruned, \d-bit /);
  const pickedBits = /, (\d)-bit /.exec((await said.textContent()) ?? '')?.[1];
  await page.keyboard.press('Enter');
  await expect(method).toHaveValue('global_magnitude');
  await expect(bits).toHaveAttribute('aria-valuetext', `${pickedBits} bits`);

  expect(errors).toEqual([]);
});
