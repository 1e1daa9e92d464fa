// Classroom-ready layout (issue 15): at a laptop's 1280x800 and a phone's 375x800, every view's
// primary action is on screen without scrolling, nothing scrolls sideways, no button or select
// cuts its own text, and axe finds nothing serious. The compress view is also walked with a
// trained model on the phone (mask pictures and the byte table are the widest things it draws).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './helpers';

type View = 'train' | 'compress' | 'lottery' | 'transfer' | 'learn';

/** Each view's primary action, found as a person finds it. */
const ACTIONS: Record<View, (page: Page) => Locator> = {
  train: (page) => page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: 'Train' }),
  compress: (page) => page.getByRole('button', { name: 'Train a model first' }),
  lottery: (page) => page.getByRole('button', { name: 'Find lottery ticket' }),
  transfer: (page) => page.getByRole('button', { name: 'Run the three methods' }),
  learn: (page) => page.getByRole('button', { name: 'Lock in my prediction' }),
};

/** Buttons and selects whose text does not fit their box. A select's text is measured as drawn
 * (its own scrollWidth does not see a cut option), leaving room for the arrow. */
function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, select'))) {
      if (!visible(el) || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}" (${el.scrollWidth} > ${el.clientWidth})`);
      if (el instanceof HTMLSelectElement) {
        const style = getComputedStyle(el);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = el.selectedOptions[0]?.textContent ?? '';
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const needed = canvas.measureText(text).width;
        if (needed > room + 1) out.push(`select "${text}" (${Math.ceil(needed)} > ${Math.floor(room)})`);
      }
    }
    return out;
  });
}

async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

async function checkView(page: Page, view: View, width: number, shots: string): Promise<void> {
  const where = `${view} at ${width}px`;
  if (view !== 'train') await page.getByRole('tab', { name: view[0].toUpperCase() + view.slice(1) }).click();
  await expect(page.locator(`#view-${view}`)).toBeVisible();
  const action = ACTIONS[view](page);
  await expect(action, where).toBeVisible();
  expect(await inViewport(page, action), `${where}: the primary action is on screen without scrolling`).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${where}: no sideways scrolling`).toBe(width);
  // Every tab whole on screen (at 375 px the header used to cut "Learn" to "Le").
  for (const tab of await page.getByRole('tab').all()) expect(await inViewport(page, tab), `${where}: tab ${await tab.textContent()} on screen`).toBe(true);
  expect(await clippedControls(page), `${where}: controls that cut their text`).toEqual([]);
  expect(await seriousViolations(page), where).toEqual([]);
  await page.screenshot({ path: `${shots}/${view}-${width}.png` });
}

for (const width of [1280, 375]) {
  test(`every view at ${width}x800: primary action in view, no sideways scroll, no cut text, axe clean`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    for (const view of Object.keys(ACTIONS) as View[]) await checkView(page, view, width, test.info().outputDir);
  });
}

test('a phone with a trained model: the compress view fits, its tables scroll in their own box with the layer named', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Compress' }).click();
  await ACTIONS.compress(page).click();
  const sparsity = page.getByRole('slider', { name: 'Sparsity' });
  await expect(sparsity).toBeEnabled({ timeout: 120_000 });
  await sparsity.focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(sparsity).toHaveAttribute('aria-valuetext', '90.0% of weights pruned');
  await expect(page.locator('.mask-gallery figcaption')).toContainText(/still feed/, { timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling with the mask pictures').toBe(375);
  // The byte table scrolls inside its box; its first column (the layer) stays in view.
  const table = page.locator('.layer-table__scroll .layer-table').first();
  const scroller = page.locator('.layer-table__scroll').first();
  const firstCell = table.locator('tbody tr').first().locator('th, td').first();
  await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth));
  const cellBox = await firstCell.boundingBox();
  const scrollBox = await scroller.boundingBox();
  expect(cellBox!.x, 'the layer column stays at the left of the scrolled table').toBeGreaterThanOrEqual(scrollBox!.x - 1);
  await expect(table.getByRole('columnheader', { name: 'Total', exact: true })).toBeAttached();
  expect(await clippedControls(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('compress-trained-375.png'), fullPage: true });
});
