import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** Presses Tab until the focused element satisfies `want` (keyboard only, as a learner would). */
async function tabUntil(page: Page, want: (el: { tag: string; type: string; text: string }) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', type: (a as HTMLInputElement | null)?.type ?? '', text: (a?.textContent ?? '').trim() };
    });
    if (want(el)) return;
  }
  throw new Error('the wanted control was not reached with Tab');
}

test('a lesson can be walked through with the keyboard alone', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  // Into the tabs with Tab, then along them with the arrow keys to Learn.
  await tabUntil(page, (el) => el.text === 'Train');
  for (let i = 0; i < 8; i++) {
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Learn') break;
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('tab', { name: 'Learn' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Train a baseline' })).toBeVisible();
  await expect(page.getByText('Pruning · step 1 of 6')).toBeVisible();
  // Its measured figures are filled in from reports/ at build time: no "{=id}" reaches the page.
  const step = page.getByRole('article', { name: 'Train a baseline' });
  await expect(step).toContainText(/two hidden layers of 300 and 100 units: \d{3},\d{3} weights and biases/);
  expect(await step.textContent()).not.toContain('{=');

  // A glossary term explains itself on focus and hides on Escape.
  await tabUntil(page, (el) => el.tag === 'BUTTON' && el.text === 'dense model');
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('The trained network before any pruning');
  await page.keyboard.press('Escape');
  await expect(tip).toHaveCount(0);

  // Predict: the radios are one tab stop; the arrow keys choose.
  await tabUntil(page, (el) => el.type === 'radio');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'About one in ten' })).toBeChecked();
  await tabUntil(page, (el) => el.text === 'Lock in my prediction');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'matches what the research found' })).toBeVisible();
  await expect(page.getByText('1 of 1 matched the research')).toBeVisible();

  // The experiment opens in its view; the lesson bar leads back.
  await tabUntil(page, (el) => el.text === 'Open the experiment');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  const dock = page.getByRole('complementary', { name: 'Lesson in progress' });
  await expect(dock).toContainText('Press Train');
  await tabUntil(page, (el) => el.text === 'Back to the lesson');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Learn' })).toHaveAttribute('aria-selected', 'true');

  // On to step 2, guessing wrong this time: the page says what the research found instead.
  await tabUntil(page, (el) => el.text === 'Next step');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Remove half of the weights' })).toBeVisible();
  await tabUntil(page, (el) => el.type === 'radio');
  await page.keyboard.press('Space');
  await tabUntil(page, (el) => el.text === 'Lock in my prediction');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'the research found “barely move”' })).toBeVisible();
  await tabUntil(page, (el) => el.text === 'Open the experiment');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Compress' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => new URL(page.url()).hash).toContain('sparsity=0.5');

  // Progress survives a reload.
  await page.goto('/#view=learn');
  await expect(page.getByText('Pruning · step 2 of 6')).toBeVisible();
  await expect(page.getByText('1 of 2 matched the research')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the first view points a newcomer at the lessons', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const start = page.getByRole('button', { name: 'Start a guided lesson' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Learn' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Pruning · step 1 of 6')).toBeVisible();
  expect(errors).toEqual([]);
});
