// Bad records and files in the History (issue 16, items 1 and 3): a run dated 8640000000000001
// (an Invalid Date) replaced the whole page at every load; a damaged record must take down at most
// its own panel, with a way to delete it; a model file's table is drawn only so far.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { syntheticWeights } from '../src/engine/compression/syntheticWeights';
import { encodeModel } from '../src/engine/encoding/encode';
import { MAX_LAYER_ROWS } from '../src/history/modelSummary';
import { sampleRun } from '../src/history/sampleRun';
import { collectErrors } from './helpers';
import { openHistory, seedRuns, unexpected } from './history-seed';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results';

test('a run dated past the end of time, and a damaged record, take nothing down; the damaged one can be deleted', async ({ page }) => {
  const t = Date.UTC(2026, 10, 28, 9);
  const farFuture = sampleRun('far-future', 8640000000000001, { name: 'Dated 8640000000000001' });
  const healthy = sampleRun('healthy', t, { name: 'A healthy run' });
  const { curves: _dropped, ...noCurves } = sampleRun('no-curves', t - 60_000, { name: 'A run without curves' });
  await seedRuns(page, [farFuture, healthy, noCurves]);
  const errors = collectErrors(page);
  const panel = await openHistory(page, 3);
  const list = panel.getByRole('list', { name: 'Kept runs' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').filter({ hasText: 'Dated 8640000000000001' })).toContainText('unknown date');
  await expect(page.getByText('The playground hit a problem')).toHaveCount(0);

  // Export CSV: the far-future run's date is left empty; nothing blames the storage.
  const csvDownload = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv).toMatch(/\r\n"far-future","Dated 8640000000000001","",/);
  expect(csv).toContain('"healthy","A healthy run","2026-11-28T09:00:00.000Z"');
  await expect(panel.getByText('could not be read')).toHaveCount(0);

  // Comparing the run without curves: the comparison says which record is damaged and offers to
  // delete it; the list, the other panels and the page keep working.
  await panel.getByRole('checkbox', { name: 'Compare A healthy run' }).check();
  await expect(panel.locator('figure', { hasText: 'Test accuracy' }).first()).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Compare A run without curves' }).check();
  const trouble = panel.getByRole('alert').filter({ hasText: 'The comparison could not be drawn.' });
  await expect(trouble).toContainText('The saved run "A run without curves" is damaged at "curves"');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await trouble.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/history-damaged-record.png` });
  await trouble.getByRole('button', { name: 'Delete "A run without curves"' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(trouble).toHaveCount(0);
  await expect(panel.locator('figure', { hasText: 'Test accuracy' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^History/ })).toContainText('2');
  expect(unexpected(errors)).toEqual([]);
});

test('a model file of many layers draws the first rows of its table and sums the rest', async ({ page }) => {
  // 15 small dense layers (30 tensors), under a made-up id.
  const shapes = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? [4, 4] : [4]));
  const bytes = encodeModel({ modelId: 'tower', weights: syntheticWeights(shapes, 1), masks: null, quant: { scheme: 'symmetric', granularity: 'tensor', bits: 4 } }, { entropyCoding: false }).bytes;
  const errors = collectErrors(page);
  await page.goto('/#v=1');
  await page.getByRole('button', { name: /^History/ }).click();
  const panel = page.getByRole('dialog', { name: 'History' });
  await panel.getByLabel('Import a results file (.json) or a compressed model (.cpgm)').setInputFiles({ name: 'tower.cpgm', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  const table = panel.getByRole('table', { name: 'Layers of the imported model' });
  await expect(table.getByRole('row')).toHaveCount(MAX_LAYER_ROWS + 1);
  await expect(panel.getByText(`…and ${15 - MAX_LAYER_ROWS} more layers, not drawn: ${(15 - MAX_LAYER_ROWS) * 16} of ${(15 - MAX_LAYER_ROWS) * 16} weights kept`)).toBeVisible();
  // Not one of the registry's models: refused by the engine before decoding, with a sentence.
  await expect(panel.getByText("It is not one of the playground's models, so it cannot be rebuilt to measure it.")).toBeVisible({ timeout: 30_000 });
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/history-import-many-layers.png` });
  expect(errors).toEqual([]);
});
