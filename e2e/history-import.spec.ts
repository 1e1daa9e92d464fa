import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { collectErrors, percentOf, expectHistoryClosed } from './helpers';
import { openHistory, trainToEnd } from './kept-runs';
import { hugePrunedTensorFile, manyHuffmanTensorsFile } from '../test/hostile';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results';

test('importing junk says why in a sentence and the page keeps working; real files import', async ({ page }) => {
  const errors = collectErrors(page);
  // One epoch of LeNet-300-100 on MNIST: its model file is imported back and measured below.
  await page.goto('/#v=1&epochs=1&batch=128&seed=5');
  await trainToEnd(page);
  const panel = await openHistory(page);
  const runAccuracy = percentOf(await panel.getByRole('list', { name: 'Kept runs' }).getByText(/Test accuracy/).first().textContent());
  expect(runAccuracy).toBeGreaterThan(80);
  const fileInput = panel.getByLabel('Import a results file (.json) or a compressed model (.cpgm)');
  const alert = panel.getByRole('alert').filter({ hasText: /./ }).first();

  await fileInput.setInputFiles({ name: 'junk.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('\x00\x01garbage that is no file of ours') });
  await expect(alert).toContainText('neither a results file (JSON) nor a compressed model');

  await fileInput.setInputFiles({ name: 'broken.cpgm', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('CPGM'), Buffer.from([1, 0, 200]), Buffer.alloc(5000, 0xff)]) });
  await expect(alert).toContainText('This compressed model cannot be read.');

  // Files that used to decode at a cost of seconds and hundreds of MB: refused by the limits.
  await fileInput.setInputFiles({ name: 'tiny-huge.cpgm', mimeType: 'application/octet-stream', buffer: Buffer.from(hugePrunedTensorFile(2 ** 25)) });
  await expect(alert).toContainText('declares more parameters than a file of 37 bytes can hold');
  await fileInput.setInputFiles({ name: 'many.cpgm', mimeType: 'application/octet-stream', buffer: Buffer.from(manyHuffmanTensorsFile(65_535)) });
  await expect(alert).toContainText('The file declares 65535 tensors; at most 64 are allowed.');

  await fileInput.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "compression-playground-results", "version": 1, "runs": [{"id": 3}]}') });
  await expect(alert).toContainText('Run 1 of the results file is not valid');

  // 100 MB of junk, made inside the page: refused by its size before any byte is read.
  const ms = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(100 * 1024 * 1024).fill(0x43)], 'huge.bin'));
    input.files = dt.files;
    const start = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    while (!/104\.9 MB/.test(document.querySelector('.history-drawer')?.textContent ?? '') && performance.now() - start < 10_000) await new Promise((r) => setTimeout(r, 10));
    return performance.now() - start;
  });
  await expect(alert).toContainText('The file is 104.9 MB;');
  expect(ms).toBeLessThan(2000);

  // A real export imports back, and the trained model file reads back as a model.
  const jsonDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export JSON' }).click();
  const jsonPath = await (await jsonDownload).path();
  await fileInput.setInputFiles(jsonPath);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported 1 run' }).first()).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Kept runs' }).getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByText('imported', { exact: true })).toHaveCount(1);

  const modelDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download trained model' }).click();
  const modelPath = await (await modelDownload).path();
  await fileInput.setInputFiles({ name: 'lenet.cpgm', mimeType: 'application/octet-stream', buffer: await readFile(modelPath) });
  const table = panel.getByRole('table', { name: 'Layers of the imported model' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText('784 × 300');
  await expect(panel.getByText('LeNet-300-100, 266,610 parameters')).toBeVisible();
  // The same weights, decoded from the file and measured again: the run's accuracy.
  const measured = panel.getByText(/Test accuracy [\d.]+% on 10,000 MNIST test images/);
  await expect(measured).toBeVisible({ timeout: 60_000 });
  expect(Math.abs(percentOf(await measured.textContent()) - runAccuracy)).toBeLessThanOrEqual(0.051);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/history-import.png` });

  // The page still works: close the panel and train again.
  await page.keyboard.press('Escape');
  await expectHistoryClosed(page);
  await page.getByLabel('Dataset').selectOption('circle');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await trainToEnd(page);
  expect(errors).toEqual([]);
});
