import { expect, test } from '@playwright/test';
import { seriousViolations } from './helpers';

const VIEWS = ['train', 'compress', 'lottery', 'transfer', 'learn'] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on any view (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.getByRole('tab', { name: 'Train' })).toBeVisible();
    for (const view of VIEWS) {
      const tab = page.getByRole('tab', { name: new RegExp(`^${view}`, 'i') });
      if ((await tab.getAttribute('aria-disabled')) === 'true') continue;
      await tab.click();
      await expect(page.locator(`#view-${view}`)).toBeVisible();
      await expect(page.locator(`#view-${view}`)).not.toHaveAttribute('aria-busy', 'true');
      expect(await seriousViolations(page), `${view} view`).toEqual([]);
    }
  });
}

test('axe finds nothing serious once a model is trained and compressed (charts, tables, live controls)', async ({ page }) => {
  await page.goto('/#view=compress&epochs=1&sparsity=0.9&bits=4');
  const trainFirst = page.getByRole('button', { name: 'Train a model first' });
  await expect(trainFirst).toBeEnabled({ timeout: 30_000 });
  await trainFirst.click();
  await expect(page.getByRole('slider', { name: 'Sparsity' })).toBeEnabled({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('[data-state]')?.getAttribute('data-state') === 'final', null, { timeout: 60_000 });
  expect(await seriousViolations(page), 'compress view, trained').toEqual([]);
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.locator('#view-train')).toBeVisible();
  expect(await seriousViolations(page), 'train view, trained').toEqual([]);
});

test('every view fits a 375 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  for (const view of VIEWS) {
    await page.goto(`/#view=${view}`);
    await expect(page.locator(`#view-${view}, #view-train`).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${view} view scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});
