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

test('number fields count every arrow key press, however fast they come', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const seed = page.getByLabel('Seed', { exact: true });
  await expect(seed).toHaveValue('0');
  // Key presses faster than the page paints: each one must land on the value the last one left
  // (a field that re-synced from a stale store value after paint lost presses here).
  await seed.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowUp');
  await expect(seed).toHaveValue('30');
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
  await expect(epochs).toHaveValue('14');
  // The store has them too: the address (written shortly after the last change) says so.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v=1&epochs=14&seed=30$/);
  // The lottery lab's number fields are their own component, with the same duty.
  await page.getByRole('tab', { name: 'Lottery' }).click();
  const rounds = page.getByLabel('Rounds', { exact: true });
  await expect(rounds).toHaveValue('5');
  await rounds.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowUp');
  await expect(rounds).toHaveValue('25');
  await expect.poll(() => new URL(page.url()).hash).toContain('rounds=25');
  expect(errors).toEqual([]);
});
