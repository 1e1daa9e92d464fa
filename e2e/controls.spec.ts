import { expect, test } from '@playwright/test';
import { collectErrors, workerTensors as memory } from './helpers';

test('pause, step and reset control a run, and reset frees every tensor', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const before = await memory(page);

  // A 2-D toy set trains in seconds; a long run leaves time to pause it.
  await page.getByLabel('Dataset').selectOption('spiral');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('mlp_2d');
  await page.getByLabel('Epochs', { exact: true }).fill('200');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled();
  expect(await memory(page)).toBeGreaterThan(before);

  // Paused means paused: the progress does not move on its own.
  const paused = await progress.getAttribute('aria-valuenow');
  await page.waitForTimeout(700);
  expect(await progress.getAttribute('aria-valuenow')).toBe(paused);

  // Step runs a batch and stays paused (the step counter in the progress text moves by one).
  const stepText = page.getByText(/Step [\d,]+ of [\d,]+/);
  const stepsBefore = Number((await stepText.textContent())!.match(/Step ([\d,]+)/)![1].replace(/,/g, ''));
  await step.click();
  await expect.poll(async () => Number((await stepText.textContent())!.match(/Step ([\d,]+)/)![1].replace(/,/g, ''))).toBe(stepsBefore + 1);
  await expect(step).toBeEnabled();

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByLabel('Test accuracy', { exact: true })).not.toHaveText(/\d%/);
  await expect.poll(() => memory(page)).toBe(before);
  expect(errors).toEqual([]);
});
