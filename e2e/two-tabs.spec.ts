// Two tabs of the playground in one browser profile (one context: same origin, same IndexedDB).
// Before: a tab whose store another tab upgraded stayed "not saved" for good, each tab listed only
// the runs it had loaded at start (so "Export all" in an older tab left runs out), and the lottery
// resume data was one key that both tabs overwrote.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

const HISTORY_DB = 'compression-playground-history';

/** Runs kept so far, as the History button says ("History, 2 runs"). */
async function keptRuns(page: Page): Promise<number> {
  const name = (await page.getByRole('button', { name: /^History/ }).textContent()) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

async function trainToEnd(page: Page): Promise<void> {
  const before = await keptRuns(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => keptRuns(page), { timeout: 150_000 }).toBe(before + 1);
}

/** A bare page of this origin (no playground code), as another tab of another version would be. */
async function bareTab(page: Page): Promise<void> {
  await page.route('**/bare-tab', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bare tab</title>' }));
  await page.goto('/bare-tab');
}

/** The run ids IndexedDB holds, read with a connection of its own. */
function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const keys = request.result.transaction('runs').objectStore('runs').getAllKeys();
          keys.onsuccess = () => (request.result.close(), resolve(keys.result as string[]));
          keys.onerror = () => reject(keys.error);
        };
        request.onerror = () => reject(request.error);
      }),
    HISTORY_DB,
  );
}

test('a tab whose store another tab upgraded keeps saving, both lists follow each other, and Export all has every run', async ({ context, page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&dataset=circle&epochs=1&seed=3');
  await trainToEnd(page);
  const tabB = await context.newPage();
  const errorsB = collectErrors(tabB);
  await tabB.goto('/#v=1&dataset=xor&epochs=1&seed=5');
  await expect.poll(() => keptRuns(tabB)).toBe(1);

  // A newer version of the page, in a third tab, upgrades the store (keeping its stores) and goes.
  const newer = await context.newPage();
  await bareTab(newer);
  await newer.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 3);
        request.onblocked = () => reject(new Error('the playground tabs did not let the upgrade through'));
        request.onsuccess = () => (request.result.close(), resolve());
        request.onerror = () => reject(request.error);
      }),
    HISTORY_DB,
  );
  await newer.close();

  // Both tabs go on saving, and each one's list takes in the other's runs without a reload.
  await page.getByLabel('Seed', { exact: true }).fill('4');
  await trainToEnd(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Runs are not being saved' })).toHaveCount(0);
  expect(await storedIds(page)).toHaveLength(2);
  await expect.poll(() => keptRuns(tabB)).toBe(2);
  await trainToEnd(tabB);
  await expect.poll(() => keptRuns(page)).toBe(3);
  for (const tab of [page, tabB]) await expect(tab.getByRole('alert').filter({ hasText: 'Runs are not being saved' })).toHaveCount(0);
  expect(await storedIds(page)).toHaveLength(3);

  // A tab of an older version writes a run and tells no one: this tab's list cannot know of it,
  // but "Export all" reads every run in the store.
  const oldTab = await context.newPage();
  await bareTab(oldTab);
  const stored = await storedIds(page);
  const template = await page.evaluate(
    ({ name, id }) =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const get = request.result.transaction('runs').objectStore('runs').get(id);
          get.onsuccess = () => (request.result.close(), resolve(get.result));
          get.onerror = () => reject(get.error);
        };
        request.onerror = () => reject(request.error);
      }),
    { name: HISTORY_DB, id: stored[0] },
  );
  await oldTab.evaluate(
    ({ name, run }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const tx = request.result.transaction('runs', 'readwrite');
          tx.objectStore('runs').put(run);
          tx.oncomplete = () => (request.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
    { name: HISTORY_DB, run: { ...(template as object), id: 'run-from-an-old-tab', name: 'Written by an old tab', createdAt: 1 } },
  );
  await oldTab.close();
  expect(await keptRuns(page)).toBe(3);
  await page.getByRole('button', { name: /^History/ }).click();
  const panel = page.getByRole('dialog', { name: 'History' });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export JSON' }).click();
  const doc = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { runs: { id: string; dataset: string; name: string }[] };
  expect(doc.runs.map((r) => r.dataset).sort()).toEqual(['circle', 'circle', 'circle', 'xor']);
  expect(doc.runs.at(-1)?.name).toBe('Written by an old tab');
  expect([...errors, ...errorsB]).toEqual([]);
});

/** Tiny lottery settings: `rounds` rounds of 50%, one epoch of 1,200 images (20 iterations) each. */
const tinyLottery = (rounds: number) =>
  `/#v=1&view=lottery&rounds=${rounds}&prune_rate=0.5&prune_rate_out=0.25&round_epochs=1&subset=1200&variants=rewind_init,random_reinit,random_prune`;

async function lotteryFinished(page: Page): Promise<void> {
  await expect(page.locator('.lottery-progress .progress__right')).toContainText('finished', { timeout: 150_000 });
}

/** Rows of the main lottery chart's table: the dense model, then a row per round. */
async function lotteryRows(page: Page): Promise<number> {
  const table = page.locator('.lottery-chart table tbody tr');
  if ((await table.count()) === 0) await page.locator('.lottery-chart').getByText('Show as a table').click();
  return table.count();
}

test('two tabs run lottery runs side by side, and after a reload each offers and resumes its own', async ({ context, page }) => {
  const errors = collectErrors(page);
  const tabB = await context.newPage();
  const errorsB = collectErrors(tabB);
  await page.goto(tinyLottery(2));
  await tabB.goto(tinyLottery(3));
  for (const tab of [page, tabB]) await tab.getByRole('button', { name: 'Find lottery ticket' }).click();
  await lotteryFinished(page);
  await lotteryFinished(tabB);

  // Both runs are kept, one each: neither tab's save took the other's place.
  for (const [tab, rounds] of [
    [page, 2],
    [tabB, 3],
  ] as const) {
    await tab.reload();
    const notice = tab.getByRole('status').filter({ hasText: 'lottery run' });
    await expect(notice).toContainText(`${rounds} rounds of 50%`, { timeout: 20_000 });
    // The notice says which run: its settings and seed, and that this tab saved it (the tab's
    // run id outlives the reload in sessionStorage).
    await expect(notice).toContainText(/The finished lottery run with these settings \(\d rounds of 50%, 1 epoch a round on 1,200 images, seed 0\), saved by this tab at \d+:\d\d [AP]M, is kept/);
    await tab.getByRole('button', { name: 'Resume lottery run' }).click();
    await lotteryFinished(tab);
    await expect.poll(() => lotteryRows(tab)).toBe(rounds + 1);
  }
  expect([...errors, ...errorsB]).toEqual([]);
});
