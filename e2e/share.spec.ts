import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

test('the address follows the controls, and a copied link opens the same experiment elsewhere', async ({ page, browser, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  // The dataset first: switching between MNIST and the 2-D sets loads that kind's defaults.
  await page.getByLabel('Dataset').selectOption('spiral');
  await page.getByLabel('Epochs', { exact: true }).fill('5');
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.getByRole('tab', { name: 'Compress' }).click();
  // The address is written shortly after the last change (debounced replaceState).
  await expect.poll(() => new URL(page.url()).hash).toContain('view=compress');
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/^#v=1&/);
  expect(hash).toContain('view=compress');
  expect(hash).toContain('seed=7');

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('seed=7');

  // A fresh browser context, as a colleague opening the link.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  const colleagueErrors = collectErrors(colleague);
  await colleague.goto(link);
  await expect(colleague.getByRole('tab', { name: 'Compress' })).toHaveAttribute('aria-selected', 'true');
  await colleague.getByRole('tab', { name: 'Train' }).click();
  await expect(colleague.getByLabel('Dataset')).toHaveValue('spiral');
  await expect(colleague.getByLabel('Seed', { exact: true })).toHaveValue('7');
  await expect(colleague.getByLabel('Epochs', { exact: true })).toHaveValue('5');
  await expect(colleague.getByText('could not use')).toHaveCount(0);
  await other.close();
  expect(errors).toEqual([]);
  expect(colleagueErrors).toEqual([]);
});

test('a malformed link says what it ignored and opens with sane settings', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&bits=99&epochs=abc&seed=3&seed=4&%3Cimg%20src%3Dx%3E=1');
  const notice = page.getByRole('status').filter({ hasText: 'could not use' });
  await expect(notice).toContainText('Ignored bits=99: must be 1-8, 16 or 32; using 32.');
  await expect(notice).toContainText('Ignored epochs=abc: must be a whole number from 1 to 200; using 2.');
  await expect(notice).toContainText('Ignored a second seed=4; using the first, seed=3.');
  await expect(notice).toContainText('Ignored unknown setting "<img src=x>".');
  // Shown as text, never as HTML.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('2');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a link naming inherited object keys (constructor, toString, __proto__) opens the defaults with a note', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&dataset=constructor&model=toString&optimizer=__proto__&view=valueOf&hasOwnProperty=1');
  const notice = page.getByRole('status').filter({ hasText: 'could not use' });
  await expect(notice).toContainText('Ignored dataset=constructor: must be mnist, circle, xor, gaussians, spiral; using mnist.');
  await expect(notice).toContainText('Ignored model=toString');
  await expect(notice).toContainText('Ignored optimizer=__proto__');
  await expect(notice).toContainText('Ignored view=valueOf');
  await expect(notice).toContainText('Ignored unknown setting "hasOwnProperty".');
  await expect(page.getByLabel('Dataset')).toHaveValue('mnist');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('lenet_300_100');
  await expect(page.getByLabel('Optimizer')).toHaveValue('adam');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('"Export as PyTorch script" downloads a Python file of this link\'s experiment that compiles', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&view=compress&model=lenet5&epochs=3&seed=11&optimizer=momentum&lr=0.01&sparsity=0.8&prune=layerwise_magnitude&bits=6&scheme=affine');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as PyTorch script' }).click()]);
  expect(download.suggestedFilename()).toBe('lenet5-mnist-seed11.py');
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const source = readFileSync(file, 'utf8');
  for (const line of ['"model": "lenet5"', '"epochs": 3', '"seed": 11', '"optimizer": "momentum"', '"learning_rate": 0.01', '"prune_method": "layerwise_magnitude"', '"sparsity": 0.8', '"quant_scheme": "affine"', '"bits": 6']) {
    expect(source).toContain(line);
  }
  const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  expect(compiled.error, 'python3 is needed to check the exported script').toBeUndefined();
  expect(compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  await expect(page.getByText('Saved lenet5-mnist-seed11.py')).toBeVisible();
  expect(errors).toEqual([]);
});

test('in the Lottery view "Export as PyTorch script" downloads the lottery run on its controls, with its link', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&view=lottery&seed=21&recipe=sgd_step&variants=rewind_init,rewind_k,lr_rewind,finetune');
  await page.getByLabel('Rounds', { exact: true }).fill('3');
  await page.getByLabel('Rounds', { exact: true }).press('Enter');
  await expect.poll(() => new URL(page.url()).hash).toContain('rounds=3');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as PyTorch script' }).click()]);
  expect(download.suggestedFilename()).toBe('lottery-lenet_300_100-mnist-seed21.py');
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const source = readFileSync(file, 'utf8');
  for (const line of ['"seed": 21,', '"rounds": 3,', '"recipe": "sgd_step",', '"variants": ["rewind_init", "rewind_k", "lr_rewind", "finetune"],']) {
    expect(source).toContain(line);
  }
  expect(source).toContain(`"link": "${new URL(page.url()).hash.slice(1)}",`);
  const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  expect(compiled.error, 'python3 is needed to check the exported script').toBeUndefined();
  expect(compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  await expect(page.getByText('Saved lottery-lenet_300_100-mnist-seed21.py')).toBeVisible();
  expect(errors).toEqual([]);
});
