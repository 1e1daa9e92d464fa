// Bad records in the History (issue 16, item 1): a run dated 8640000000000001 (an Invalid Date)
// replaced the whole page at every load; a damaged record must take down at most its own panel,
// with a way to delete it.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
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
