// Fault tests that are quick enough for `npm test` (the long ones are in e2e/fault.soak.ts,
// `npm run soak`). Each breaks something on purpose through the page's test hooks and checks
// that the student gets a sentence, keeps what was computed, and can go on.
import { expect, test } from '@playwright/test';
import { collectErrors, workerTensors } from './helpers';
import { crashWorker, curvePoints, engineStatus, loseWebglContext, runAlert, runStatus, seeded, terminateWorker, unexpected, waitForSteps, workerStep } from './fault-helpers';

test('a worker that is ended or crashes mid-run: a sentence, the curves kept, and the next run trains', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#dataset=circle&epochs=200');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const alert = runAlert(page);

  for (const fault of ['terminated', 'crashed'] as const) {
    await train.click();
    await waitForSteps(page, 300);
    await expect.poll(() => curvePoints(page)).toBeGreaterThan(3);
    const before = await curvePoints(page);
    if (fault === 'terminated') await terminateWorker(page);
    else await crashWorker(page);
    await expect(alert).toContainText(fault === 'terminated' ? /The engine was stopped before it finished/ : /The training worker stopped unexpectedly/, { timeout: 15_000 });
    await expect(alert).toContainText(/Press Train to start again/);
    await page.screenshot({ path: `test-results/fault-worker-${fault}.png` });
    // Nothing the page had is lost, and the controls are usable again.
    expect(await curvePoints(page)).toBeGreaterThanOrEqual(before);
    await expect(train).toBeEnabled();
    await expect(page.locator('.progress--error')).toHaveCount(1);
  }

  // A fresh worker takes the next run to the end.
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await train.click();
  await expect(page.getByText(/^Done: [\d.]+% test accuracy after 3 epochs/)).toBeVisible({ timeout: 60_000 });
  expect((await engineStatus(page))?.runState).toBe('done');
  expect(unexpected(errors)).toEqual([]);
});

test('WebGL context lost mid-training: the run goes on with WebAssembly, says so, and keeps its curves', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#dataset=circle&epochs=60');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  await page.getByLabel('Backend override').selectOption('webgl');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText('webgl', { timeout: 60_000 });

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForSteps(page, 100, 120_000);
  // Weights are copied off the GPU every second while training on WebGL.
  await page.waitForTimeout(1_500);
  const before = await curvePoints(page);
  const lostAt = (await workerStep(page)) ?? 0;
  expect(await loseWebglContext(page)).toBe(true);

  await expect(runAlert(page)).toContainText(/The WebGL context was lost during training.*Training goes on with WebAssembly from step \d+/, { timeout: 30_000 });
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText('wasm');
  expect((await engineStatus(page))?.backend).toBe('wasm');
  await page.screenshot({ path: 'test-results/fault-webgl-lost.png' });
  // It really goes on: past the step where the context was lost, to the end of the run.
  await waitForSteps(page, lostAt + 50);
  expect(await curvePoints(page)).toBeGreaterThanOrEqual(before);
  await expect(page.getByText(/^Done: [\d.]+% test accuracy after 60 epochs/)).toBeVisible({ timeout: 120_000 });
  const accuracy = Number(/([\d.]+)%/.exec((await page.getByLabel('Test accuracy', { exact: true }).textContent()) ?? '')?.[1]);
  expect(accuracy).toBeGreaterThan(80);
  expect(unexpected(errors)).toEqual([]);
});

test('20 compress and evaluate jobs and 3 trainings in a row leave the worker at its tensor baseline', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#dataset=circle&epochs=5');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const final = () => page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 30_000, polling: 100 });

  let baseline: number | null = null;
  for (let round = 0; round < 3; round++) {
    await page.getByRole('tab', { name: 'Train' }).click();
    await train.click();
    await expect(page.getByText(/^Done: /)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Compress' }).click();
    const sparsity = page.getByRole('slider', { name: 'Sparsity' });
    await expect(sparsity).toBeEnabled({ timeout: 30_000 });
    await final();
    // The trained model, its optimizer and the lab's copy: the same count after every training.
    const held = await workerTensors(page);
    baseline ??= held;
    expect(held).toBe(baseline);
    await sparsity.focus();
    const moves = round < 2 ? 7 : 6;
    for (let i = 0; i < moves; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'PageUp' : 'ArrowLeft');
      await final();
      expect(await workerTensors(page)).toBe(baseline);
    }
  }
  expect(unexpected(errors)).toEqual([]);
});

test('Reset at random moments (seeded): the page recovers every time and nothing keeps running', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#dataset=circle&epochs=100');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const idleTensors = await workerTensors(page);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  const random = seeded(7);

  for (let i = 0; i < 6; i++) {
    await train.click();
    // From the first milliseconds (data still loading) to well into the run.
    await page.waitForTimeout(Math.round(random() * 2_000));
    if (random() < 0.3 && (await page.getByRole('button', { name: 'Pause', exact: true }).isEnabled())) {
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    }
    await expect(reset).toBeEnabled();
    await reset.click();
    await expect(runStatus(page)).toContainText('Reset: the model was dropped.', { timeout: 15_000 });
    await expect(train).toBeEnabled();
    // No orphaned run: the worker holds no trainer and its tensors are back where they started.
    await expect.poll(async () => (await engineStatus(page))?.runState).toBe('idle');
    expect(await workerStep(page)).toBeNull();
    expect(await workerTensors(page)).toBe(idleTensors);
    await page.waitForTimeout(300);
    expect(await workerStep(page)).toBeNull();
  }

  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await train.click();
  await expect(page.getByText(/^Done: [\d.]+% test accuracy after 3 epochs/)).toBeVisible({ timeout: 60_000 });
  expect(unexpected(errors)).toEqual([]);
});

test('Reset while MNIST is still loading: no run starts behind the page once the data arrives', async ({ page }) => {
  const errors = collectErrors(page);
  // The MNIST files are held until after the Reset, so the Reset always lands while the worker
  // waits for them (on a fast machine the data could arrive first, and the test would then
  // check an ordinary Reset). The worker's requests go through the page's routes.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  const finished: string[] = [];
  await page.route('**/data/mnist/**', async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  page.on('requestfinished', (request) => void (/\/data\/mnist\//.test(request.url()) && finished.push(request.url())));
  await page.goto('/#epochs=1');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.click();
  await expect.poll(() => asked.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.locator('.progress--loading-data')).toHaveCount(1);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(runStatus(page)).toContainText('Reset: the model was dropped.', { timeout: 15_000 });
  expect(finished).toEqual([]); // nothing has arrived yet: the Reset came first

  // Now the data arrives; once every file is in (and a moment to build the dataset), the worker
  // must still hold no run.
  release();
  await expect.poll(() => finished.length, { timeout: 60_000 }).toBe(asked.length);
  await page.waitForTimeout(3_000);
  expect(await engineStatus(page)).toMatchObject({ runState: 'idle', step: null });
  // And the next Train is not refused as "a run is already going".
  await train.click();
  await waitForSteps(page, 20);
  await expect(runAlert(page)).toHaveText('');
  expect(unexpected(errors)).toEqual([]);
});

test('a reload in the middle of a run: the page says the run was interrupted and restores its settings', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#dataset=circle&epochs=150&seed=7');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForSteps(page, 200);

  // The settings come from the note the run left, not from the address: open the bare page.
  await page.evaluate(() => history.replaceState(null, '', '/'));
  await page.reload();
  await expect(runAlert(page)).toContainText(/The training run was interrupted by a reload at step [\d,]+ of 7,500/);
  await expect(page.getByLabel('Dataset')).toHaveValue('circle');
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('150');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 30_000 });

  // Said once: a second reload with no run going says nothing.
  await page.reload();
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm|webgl|cpu/i, { timeout: 30_000 });
  await expect(runAlert(page)).not.toContainText(/interrupted/);
  expect(unexpected(errors)).toEqual([]);
});
