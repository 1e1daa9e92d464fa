import { expect, test } from '@playwright/test';
import { collectErrors, percentOf } from './helpers';

test('transfer view: pretrain on digits 0-4, learn 5-9 from 10 and 100 labels three ways', async ({ page }) => {
  test.setTimeout(420_000);
  const errors = collectErrors(page);
  await page.goto('/#view=transfer');
  await expect(page.getByRole('tab', { name: 'Transfer' })).toHaveAttribute('aria-selected', 'true');
  const slider = page.getByRole('slider', { name: 'Labeled examples' });
  await expect(slider).toHaveAttribute('aria-valuetext', '100 labelled examples of digits 5-9');
  // The keyboard reaches every stop; 100 labels also measures 10, so each method draws a line.
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', '5,000 labelled examples of digits 5-9');
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '10 labelled examples of digits 5-9');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '100 labelled examples of digits 5-9');
  await page.getByRole('button', { name: 'Run the three methods' }).click();
  await expect(page.getByRole('progressbar', { name: 'Transfer progress' })).toBeVisible({ timeout: 30_000 });

  const rows = page.locator('.transfer-view__table tbody tr');
  await expect(rows).toHaveCount(6, { timeout: 360_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Done: 6 runs measured.' })).toBeVisible();
  await expect(page.getByText(/Pretrained on [\d,]+ images of digits 0-4: [\d.]+% on their test images/)).toBeVisible();
  const source = percentOf(await page.getByText(/Pretrained on/).textContent());
  expect(source).toBeGreaterThan(80);
  for (const method of ['From scratch', 'Frozen extractor + new head', 'Full fine-tuning']) {
    const row = rows.filter({ hasText: method });
    await expect(row).toHaveCount(2);
    const [ten, hundred] = await Promise.all([0, 1].map((i) => row.nth(i).locator('td').allTextContents()));
    expect([ten[0], hundred[0]]).toEqual(['10', '100']);
    // 5 classes: chance is 20%; real labels do better, and more labels better still.
    expect(percentOf(ten[2])).toBeGreaterThan(25);
    expect(percentOf(hundred[2])).toBeGreaterThan(percentOf(ten[2]));
    expect(hundred[3]).toMatch(/FLOP$/);
  }
  await expect(page.getByRole('figure', { name: /Accuracy vs labelled examples/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Accuracy vs training compute/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run the three methods' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/transfer-view.png', fullPage: true });
  expect(errors).toEqual([]);
});
