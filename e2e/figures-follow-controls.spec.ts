// A figure shows only with the settings it was measured with. With a trained model in the tab,
// every way of changing the compression settings (pasting a link, a lesson step's "Open the
// experiment", History "Open", a fine-tuned model picked on the chart) must leave the card on the
// figures of what the controls show, never on the previous setting's.
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, percentOf } from './helpers';

const finalState = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 60_000, polling: 100 });

/** The card's figures as text, and the "Weights pruned" the details card measured. */
async function card(page: Page) {
  return {
    accuracy: await page.getByLabel('Test accuracy', { exact: true }).textContent(),
    size: await page.getByLabel('Model size', { exact: true }).textContent(),
    pruned: await page.locator('.compress-details dt', { hasText: 'Weights pruned' }).locator('xpath=following-sibling::dd').textContent(),
  };
}

test('the compress card follows links, lesson steps and History "Open" in a tab that has a model', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await page.goto('/#view=compress&epochs=1');
  await page.getByRole('button', { name: 'Train a model first' }).click();
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toBeEnabled({ timeout: 120_000 });
  await finalState(page);
  const dense = await card(page);
  expect(dense.pruned).toBe('none');

  // 1. A pasted link (the address bar's hash changes in this tab).
  await page.evaluate(() => {
    window.location.hash = '#v=1&view=compress&epochs=1&sparsity=0.9&bits=4';
  });
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toHaveAttribute('aria-valuetext', '90.0% of weights pruned');
  // The card leaves the dense figures at once (it says it is measuring until the new ones come).
  await expect.poll(async () => (await card(page)).pruned).not.toBe('none');
  await finalState(page);
  await page.screenshot({ path: test.info().outputPath('1-after-link.png') });
  const linked = await card(page);
  expect(linked.pruned).toBe('90.0%');
  expect(linked.size).not.toBe(dense.size);
  await expect(page.getByText(/On all 10,000 test images/)).toBeVisible();

  // 2. A lesson step: pruning, "Find the cliff" opens Sparsity 97%.
  await page.getByRole('tab', { name: 'Learn' }).click();
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByRole('heading', { name: 'Find the cliff' })).toBeVisible();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByRole('button', { name: 'Open the experiment' }).click();
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toHaveAttribute('aria-valuetext', '97.0% of weights pruned');
  await finalState(page);
  await page.screenshot({ path: test.info().outputPath('2-after-lesson-step.png') });
  const cliff = await card(page);
  expect(cliff.pruned).toBe('97.0%');
  expect(cliff.size).not.toBe(linked.size);
  // The "now" marker sits on the figure the card shows.
  await expect(page.locator('.frontier-plot__current text')).toHaveText('now');

  // 3. History "Open" of this run brings back the settings it was saved with; the card follows.
  await page.getByRole('button', { name: /^History/ }).click();
  await page.getByRole('button', { name: /^Open / }).first().click();
  // The run's link opens the view it was saved from; its compression settings are the Compress view's.
  await page.getByRole('tab', { name: 'Compress' }).click();
  await finalState(page);
  const reopened = await card(page);
  const slider = await page.getByRole('slider', { name: 'Sparsity' }).getAttribute('aria-valuetext');
  expect(reopened.pruned).toBe(percentOf(slider) === 0 ? 'none' : `${percentOf(slider).toFixed(1)}%`);
  expect(errors).toEqual([]);
});
