import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, percentOf, expectHistoryClosed } from './helpers';
import { keptRuns, openHistory, trainToEnd } from './kept-runs';

/** Where the screenshots go (SHOTS_DIR keeps them apart when several checkouts test at once). */
const SHOTS = process.env.SHOTS_DIR ?? 'test-results';

test('finished runs are kept, survive a reload, compare, rename, delete and export', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&dataset=circle&epochs=2&seed=3');
  await trainToEnd(page);
  await page.getByLabel('Seed', { exact: true }).fill('4');
  await trainToEnd(page);
  // Compression points measured on the latest run's model follow it into the History.
  await page.getByRole('tab', { name: 'Compress' }).click();
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole('slider', { name: 'Sparsity' }).fill('100');
  await expect(page.getByRole('button', { name: /^History/ })).toBeVisible();
  await expect
    .poll(async () => (await openHistory(page).then((p) => p.getByRole('list', { name: 'Kept runs' }).getByRole('listitem').first().textContent().finally(() => page.keyboard.press('Escape')))) ?? '', { timeout: 60_000 })
    .toMatch(/[2-9] compression points/);

  // Survives a reload: the runs come back from IndexedDB.
  await page.reload();
  const panel = await openHistory(page);
  const runs = panel.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText('seed 4');
  await expect(runs.nth(1)).toContainText('seed 3');
  await expect(runs.nth(0)).toContainText(/Test accuracy \d+\.\d%/);

  // Compare both: the overlay charts draw one line per run, and a table says the same.
  await panel.getByRole('checkbox', { name: /^Compare .*seed 4/ }).check();
  await panel.getByRole('checkbox', { name: /^Compare .*seed 3/ }).check();
  const accuracyChart = panel.locator('figure', { hasText: 'Test accuracy' }).first();
  await expect(accuracyChart.locator('.curve-chart__series path')).toHaveCount(2);
  await expect(panel.getByRole('table', { name: 'The compared runs in numbers' }).getByRole('row')).toHaveCount(3);
  await expect(panel.getByRole('img', { name: /^Compression points of 2 runs: .*% pruned, 32 bits.*dense float32/ })).toBeVisible();
  // The chart keys (src/shared/charts/keyboard.ts) read it point by point: only seed 4 has points,
  // from its smallest model (Right: the most pruned) to its largest (End: unpruned or dense).
  const pointsChart = panel.getByRole('img', { name: /^Compression points of 2 runs/ });
  await expect(pointsChart).toHaveAccessibleName(/Left and right arrow keys move from point to point/);
  const pointSaid = panel.locator('figure', { hasText: 'Compression points' }).locator('p[aria-live]');
  await pointsChart.focus();
  await page.keyboard.press('ArrowRight');
  await expect(pointSaid).toHaveText(/seed 4: [\d.]+ kB, [\d.]+% \((?!0\.0%)[\d.]+% pruned, 32 bits\)$/);
  await page.keyboard.press('End');
  await expect(pointSaid).toHaveText(/seed 4: (dense float32, [\d.]+ kB|[\d.]+ kB, [\d.]+% \(0\.0% pruned)/);
  // Escape clears the pick first; the History stays open (a second Escape would close it).
  await page.keyboard.press('Escape');
  await expect(pointSaid).toHaveText('');
  await expect(panel).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/history-compare.png` });
  const axe = await new AxeBuilder({ page }).include('.history-drawer').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  await panel.getByRole('table', { name: 'The compared runs in numbers' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/history-points.png` });

  // Export: CSV with one measurement per row, the chart as a real PNG.
  const csvDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('run_id,run_name,finished,dataset,model,backend,link,metric,epoch,sparsity,bits,encoded_bytes,value,kind,round,labels');
  expect(csv).toContain('final_test_accuracy');
  expect(csv).toMatch(/#v=1&dataset=circle&epochs=2&seed=3/);
  const pngDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save the Test accuracy chart as PNG' }).click();
  const pngFile = await pngDownload;
  await pngFile.saveAs(`${SHOTS}/history-chart-export.png`);
  const png = await readFile(await pngFile.path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.length).toBeGreaterThan(2000);

  // Rename with the keyboard; the new name is kept across a reload.
  await runs.nth(1).getByRole('button', { name: /^Rename/ }).click();
  const nameInput = panel.getByRole('textbox', { name: /^New name for/ });
  await nameInput.fill('Circle, first try');
  await nameInput.press('Enter');
  await expect(runs.nth(1)).toContainText('Circle, first try');

  // Delete, undo, delete again.
  await runs.nth(0).getByRole('button', { name: /^Delete/ }).click();
  await expect(runs).toHaveCount(1);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(runs).toHaveCount(2);
  await runs.nth(0).getByRole('button', { name: /^Delete/ }).click();
  await expect(runs).toHaveCount(1);

  await page.reload();
  const again = await openHistory(page);
  const kept = again.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);
  await expect(kept.first()).toContainText('Circle, first try');

  // Open restores the run's settings through the link codec.
  await kept.first().getByRole('button', { name: /^Open/ }).click();
  await expectHistoryClosed(page);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Dataset')).toHaveValue('circle');
  expect(errors).toEqual([]);
});

test('a classroom link hides the chosen controls and keeps their values', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#v=1&seed=7&optimizer=sgd&seed_hide=1&optimizer_hide=1');
  await expect(page.getByLabel('Epochs', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Seed', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Optimizer')).toHaveCount(0);
  await expect(page.getByText('could not use')).toHaveCount(0);
  // The address keeps the flags as the controls change.
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await expect.poll(() => new URL(page.url()).hash).toContain('epochs=3');
  const hash = new URL(page.url()).hash;
  expect(hash).toContain('seed=7');
  expect(hash).toContain('seed_hide=1');
  expect(hash).toContain('optimizer_hide=1');

  // The teacher picks one more control to hide and copies the link.
  const panel = await openHistory(page);
  await expect(panel.getByText('This link hides 2 controls: Optimizer, Seed.')).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Bit width' }).check();
  await panel.getByRole('checkbox', { name: 'Seed' }).uncheck();
  await panel.getByRole('button', { name: 'Copy classroom link' }).click();
  await expect(panel.getByText(/Classroom link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('bits_hide=1');
  expect(link).toContain('optimizer_hide=1');
  expect(link).not.toContain('seed_hide');
  await page.screenshot({ path: `${SHOTS}/history-classroom.png` });

  // "Show all controls" brings the hidden ones back with the linked values.
  await panel.getByRole('button', { name: 'Show all controls' }).click();
  await page.keyboard.press('Escape');
  // The dialog's own "Seed" checkbox goes with it; only then is the label unique again.
  await expectHistoryClosed(page);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  await expect(page.getByLabel('Optimizer')).toHaveValue('sgd');
  await expect.poll(() => new URL(page.url()).hash).not.toContain('_hide');

  // The copied link, opened: the Bit width slider is hidden in the Compress view.
  await page.goto(link.replace(/view=\w+&?/, '') + '&view=compress');
  await expect(page.getByRole('tab', { name: 'Compress' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Bit width' })).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openHistory(page);
  await page.screenshot({ path: `${SHOTS}/history-dark.png` });
  expect(errors).toEqual([]);
});

const TINY_LOTTERY = '#v=1&view=lottery&rounds=2&prune_rate=0.5&prune_rate_out=0.25&round_epochs=1&subset=1200&variants=rewind_init&seed=2';

test('lottery and transfer runs are kept beside training runs, and Open brings back each view with its figures', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await page.goto('/#v=1&dataset=circle&epochs=1&seed=3');
  await trainToEnd(page);

  // A tiny lottery run: kept when it ends.
  await page.goto(`/${TINY_LOTTERY}`);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Lottery' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Find lottery ticket' }).click();
  await expect.poll(() => keptRuns(page), { timeout: 120_000 }).toBe(2);
  await expect(page.locator('.lottery-chart [data-series="Rewind to init"] circle')).toHaveCount(2);

  // A tiny transfer run: 10 labels (the slider's first stop), the three methods.
  await page.getByRole('tab', { name: 'Transfer' }).click();
  const slider = page.getByRole('slider', { name: 'Labelled examples' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', /^10 labelled examples/);
  await page.getByRole('button', { name: 'Run the three methods' }).click();
  await expect.poll(() => keptRuns(page), { timeout: 150_000 }).toBe(3);
  await expect(page.locator('.transfer-view__table tbody tr')).toHaveCount(3);

  // After a reload nothing is in memory: the History alone brings the figures back.
  await page.goto('/#v=1&dataset=circle&epochs=1&seed=9');
  await page.reload();
  const panel = await openHistory(page);
  const runs = panel.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');
  await expect(runs).toHaveCount(3);
  await expect(runs.nth(0).locator('.run-item__kind')).toHaveText('Transfer');
  await expect(runs.nth(0)).toContainText(/digits 5-9 from 10 labels · quick pretraining · seed 2/);
  await expect(runs.nth(0)).toContainText(/At 10 labels: frozen extractor \d+\.\d%, from scratch \d+\.\d% \([+−]\d+\.\d pt\)/);
  await expect(runs.nth(1).locator('.run-item__kind')).toHaveText('Lottery ticket');
  await expect(runs.nth(1)).toContainText(/LeNet-300-100 on MNIST · 2 of 2 rounds · seed 2/);
  await expect(runs.nth(1)).toContainText(/Sparsest ticket: 2\d\.\d% of weights left, \d+\.\d% against \d+\.\d% dense/);
  await expect(runs.nth(2).locator('.run-item__kind')).toHaveText('Training');
  await expect(runs.nth(2)).toContainText(/Test accuracy \d+\.\d%/);
  await page.screenshot({ path: `${SHOTS}/history-kinds-wide.png` });
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(runs.nth(0)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  await page.screenshot({ path: `${SHOTS}/history-kinds-phone.png` });
  // The list scrolls in its own box: at its end, the training run below the lottery run.
  await runs.nth(2).scrollIntoViewIfNeeded();
  await expect(runs.nth(2).locator('.run-item__kind')).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/history-kinds-phone-end.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Compared, each kind on its own chart, its points read out in words.
  await panel.getByRole('checkbox', { name: /^Compare Lottery/ }).check();
  await panel.getByRole('checkbox', { name: /^Compare Transfer/ }).check();
  await expect(panel.getByRole('img', { name: /^Lottery tickets: Lottery · 2 rounds of 50% · seed 2: dense model, 100% of weights left, .*round 2, 2\d\.?\d*% of weights left/ })).toBeVisible();
  await expect(panel.getByRole('img', { name: /^Transfer: .*frozen extractor, 10 labels, \d+\.\d%.*from scratch, 10 labels/ })).toBeVisible();
  await panel.locator('.history-compare').screenshot({ path: `${SHOTS}/history-kinds-compare.png` });
  const ticketText = (await runs.nth(1).textContent()) ?? '';
  const ticketAccuracy = /weights left, (\d+\.\d)%/.exec(ticketText)?.[1];
  const frozenAccuracy = /frozen extractor (\d+\.\d)%/.exec((await runs.nth(0).textContent()) ?? '')?.[1];

  // Open the lottery run: its view, its settings, and its rounds drawn (the ticket's two rounds).
  await runs.nth(1).getByRole('button', { name: 'Open' }).click();
  await expectHistoryClosed(page);
  await expect(page.getByRole('tab', { name: 'Lottery' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Rounds', { exact: true })).toHaveValue('2');
  await expect(page.locator('.lottery-chart [data-series="Rewind to init"] circle')).toHaveCount(2);
  await page.locator('.lottery-chart').getByText('Show as a table').click();
  const rounds = page.locator('.lottery-chart table tbody tr');
  await expect(rounds).toHaveCount(3);
  // The table says two decimals, the History one: the same figure.
  const ticketCell = (await rounds.nth(2).locator('td').allTextContents()).at(-1) ?? '';
  expect(Math.abs(percentOf(ticketCell) - Number(ticketAccuracy))).toBeLessThanOrEqual(0.05);
  // The mask overlap came back too (the ticket against one-shot pruning of the dense weights).
  const overlap = page.locator('.lottery-small-chart', { has: page.locator('.chart-card__title', { hasText: 'Which weights survive' }) });
  await expect(overlap.locator('[data-series="Ticket vs one-shot pruning"]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/history-kinds-open-lottery.png`, fullPage: true });

  // Open the transfer run: its view, 10 labels, and its three results.
  await openHistory(page);
  await page.getByRole('list', { name: 'Kept runs' }).getByRole('listitem').nth(0).getByRole('button', { name: 'Open' }).click();
  await expectHistoryClosed(page);
  await expect(page.getByRole('tab', { name: 'Transfer' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('slider', { name: 'Labelled examples' })).toHaveAttribute('aria-valuetext', /^10 labelled examples/);
  const results = page.locator('.transfer-view__table tbody tr');
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: 'Frozen extractor' })).toContainText(`${frozenAccuracy}%`);
  await page.screenshot({ path: `${SHOTS}/history-kinds-open-transfer.png`, fullPage: true });

  // Export JSON of the two ticked runs (the export worker, reading IndexedDB) holds both kinds
  // whole; importing it back goes through the results file's check and adds them again.
  const again = await openHistory(page);
  const jsonDownload = page.waitForEvent('download');
  await again.getByRole('button', { name: 'Export JSON' }).click();
  const jsonPath = await (await jsonDownload).path();
  const exported = JSON.parse(await readFile(jsonPath, 'utf8')) as { version: number; runs: { kind: string; rounds?: unknown[]; results?: unknown[] }[] };
  expect(exported.version).toBe(2);
  expect(exported.runs.map((r) => [r.kind, r.rounds?.length ?? r.results?.length]).sort()).toEqual([
    ['lottery', 3],
    ['transfer', 3],
  ]);
  await again.getByLabel('Import a results file (.json) or a compressed model (.cpgm)').setInputFiles(jsonPath);
  await expect(again.getByRole('status').filter({ hasText: 'Imported 2 runs' }).first()).toBeVisible();
  const all = again.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');
  await expect(all).toHaveCount(5);
  await expect(all.filter({ hasText: 'imported' }).locator('.run-item__kind')).toHaveText(['Transfer', 'Lottery ticket']);
  await expect(all.filter({ hasText: 'imported' }).first()).toContainText(/At 10 labels: frozen extractor \d+\.\d%/);
  expect(errors).toEqual([]);
});
