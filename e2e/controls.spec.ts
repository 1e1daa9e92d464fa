import { expect, test, type Locator } from '@playwright/test';
import { inputLimits, type Limits } from '../src/url/limits';
import { LOTTERY_ROWS } from '../src/url/lotteryFields';
import { SCHEDULE_LIMITS, SPEC_ROWS } from '../src/url/specFields';
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

/** An input's bounds as the page renders them. */
async function boundsOf(input: Locator) {
  return { min: await input.getAttribute('min'), max: await input.getAttribute('max'), step: await input.getAttribute('step') };
}

/** The bounds the link's table gives an input (NumberField leaves `min` out when it is excluded). */
function tableBounds(limits: Limits, step = true) {
  const l = inputLimits(limits);
  return { min: l.exclusiveMin ? null : String(l.min), max: String(l.max), step: step ? String(l.step) : expect.any(String) };
}

test('every number input takes the limits of the link table, and the seed every seed a link can carry', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&schedule=step:100:500:0.5');
  const training: [string, Limits, boolean?][] = [
    ['Epochs', SPEC_ROWS.epochs.limits],
    ['Batch size', SPEC_ROWS.batchSize.limits],
    // The learning rate's arrows move by a step that follows the optimizer.
    ['Learning rate', SPEC_ROWS.learningRate.limits, false],
    ['Seed', SPEC_ROWS.seed.limits],
    ['Warmup steps', SCHEDULE_LIMITS.warmupSteps],
    ['Decay every', SCHEDULE_LIMITS.decayEverySteps],
    ['Gamma', SCHEDULE_LIMITS.gamma],
  ];
  for (const [label, limits, step] of training) expect(await boundsOf(page.getByLabel(label, { exact: true })), label).toEqual(tableBounds(limits, step));

  // The seed input stopped at 2^31 - 1 while a link could carry up to 2^32 - 1.
  const seed = page.getByLabel('Seed', { exact: true });
  await seed.fill(String(2 ** 32 - 1));
  await expect(seed).not.toHaveAttribute('aria-invalid');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('seed=4294967295');
  await seed.fill(String(2 ** 32));
  await expect(seed).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Seed must be at least 0 and at most 4294967295.')).toBeVisible();
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => window.location.hash)).toContain('seed=4294967295');

  await page.goto('/#v=1&view=lottery');
  const lottery: [string, Limits][] = [
    ['Rounds', LOTTERY_ROWS.rounds.limits],
    ['Pruned per round, hidden layers (%)', LOTTERY_ROWS.rateHidden.limits],
    ['Pruned per round, output layer (%)', LOTTERY_ROWS.rateOutput.limits],
    ['Epochs per round', LOTTERY_ROWS.epochsPerRound.limits],
  ];
  for (const [label, limits] of lottery) expect(await boundsOf(page.getByLabel(label, { exact: true })), label).toEqual(tableBounds(limits));
  // k must also fall inside one round, so its input stops at the round's last iteration.
  const k = await boundsOf(page.getByLabel('Rewind iteration k', { exact: true }));
  expect({ min: k.min, step: k.step }).toEqual({ min: String(LOTTERY_ROWS.rewindK.limits.min), step: '1' });
  expect(Number(k.max)).toBeLessThanOrEqual(LOTTERY_ROWS.rewindK.limits.max);
  expect(Number(k.max)).toBeGreaterThan(LOTTERY_ROWS.rewindK.limits.min);
  expect(errors).toEqual([]);
});
