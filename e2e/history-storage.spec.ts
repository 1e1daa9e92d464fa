import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';
import { openHistory, trainToEnd } from './kept-runs';

test('without IndexedDB (a private window) runs are kept in the tab, and the page says so', async ({ page }) => {
  const errors = collectErrors(page);
  // As Firefox's private windows do: opening a database fails.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
  });
  await page.goto('/#v=1&dataset=xor&epochs=1&seed=2');
  await expect(page.getByRole('alert').filter({ hasText: 'Runs are not being saved: open History to see why.' })).toBeVisible();
  await trainToEnd(page);
  const panel = await openHistory(page);
  await expect(panel.getByRole('alert').filter({ hasText: 'IndexedDB is unavailable' })).toContainText('kept in this tab only until it closes: export them as JSON to keep them.');
  const runs = panel.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText('XOR');
  const jsonDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export JSON' }).click();
  const doc = JSON.parse(await readFile(await (await jsonDownload).path(), 'utf8'));
  expect(doc.runs).toHaveLength(1);
  expect(doc.runs[0].dataset).toBe('xor');
  expect(errors).toEqual([]);
});

test('a tab of an older version holding the saved runs open: the History says to close it, and after a reload it works', async ({ context, page }) => {
  const errors = collectErrors(page);
  // The old tab: a page of this origin that opened the store at version 1 and, like the version
  // 1 code, does not let go when a newer version asks.
  const oldTab = await context.newPage();
  await oldTab.route('**/old-tab', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>old tab</title>' }));
  await oldTab.goto('/old-tab');
  await oldTab.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('compression-playground-history', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('runs', { keyPath: 'id' });
        request.onsuccess = () => ((window as unknown as { held: IDBDatabase }).held = request.result, resolve());
        request.onerror = () => reject(request.error);
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: 'Runs are not being saved: open History to see why.' })).toBeVisible();
  const panel = await openHistory(page);
  await expect(panel.getByRole('alert').filter({ hasText: 'Another tab' })).toContainText('Another tab of the playground, opened before it was updated, still holds the saved runs. Close that tab and reload this one');
  await oldTab.close();
  await page.reload();
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Runs are not being saved' })).toHaveCount(0);
  const reopened = await openHistory(page);
  await expect(reopened.getByText('Another tab of the playground')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The quickest lottery run the controls allow a class: 2 rounds of 50%, one epoch of 1,200 images
// (20 iterations) a round, the ticket only.
