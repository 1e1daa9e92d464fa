import { expect, test } from '@playwright/test';
import { collectErrors, percentOf, transferRowsOf } from './helpers';

test('transfer view: pretrain on digits 0-4, learn 5-9 from 10 and 100 labels three ways', async ({ page }) => {
  test.setTimeout(420_000);
  const errors = collectErrors(page);
  await page.goto('/#view=transfer');
  await expect(page.getByRole('tab', { name: 'Transfer' })).toHaveAttribute('aria-selected', 'true');
  const slider = page.getByRole('slider', { name: 'Labelled examples' });
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
    const { ten, hundred } = await transferRowsOf(rows, method);
    // 5 classes: chance is 20%; real labels do better, and more labels better still.
    expect(ten).toBeGreaterThan(25);
    expect(hundred).toBeGreaterThan(ten);
  }
  await expect(page.getByRole('figure', { name: /Accuracy vs labelled examples/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Accuracy vs training compute/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run the three methods' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/transfer-view.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('transfer view: the keyboard picks MNIST digits → Fashion-MNIST, which learns the ten clothing classes', async ({ page }) => {
  test.setTimeout(420_000);
  const errors = collectErrors(page);
  await page.goto('/#view=transfer');
  const digits = page.getByRole('radio', { name: /^MNIST digits 0-4 → digits 5-9/ });
  const fashion = page.getByRole('radio', { name: /^MNIST digits → Fashion-MNIST/ });
  await expect(page.getByRole('group', { name: 'Transfer task' })).toBeVisible();
  await expect(digits).toBeChecked();
  // Arrow keys move through a radio group: no mouse needed.
  await digits.focus();
  await page.keyboard.press('ArrowDown');
  await expect(fashion).toBeChecked();
  await expect(fashion).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('transfer_task=fashion');
  await expect(page.getByText('Source: all ten MNIST digits (pretrained once). Target: Fashion-MNIST clothes, learned from few labels.')).toBeVisible();

  const slider = page.getByRole('slider', { name: 'Labelled examples' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '10 labelled examples of Fashion-MNIST clothes');
  await page.getByRole('button', { name: 'Run the three methods' }).click();
  // Fashion-MNIST is downloaded only now, for this task.
  await expect(page.getByRole('status').filter({ hasText: /Fashion-MNIST|Pretraining/ })).toBeVisible({ timeout: 60_000 });

  const rows = page.locator('.transfer-view__table tbody tr');
  await expect(rows).toHaveCount(3, { timeout: 360_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Done: 3 runs measured.' })).toBeVisible();
  await expect(page.getByText(/Pretrained on [\d,]+ images of all ten MNIST digits: [\d.]+% on their test images/)).toBeVisible();
  const chart = page.getByRole('figure', { name: /Accuracy vs labelled examples Fashion-MNIST clothes, test set/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg path[stroke]')).toHaveCount(3);
  await expect(page.getByRole('figure', { name: /Accuracy vs training compute Fashion-MNIST clothes/ })).toBeVisible();
  await expect(page.locator('.transfer-view__table caption')).toHaveText(/accuracy on the 9,988 test images of Fashion-MNIST clothes/);
  for (const method of ['From scratch', 'Frozen extractor + new head', 'Full fine-tuning']) {
    const cells = await rows.filter({ hasText: method }).locator('td').allTextContents();
    expect(cells[0]).toBe('10');
    // Ten classes: chance is 10%. Ten labels of clothes measured 41-48% in Node.
    expect(percentOf(cells[2])).toBeGreaterThan(20);
  }
  const explain = page.getByRole('region', { name: 'What transfers' });
  await expect(explain.getByRole('heading', { name: 'What transfers: MNIST digits → Fashion-MNIST' })).toBeVisible();
  await expect(explain.getByText(/^10 labels: from scratch [\d.]+%, frozen extractor [\d.]+% \([\d.]+ points (above|below) scratch\)/)).toBeVisible();
  await page.screenshot({ path: 'test-results/transfer-fashion.png', fullPage: true });

  // Back to the digits task: its own results, none of Fashion's.
  await digits.check();
  await expect(rows).toHaveCount(0);
  await expect(page.getByText(/learns digits 0-4, then digits 5-9 are learned/)).toBeVisible();
  expect(errors).toEqual([]);
});
