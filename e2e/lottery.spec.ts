import { expect, test, type Page } from '@playwright/test';
import { collectErrors, expectNoStalls, longTasksSince, observeLongTasks, waitForQuiet } from './helpers';

/** Series names drawn on the main chart (read with one cheap query, no Playwright role engine). */
function seriesDrawn(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.lottery-chart .lottery-plot__series'))
      .filter((g) => g.querySelectorAll('circle, rect, polygon').length > 0)
      .map((g) => g.getAttribute('data-series') ?? ''),
  );
}

function progressNow(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('[aria-label="Lottery progress"]')?.getAttribute('aria-valuenow') ?? -1));
}

// Tiny settings: 2 rounds of 50%, one epoch of 1,200 images (20 iterations) a round.
const TINY = '#v=1&view=lottery&rounds=2&prune_rate=0.5&prune_rate_out=0.25&round_epochs=1&subset=1200&variants=rewind_init,random_reinit,random_prune';

test('a short lottery run draws every series, streams progress without stalling the page, and hands its ticket to the compression lab', async ({ page }) => {
  const errors = collectErrors(page);
  await observeLongTasks(page);
  await page.goto(`/${TINY}`);
  await expect(page.getByRole('tab', { name: 'Lottery' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Rounds', { exact: true })).toHaveValue('2');
  const start = page.getByRole('button', { name: 'Find lottery ticket' });
  await expect(start).toBeEnabled();
  // Let the worker pick its backend and the page finish starting (no long task for a second), so
  // the run's own work is what gets measured.
  await expect(page.getByText(/LeNet-300-100 on MNIST, Adam/)).toBeVisible();
  await waitForQuiet(page);

  // Resolved before the clock starts and clicked from inside the page: Playwright's role queries
  // run on the page's main thread and would count as the page's own long tasks.
  const startHandle = (await start.elementHandle())!;
  const t0 = await page.evaluate(() => performance.now());
  await startHandle.evaluate((button) => (button as HTMLButtonElement).click());
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        seen.add(await progressNow(page));
        return page.evaluate(() => document.querySelector('.lottery-progress .progress__right')?.textContent ?? '');
      },
      { timeout: 150_000, intervals: [250] },
    )
    .toMatch(/finished/);
  const longTasks = await longTasksSince(page, t0);
  expectNoStalls(longTasks, 'the lottery run');
  // Progress moved through intermediate values on its way to 100%.
  expect([...seen].filter((v) => v > 0 && v < 100).length).toBeGreaterThan(0);
  await expect(page.getByRole('progressbar', { name: 'Lottery progress' })).toHaveAttribute('aria-valuenow', '100');

  await expect.poll(() => seriesDrawn(page)).toEqual(['Rewind to init', 'Random reinit', 'Random pruning']);
  const legend = page.locator('.lottery-chart .chart-card__legend');
  for (const name of ['Rewind to init', 'Random reinit', 'Random pruning', 'Dense model']) await expect(legend).toContainText(name);
  // Two points per series (rounds 1 and 2), and the table says the same in words.
  await expect(page.locator('.lottery-chart [data-series="Rewind to init"] circle')).toHaveCount(2);
  await page.locator('.lottery-chart').getByText('Show as a table').click();
  const rows = page.locator('.lottery-chart table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(/^2\s*25\.\d%/);

  // The secondary pictures and the explanations.
  await expect(page.locator('.chart-card__title', { hasText: 'Early-stopping iteration' })).toBeVisible();
  // Which weights survive: the ticket against one-shot pruning, random pruning against the ticket,
  // and the chance level (random reinit uses the ticket's own mask, so it has no point there).
  const overlap = page.locator('.lottery-small-chart', { has: page.locator('.chart-card__title', { hasText: 'Which weights survive' }) });
  await expect(overlap).toBeVisible();
  await expect
    .poll(() => overlap.locator('.lottery-plot__series').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series'))))
    .toEqual(['Ticket vs one-shot pruning', 'Random pruning', 'Chance (random masks)']);
  // The two controls differ in colour and in dash, on the main chart and in the small multiples.
  const lineStyle = (root: string, name: string) =>
    page.locator(`${root} [data-series="${name}"] path, ${root} path[data-series="${name}"]`).first().evaluate((p) => [p.getAttribute('stroke'), p.getAttribute('stroke-dasharray')]);
  const reinitStyle = await lineStyle('.lottery-chart', 'Random reinit');
  const pruneStyle = await lineStyle('.lottery-chart', 'Random pruning');
  expect(reinitStyle[0]).not.toBe(pruneStyle[0]);
  expect(reinitStyle[1]).not.toBe(pruneStyle[1]);
  expect(await lineStyle('.lottery-curves', 'Random reinit')).toEqual(reinitStyle);
  expect(await lineStyle('.lottery-curves', 'Random pruning')).toEqual(pruneStyle);
  await expect(page.locator('.chart-card__title', { hasText: 'Training curves per round' })).toBeVisible();
  await expect(page.locator('.lottery-curves__panel')).toHaveCount(3);
  const roundSlider = page.getByRole('slider', { name: /Round/ });
  await expect(roundSlider).toHaveValue('2');
  await roundSlider.fill('1');
  await expect(page.locator('.lottery-heatmap__summary')).toContainText(/^Round 1, Rewind to init: 50\.\d% of the first layer kept/);
  await expect(page.getByText('Renda, Frankle & Carbin', { exact: false }).first()).toBeVisible();

  // The chart keys (src/shared/charts/keyboard.ts): down and up change variant at the same round,
  // End goes to the variant's last round, Escape clears; the screen reader hears each point.
  const plot = page.locator('.lottery-chart svg[role="img"]');
  const live = page.locator('.lottery-chart .lottery-plot__live');
  await expect(plot).toHaveAccessibleName(/up and down arrow keys change series/);
  await plot.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText(/^Random reinit: Round 1: 50\.\d% of weights left/);
  await page.keyboard.press('End');
  await expect(live).toHaveText(/^Random reinit: Round 2: 25\.\d% of weights left/);
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText(/^Rewind to init: Round 2: 25\.\d% of weights left/);
  await page.keyboard.press('Escape');
  await expect(live).toHaveText('');

  // Keyboard read-out of a point.
  await page.locator('.lottery-chart svg[role="img"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lottery-chart .lottery-plot__live')).toContainText(/Rewind to init: Round 1: 50\.\d% of weights left, test accuracy/);

  // "Ticket of round" starts on the round the headline figure quotes.
  const headline = await page.locator('.lottery-ticket__figure', { hasText: 'Ticket (rewind to init)' }).locator('.lottery-ticket__detail').textContent();
  await expect(page.getByLabel('Ticket of round')).toHaveValue(headline!.match(/round (\d+)/)![1]);

  // Hand the ticket to the compression lab: the Compress view opens on it and measures it.
  await page.getByRole('button', { name: 'Compress this ticket' }).click();
  await expect(page.getByRole('tab', { name: 'Compress' })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  await expect(page.getByText(/Lottery ticket, round 2 \(25\.\d% of weights\)/)).toBeVisible();
  const ratio = page.getByLabel('Compression ratio', { exact: true });
  await expect(ratio).toHaveText(/\d/, { timeout: 30_000 });
  // 4-bit codes alone give at most 8x; well above that, the ticket's mask was kept and encoded.
  await expect.poll(async () => Number(((await ratio.textContent()) ?? '').replace(/[^\d.]/g, '')), { timeout: 30_000 }).toBeGreaterThan(12);
  await expect(page.getByRole('slider', { name: 'Bit width' })).toHaveAttribute('aria-valuetext', '4 bits');
  // Points are compared with the ticket at float32, and the page calls it that, not "dense".
  await expect(page.getByRole('heading', { name: 'Against the ticket' })).toBeVisible();
  await expect(page.getByText('Ticket (float32) test accuracy')).toBeVisible();

  await page.getByRole('tab', { name: 'Lottery' }).click();
  await page.screenshot({ path: 'test-results/lottery-finished.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('cancel stops a run within a few seconds, and a reload offers to resume it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#v=1&view=lottery&rounds=4&round_epochs=2&subset=10000');
  await page.getByRole('button', { name: 'Find lottery ticket' }).click();
  // Wait until the dense network is done and round 1 is under way.
  await expect(page.getByTestId('lottery-progress-text')).toHaveText(/^Round 1 of 4/, { timeout: 120_000 });
  await expect.poll(() => progressNow(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const cancel = page.getByRole('button', { name: 'Cancel' });
  const before = Date.now();
  await cancel.click();
  await expect(page.getByRole('button', { name: 'Find lottery ticket' })).toBeVisible({ timeout: 10_000 });
  const cancelMs = Date.now() - before;
  expect(cancelMs).toBeLessThan(5_000);
  await expect(page.locator('.lottery-progress')).toContainText(/cancelled at \d+%/);
  // The dense trunk finished before the cancel; its point stays on the chart.
  await page.locator('.lottery-chart').getByText('Show as a table').click();
  await expect(page.locator('.lottery-chart table tbody tr')).toHaveCount(1);

  await page.reload();
  const resume = page.getByRole('button', { name: 'Resume lottery run' });
  await expect(resume).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'interrupted' })).toContainText(/interrupted at \d+% done/);
  await resume.click();
  // The trunk comes back from storage at once (no retraining), then the run goes on.
  await expect(page.getByText('Dense model: ', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('lottery-progress-text')).toHaveText(/^Round 1 of 4/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Find lottery ticket' })).toBeVisible({ timeout: 10_000 });

  // Other settings: the saved run is named, not offered with these.
  await page.getByLabel('Rounds', { exact: true }).fill('3');
  await expect(page.getByText(/used other settings/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume lottery run' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Discard saved run' }).click();
  await expect(page.getByText(/used other settings/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the rewinding variants: k = 0 is refused from a link, the constant-rate tie is explained, and a step-decay run draws four different variants', async ({ page }) => {
  const errors = collectErrors(page);
  // 20 iterations a round; k = 0 from the link would make "Rewind to iteration k" rewind to init.
  await page.goto(
    '/#v=1&view=lottery&rounds=2&prune_rate=0.5&prune_rate_out=0.25&round_epochs=1&subset=1200&rewind_k=0&variants=rewind_init,rewind_k,lr_rewind,finetune',
  );
  const notice = page.getByRole('status').filter({ hasText: 'could not use' });
  await expect(notice).toContainText('Ignored rewind_k=0: must be auto or a whole number of iterations from 1 (at k = 0 "Rewind to iteration k" would be "Rewind to init"); using auto.');
  const k = page.getByLabel('Rewind iteration k');
  await expect(k).toHaveValue('');
  await expect(k).toHaveAttribute('placeholder', 'auto (k = 1, 2% of a round)');
  await expect(page.getByText(/retrain iterations 1 to 20\. k starts at 1: at 0, rewinding to k would be rewinding to init\./)).toBeVisible();
  await k.fill('0');
  await expect(page.getByText('Rewind iteration k must be from 1 to 19.')).toBeVisible();
  await k.fill('');

  // Adam at a constant rate: LR rewinding and fine-tuning would be the same run, and the page says so.
  const tie = page.getByText(/With a constant learning rate, LR rewinding and fine-tuning are the same run/);
  await expect(tie).toBeVisible();
  await page.getByLabel('Training', { exact: true }).selectOption({ label: 'SGD with momentum, step decay' });
  await expect(tie).toHaveCount(0);
  await expect(page.getByText(/LeNet-300-100 on MNIST, SGD with momentum, step decay, batch 60/)).toBeVisible();
  await expect(page).toHaveURL(/recipe=sgd_step/);

  await page.getByRole('button', { name: 'Find lottery ticket' }).click();
  await expect(page.locator('.lottery-progress .progress__right')).toContainText('finished', { timeout: 150_000 });
  await expect.poll(() => seriesDrawn(page)).toEqual(['Rewind to init', 'Rewind to iteration k', 'LR rewinding', 'Fine-tuning']);
  await expect(page.locator('.lottery-chart .frontier-chart__summary')).toContainText(/rewinding to iteration k \d+\.\d\d%; LR rewinding \d+\.\d\d%; fine-tuning \d+\.\d\d%\.$/);
  // Under a step decay the two retrain differently, so their rounds end apart.
  await page.locator('.lottery-chart').getByText('Show as a table').click();
  const cells = await page.locator('.lottery-chart table tbody tr').evaluateAll((rows) => rows.slice(1).map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent)));
  const header = await page.locator('.lottery-chart table thead th').allTextContents();
  const lr = header.indexOf('LR rewinding') - 1;
  const ft = header.indexOf('Fine-tuning') - 1;
  expect(cells.some((row) => row[lr] !== row[ft]), JSON.stringify({ header, cells })).toBe(true);

  const overlap = page.locator('.lottery-small-chart', { has: page.locator('.chart-card__title', { hasText: 'Which weights survive' }) });
  await expect
    .poll(() => overlap.locator('.lottery-plot__series').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series'))))
    .toEqual(['Ticket vs one-shot pruning', 'Rewind to iteration k', 'LR rewinding', 'Fine-tuning', 'Chance (random masks)']);
  // The rewound rounds retrain iterations 1..20 of the trunk's order: their early stop is read on that clock.
  // The chart keys (src/shared/charts/keyboard.ts): End is the ticket's last round, and three steps
  // down the legend (iteration k, LR rewinding, fine-tuning) land on fine-tuning's same round.
  // The small charts take new rounds on their own beat (up to a second later): wait for the last.
  const earlyStop = page.locator('.lottery-small-chart', { has: page.locator('.chart-card__title', { hasText: 'Early-stopping iteration' }) });
  await expect(earlyStop.locator('.lottery-plot__series[data-series="Fine-tuning"] circle')).toHaveCount(2);
  await earlyStop.locator('svg[role="img"]').focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('.lottery-small-chart .lottery-plot__live').first()).toContainText(/Fine-tuning: Round 2, .* of 20; this round retrained from iteration 1/);
  await page.screenshot({ path: 'test-results/lottery-rewinding.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  // Open every table: even the widest (four variants, overlap with chance) scrolls inside its card.
  for (const summary of await page.getByText('Show as a table').all()) {
    if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
  }
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/lottery-rewinding-375.png', fullPage: true });
  expect(errors).toEqual([]);
});
