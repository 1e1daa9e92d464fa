// Prune the pretrained extractor first and see what transfers: the keyboard sets "Extractor
// sparsity", one run measures the frozen and fine-tuned methods on the dense and on the pruned
// extractor, the status says what pruning cost on digits 0-4, and the share link carries it.
import { expect, test } from '@playwright/test';
import { collectErrors, numberIn, percentOf, seriousViolations } from './helpers';

test('transfer view: a 90%-pruned extractor, set by keyboard, is measured beside the dense one', async ({ page }) => {
  test.setTimeout(480_000);
  const errors = collectErrors(page);
  await page.goto('/#view=transfer');
  const sparsity = page.getByRole('slider', { name: 'Extractor sparsity' });
  await expect(sparsity).toHaveAttribute('aria-valuetext', '0%: the dense extractor, nothing pruned');
  await expect(sparsity).toHaveAccessibleDescription(/smallest weights/);
  expect(await seriousViolations(page), 'transfer view with the sparsity control').toEqual([]);

  // Every stop by keyboard: End is the most pruned, Home dense, three steps right 90%.
  await sparsity.focus();
  await page.keyboard.press('End');
  await expect(sparsity).toHaveAttribute('aria-valuetext', "98% of the pretrained extractor's weights pruned");
  await page.keyboard.press('Home');
  await expect(sparsity).toHaveAttribute('aria-valuetext', '0%: the dense extractor, nothing pruned');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(sparsity).toHaveAttribute('aria-valuetext', "90% of the pretrained extractor's weights pruned");
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('transfer_prune=90');
  await expect(page.getByRole('slider', { name: 'Labelled examples' })).toHaveAttribute('aria-valuetext', '100 labelled examples of digits 5-9');

  await page.getByRole('button', { name: 'Run the three methods' }).click();
  await expect(page.getByRole('progressbar', { name: 'Transfer progress' })).toBeVisible({ timeout: 30_000 });
  // 10 and 100 labels: scratch once, frozen and fine-tuning each on the dense and the pruned extractor.
  const rows = page.locator('.transfer-view__table tbody tr');
  await expect(rows).toHaveCount(10, { timeout: 420_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Done: 10 runs measured.' })).toBeVisible();

  // What pruning did on the source task, with the dense figure the pretraining line reports.
  const densePretrained = percentOf(await page.getByText(/Pretrained on [\d,]+ images of digits 0-4: [\d.]+% on their test images/).textContent());
  const status = (await page.locator('.transfer-view__pruned').textContent()) ?? '';
  const m = /keeps ([\d,]+) of ([\d,]+) convolution weights \(90% of each convolution removed, biases kept\)\. With it, the pretrained network scores ([\d.]+)% on the ([\d,]+) test images of digits 0-4 \(dense: ([\d.]+)%/.exec(status);
  expect(m, status).not.toBeNull();
  const [kept, total, prunedSource, sourceTests, denseSource] = m!.slice(1).map(numberIn);
  expect(total).toBeGreaterThan(1000);
  expect(kept / total).toBeCloseTo(0.1, 2);
  expect(sourceTests).toBeGreaterThan(1000);
  expect(denseSource).toBe(densePretrained);
  // Five classes: chance is 20%. Pruned, the network still recognises digits, though not better than dense.
  expect(prunedSource).toBeGreaterThan(20);
  expect(prunedSource).toBeLessThanOrEqual(denseSource + 0.5);

  // The table names the extractor of every transferred row in words, in the method's cell.
  await expect(rows.filter({ hasText: 'extractor 90% pruned' })).toHaveCount(4);
  await expect(rows.filter({ hasText: 'dense extractor' })).toHaveCount(4);
  await expect(rows.filter({ hasText: 'From scratch' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'From scratch' }).filter({ hasText: /extractor/ })).toHaveCount(0);
  const accuracyOf = async (method: string, extractor: RegExp, labels: string) => {
    const row = rows.filter({ hasText: method }).filter({ hasText: extractor }).filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${labels}$`) }) });
    await expect(row).toHaveCount(1);
    return percentOf(await row.locator('td').nth(2).textContent());
  };
  const figures: Record<string, number> = {};
  for (const [method, short] of [['Frozen extractor + new head', 'frozen'], ['Full fine-tuning', 'finetune']] as const) {
    for (const labels of ['10', '100']) {
      const dense = await accuracyOf(method, /dense extractor/, labels);
      const at90 = await accuracyOf(method, /extractor 90% pruned/, labels);
      figures[`${short} ${labels} dense`] = dense;
      figures[`${short} ${labels} pruned`] = at90;
      expect(dense).toBeGreaterThan(25);
      expect(at90).toBeGreaterThan(25);
    }
  }
  console.info(`source ${densePretrained}% dense, ${prunedSource}% pruned (${kept}/${total} weights kept); ${JSON.stringify(figures)}`);

  // Both charts draw the pruned lines, named in their legends, hollow-marked at each measured count.
  const chart = page.getByRole('figure', { name: /Accuracy vs labelled examples/ });
  await expect(chart.getByText('Frozen extractor, 90% pruned')).toBeVisible();
  await expect(chart.getByText('Frozen extractor + new head (dense)')).toBeVisible();
  await expect(chart.getByText('Full fine-tuning, extractor 90% pruned')).toBeVisible();
  await expect(chart.locator('[data-series="frozen-pruned"] circle')).toHaveCount(2);
  await expect(chart.locator('[data-series="finetune-pruned"] rect')).toHaveCount(2);
  await expect(page.getByRole('figure', { name: /Accuracy vs training compute/ }).locator('[data-series="frozen-pruned"] circle')).toHaveCount(2);
  const explain = page.getByRole('region', { name: 'What transfers' });
  await expect(explain.getByText(/^100 labels, extractor 90% pruned: frozen [\d.]+% \([\d.]+ points (above|below) the dense extractor/)).toBeVisible();

  expect(await seriousViolations(page), 'transfer view after a pruned run').toEqual([]);
  await page.screenshot({ path: 'test-results/transfer-prune.png', fullPage: true });
  // On a phone the wider results table scrolls in its own box; the page itself never sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expect(page.getByRole('region', { name: 'Every run, table' })).toBeVisible();
  await page.screenshot({ path: 'test-results/transfer-prune-375.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('transfer view: a link with an off-stop transfer_prune says so and opens dense', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&view=transfer&transfer_prune=85');
  const notice = page.getByRole('status').filter({ hasText: 'could not use' });
  await expect(notice).toContainText('Ignored transfer_prune=85: must be 0, 50, 80, 90, 95 or 98 (percent of the extractor pruned); using 0.');
  await expect(page.getByRole('slider', { name: 'Extractor sparsity' })).toHaveAttribute('aria-valuetext', '0%: the dense extractor, nothing pruned');
  // A valid link sets the slider.
  await page.goto('/#v=1&view=transfer&transfer_prune=95');
  await expect(page.getByRole('slider', { name: 'Extractor sparsity' })).toHaveAttribute('aria-valuetext', "95% of the pretrained extractor's weights pruned");
  expect(errors).toEqual([]);
});
