// A results file written by the exported PyTorch compression script goes back into the History
// (issue 19.3): History > Import takes it, the run is marked with where it ran, and its curves and
// compression point are drawn beside the browser's. The fixture is a real run's output
// (e2e/fixtures/pytorch-compress-results.*: the script exported for LeNet-300-100, 2 epochs, seed 7,
// 90% global magnitude + 4-bit symmetric per channel, run with
// `/usr/bin/python3 script.py --data <mnist> --train-limit 6000 --eval-limit 2000 --nproc 2`);
// `npm run test:python` runs the scripts themselves.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

const FIXTURE = 'e2e/fixtures/pytorch-compress-results';
const RUN = JSON.parse(readFileSync(`${FIXTURE}.json`, 'utf8')) as { runs: { name: string; backend: string; link: string }[] };

test('a PyTorch script\'s results file imports into the History, marked with where it ran, and compares', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: /^History/ }).click();
  const panel = page.getByRole('dialog', { name: 'History' });
  const fileInput = panel.getByLabel('Import a results file (.json) or a compressed model (.cpgm)');
  await fileInput.setInputFiles(`${FIXTURE}.json`);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported 1 run' }).first()).toBeVisible();

  const [run] = RUN.runs;
  expect(run.backend).toBe('PyTorch cpu x2');
  const item = panel.getByRole('list', { name: 'Kept runs' }).getByRole('listitem').filter({ hasText: run.name });
  await expect(item).toContainText('on PyTorch cpu x2');
  await expect(item.getByText('imported', { exact: true })).toBeVisible();

  await item.getByRole('checkbox', { name: `Compare ${run.name}` }).check();
  const row = panel.getByRole('table', { name: 'The compared runs in numbers' }).getByRole('row', { name: new RegExp(run.name) });
  // Test accuracy 87.05%, validation 91.85%, its point 27,859 bytes at 77.35% (the page's rounding).
  await expect(row).toContainText('87.1%');
  await expect(row).toContainText('91.8%');
  await expect(row).toContainText('27.9 kB at 77.3%');
  // Its curves and its point are drawn with the browser's runs.
  const accuracyChart = panel.getByRole('figure', { name: /^Test accuracy/ });
  await expect(accuracyChart).toContainText(run.name);
  await expect(accuracyChart.locator('.curve-chart__series path')).toHaveCount(1);
  const pointsChart = panel.getByRole('figure', { name: /^Compression points/ });
  await expect(pointsChart).toContainText(run.name);
  await expect(pointsChart).not.toContainText('has compression points yet');

  // Its .cpgm file reads back as a model of the playground's format.
  await fileInput.setInputFiles(`${FIXTURE}.cpgm`);
  await expect(panel.getByText('LeNet-300-100, 266,610 parameters')).toBeVisible();

  // "Open" puts the run's settings (its share link) back on the controls.
  await item.getByRole('button', { name: /^Open/ }).click();
  await expect.poll(() => new URL(page.url()).hash).toContain('sparsity=0.9');
  expect(errors).toEqual([]);
});

// The exported lottery script's results file (issue 19.3): a training run (the dense trunk's
// curves, each round's ticket as a compression point) and a run of the History's lottery kind
// (every round of every variant), so the rounds are drawn on the History's lottery chart. The
// fixture is a real run's output: the script exported for the link below (LeNet-300-100, 2 rounds,
// the ticket and random reinit, 3,000 images, seed 4), run with `/usr/bin/python3 script.py
// --data <mnist> --eval-limit 2000 --device cpu --nproc 2`.
const LOTTERY_FIXTURE = 'e2e/fixtures/pytorch-lottery-results.json';
const LOTTERY = JSON.parse(readFileSync(LOTTERY_FIXTURE, 'utf8')) as {
  version: number;
  runs: { kind?: string; name: string; link: string; rounds?: { variant: string; round: number; accuracy: number }[] }[];
};

test('a PyTorch lottery script\'s results import as a lottery run, drawn on the lottery chart', async ({ page }) => {
  const errors = collectErrors(page);
  expect(LOTTERY.version).toBe(2);
  const lottery = LOTTERY.runs.find((r) => r.kind === 'lottery')!;
  await page.goto('/');
  await page.getByRole('button', { name: /^History/ }).click();
  const panel = page.getByRole('dialog', { name: 'History' });
  await panel.getByLabel('Import a results file (.json) or a compressed model (.cpgm)').setInputFiles(LOTTERY_FIXTURE);
  await expect(panel.getByRole('status').filter({ hasText: 'Imported 2 runs' }).first()).toBeVisible();

  const items = panel.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');
  expect((await items.locator('.run-item__kind').allTextContents()).sort()).toEqual(['Lottery ticket', 'Training']);
  const item = items.filter({ has: page.locator('.run-item__kind', { hasText: 'Lottery ticket' }) });
  await expect(item).toContainText('on PyTorch cpu x2');
  await item.getByRole('checkbox', { name: `Compare ${lottery.name}` }).check();
  // The ticket's rounds (rewind to init) on the lottery chart, named after the run, with their accuracies.
  const chart = panel.getByRole('img', { name: /^Lottery tickets/ });
  const ticket = lottery.rounds!.filter((r) => r.variant === 'dense' || r.variant === 'rewind_init');
  const label = (await chart.getAttribute('aria-label'))!;
  expect(label).toContain(`${lottery.name}: dense model`);
  for (const r of ticket.filter((x) => x.round > 0)) expect(label).toContain(`${lottery.name}: round ${r.round}`);
  expect(label).toContain(`${(ticket[1].accuracy * 100).toFixed(1)}%`);
  await page.screenshot({ path: 'test-results/pytorch-lottery-import.png', fullPage: true });
  expect(errors).toEqual([]);
});
