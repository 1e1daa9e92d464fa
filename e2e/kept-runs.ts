// The History as the e2e specs drive it: how many runs it has kept (from its button), a run
// trained to the end (the History keeps one more), and the History dialog opened.
import { expect, type Page } from '@playwright/test';

/** Runs kept so far, as the History button says ("History, 2 runs"). */
export async function keptRuns(page: Page): Promise<number> {
  const name = (await page.getByRole('button', { name: /^History/ }).textContent()) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

/** Trains the linked experiment to the end: done when the History has kept one more run. */
export async function trainToEnd(page: Page, timeout = 150_000): Promise<void> {
  const before = await keptRuns(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => keptRuns(page), { timeout }).toBe(before + 1);
  await expect(page.locator('.progress--done')).toHaveCount(1);
}

export async function openHistory(page: Page) {
  await page.getByRole('button', { name: /^History/ }).click();
  const panel = page.getByRole('dialog', { name: 'History' });
  await expect(panel).toBeVisible();
  return panel;
}
