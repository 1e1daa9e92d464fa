// "Speed and energy": after one epoch of LeNet-300-100, the card times the 90% + 4-bit model in
// the worker three ways (tfjs, our dense kernel, our compressed kernel, loaded as WebAssembly
// under the page's Content-Security-Policy), says how much faster compressed is, and estimates
// the energy, reading the dense weights from DRAM at 256 KB of on-chip memory and SRAM at 2 MB;
// then the size-vs-accuracy chart with speed across, holding only the timed setting.
import { expect, test } from '@playwright/test';
import { collectErrors, seriousViolations } from './helpers';

test('speed and energy card measures the model at the controls\' settings', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&view=compress&epochs=1&sparsity=0.9&bits=4');
  await page.getByRole('button', { name: 'Train a model first' }).click();
  const card = page.getByRole('region', { name: /Speed and energy/ });
  const measure = card.getByRole('button', { name: 'Measure speed' });
  await expect(measure).toBeEnabled({ timeout: 120_000 });
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toBeEnabled({ timeout: 60_000 });
  await measure.click();
  const times = card.getByRole('table', { name: /Microseconds per image/ });
  await expect(times).toBeVisible({ timeout: 60_000 });
  for (const way of ['Dense float32, tfjs (wasm)', 'Dense float32, our WebAssembly kernel', 'Compressed, our kernel on the encoded layout']) {
    await expect(times.getByRole('row', { name: new RegExp(way.replace(/[()]/g, '\\$&')) })).toContainText(/\d+(\.\d)? \(\d/);
  }
  const verdicts = card.getByRole('listitem');
  await expect(verdicts).toHaveCount(2);
  await expect(verdicts.first()).toHaveText(/^Batch 1: the compressed model is (\d+(\.\d)?x faster|not faster)/);
  console.log((await verdicts.allTextContents()).join('\n'));

  const energy = card.getByRole('table', { name: /Estimated microjoules per image/ });
  await expect(energy.getByRole('row', { name: /Dense float32/ })).toContainText('DRAM (too big)');
  await expect(energy.getByRole('row', { name: /Compressed/ })).toContainText('SRAM (fits)');
  await card.getByLabel('On-chip memory').selectOption({ label: '2 MB (a phone SoC cache)' });
  await expect(energy.getByRole('row', { name: /Dense float32/ })).toContainText('SRAM (fits)');
  await expect(card.getByText(/Download time at 1 \/ 10 \/ 100 Mbit\/s/)).toBeVisible();
  await card.getByText('How this is estimated').click();
  await expect(card.getByText(/32-bit DRAM read 640, 32-bit SRAM read 5/)).toBeVisible();
  expect(await seriousViolations(page), 'compress view with the speed card filled').toEqual([]);
  await card.screenshot({ path: 'test-results/speed-card-1280.png' });
  // On a phone the card's tables scroll inside it; nothing else of the card passes the edge.
  await page.setViewportSize({ width: 375, height: 740 });
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.speed-card *')).filter((e) => e.getBoundingClientRect().right > 376 && !e.closest('.speed-card__scroll')).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
  expect(wide, 'parts of the card past the right edge of a 375 px screen').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Another setting is not this measurement: the table goes until it is measured again.
  await page.getByRole('slider', { name: 'Bit width' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(times).toHaveCount(0);

  // Speed as the chart's axis: only the timed setting is placed, the untimed one is counted.
  await page.getByLabel('Across').selectOption({ label: 'Time per image (measured)' });
  await expect(page.getByRole('img', { name: /^Time per image against test accuracy, 1 measured settings/ })).toBeVisible();
  await expect(page.getByText(/^1 of 2 settings have a measured speed and are shown; Measure speed/)).toBeVisible();
  await page.locator('.frontier-chart').screenshot({ path: 'test-results/speed-axis-1280.png' });
  await page.getByLabel('Across').selectOption({ label: 'Encoded size' });
  await expect(page.getByRole('img', { name: /^Model size against test accuracy, 2 measured settings/ })).toBeVisible();
  expect(errors).toEqual([]);
});
