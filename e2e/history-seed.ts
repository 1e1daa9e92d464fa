// Runs written straight into the History's IndexedDB store, as a damaged or hostile record would
// be, for the e2e specs of bad records and names.
import { expect, type Page } from '@playwright/test';

/** Writes runs into the app's store as version 1 kept them (runs only; the app adds summaries),
 * from a page of the same site that does not open the History. */
export async function seedRuns(page: Page, runs: unknown[]): Promise<void> {
  await page.goto('/bench.html');
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('compression-playground-history', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('runs', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('runs', 'readwrite');
    for (const r of records) tx.objectStore('runs').put(r);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, runs);
}

export async function openHistory(page: Page, runs: number) {
  await page.goto('/#v=1');
  await expect(page.getByRole('button', { name: /^History/ })).toContainText(String(runs), { timeout: 60_000 });
  await page.getByRole('button', { name: /^History/ }).click();
  const panel = page.getByRole('dialog', { name: 'History' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Errors other than the panel boundaries' own reports (they log what they caught, for
 * developers); the root boundary's report ("The page failed to render") stays an error. */
export const unexpected = (errors: string[]) => errors.filter((e) => !/failed to render/.test(e) || /The page failed to render/.test(e));
