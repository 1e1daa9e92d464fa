// Races and restarts around the engine worker (issue 16, items 8 and 9), through the page's
// test hooks like e2e/fault.spec.ts: overlapping requests must not leak tensors, and a worker
// restarted after a crash runs on the backend the person chose, whatever call starts it.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, workerTensors } from './helpers';
import { crashWorker, engineStatus, unexpected } from './fault-helpers';
import { openHistory, trainToEnd } from './kept-runs';

const downloadTrained = (page: Page) => page.getByRole('dialog', { name: 'History' }).getByRole('button', { name: 'Download trained model' });

test('a double-click on "Download trained model" adopts the model once: Reset leaves no tensor behind', async ({ page }) => {
  const errors = collectErrors(page);
  // MNIST: measuring the model for the lab takes a few tenths of a second, so the second click
  // lands while the first is still measuring (a 2-D set's 500 test points are done at once).
  await page.goto('/#epochs=1&batch=512&seed=3');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const idleTensors = await workerTensors(page);

  // The Compress view was never shown: the download itself opens the model for the lab.
  await trainToEnd(page, 90_000);
  await openHistory(page);
  const downloads: Promise<unknown>[] = [];
  page.on('download', (d) => downloads.push(d.path()));
  await downloadTrained(page).dblclick();
  await expect.poll(() => downloads.length).toBe(2);
  await Promise.all(downloads);
  await page.keyboard.press('Escape');

  // The fault tests' rule: after a Reset the worker holds what it held before training.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('.status-region__status')).toContainText('Reset: the model was dropped.');
  expect(await workerTensors(page)).toBe(idleTensors);
  expect(unexpected(errors)).toEqual([]);
});

test('after a crash, a worker restarted by an import keeps the backend the person chose', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#dataset=circle&epochs=2&seed=3');
  const backendShown = page.getByLabel('Backend', { exact: true });
  await expect(backendShown).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  // Not what Auto picks on this machine (wasm, or webgl on a GPU).
  await page.getByLabel('Backend override').selectOption('cpu');
  await expect(backendShown).toHaveText('cpu', { timeout: 30_000 });
  await trainToEnd(page, 90_000);
  const panel = await openHistory(page);
  const download = page.waitForEvent('download');
  await downloadTrained(page).click();
  const model = await readFile(await (await download).path());

  await crashWorker(page);
  await expect.poll(() => engineStatus(page)).toBeNull();
  // The import measurement is the first call the new worker gets.
  await panel.getByLabel('Import a results file (.json) or a compressed model (.cpgm)').setInputFiles({ name: 'circle.cpgm', mimeType: 'application/octet-stream', buffer: model });
  await expect(panel.getByText(/A 2-D model does not say which of the point sets it learned/)).toBeVisible({ timeout: 30_000 });
  expect((await engineStatus(page))?.backend).toBe('cpu');
  await page.keyboard.press('Escape');

  // And the next run trains where the card says it does.
  await trainToEnd(page, 90_000);
  await expect(backendShown).toHaveText('cpu');
  expect((await engineStatus(page))?.backend).toBe('cpu');
  expect(unexpected(errors)).toEqual([]);
});
