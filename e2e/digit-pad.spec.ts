// "Try it on your own digit" (issue 17 item 4): after one epoch of LeNet-300-100, a stroke drawn
// with the mouse gets both models' class probabilities; moving Sparsity changes the compressed
// column and leaves the dense one; a test image picked by number (and stepped with the arrow
// keys) is read too; the gallery lists what compression broke and is walked from the keyboard.
import { expect, test, type Locator } from '@playwright/test';
import { collectErrors, expectNoStalls, longTasksSince, observeLongTasks, seriousViolations } from './helpers';

const column = (table: Locator, n: number) => table.locator(`tbody tr td:nth-of-type(${n})`).allTextContents();

test('digit pad: draw, follow the sliders, pick a test image, walk the mistakes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await observeLongTasks(page);
  // Big batches train the one epoch in about a tenth of the steps: the pad needs a model, not a good one.
  await page.goto('/#v=1&view=compress&epochs=1&batch=512&sparsity=0.9&bits=4');
  await page.getByRole('button', { name: 'Train a model first' }).click();
  const sparsity = page.getByRole('slider', { name: 'Sparsity' });
  await expect(sparsity).toBeEnabled({ timeout: 120_000 });
  const card = page.getByRole('region', { name: 'Try it on your own digit' });
  const pad = card.getByRole('img', { name: /Drawing pad/ });
  const gallery = card.getByRole('list', { name: 'Test images compression got wrong' });
  // Opened, the gallery of the 90% setting comes in once its full-test-set figure is: then the card holds still.
  await card.getByText('What compression broke: the test images it now gets wrong').click();
  await expect(gallery).toBeVisible({ timeout: 30_000 });
  await pad.scrollIntoViewIfNeeded();
  const table = card.getByRole('table', { name: /Class probabilities/ });
  const verdict = card.locator('.digit-pad__verdict');

  // A "7": a bar and a slanted stroke, drawn with the mouse.
  const box = (await pad.boundingBox())!;
  const to = (fx: number, fy: number) => page.mouse.move(box.x + fx * box.width, box.y + fy * box.height, { steps: 8 });
  const drawStart = await page.evaluate(() => performance.now());
  await to(0.25, 0.2);
  await page.mouse.down();
  await to(0.75, 0.2);
  await to(0.45, 0.85);
  await page.mouse.up();
  await expect(verdict).toHaveText(/^Dense says \d \(\d+(\.\d)?%\); compressed says \d \(\d+(\.\d)?%\)\.$/);
  const dense = await column(table, 1);
  const compressed90 = await column(table, 2);
  expect(dense).toHaveLength(10);
  for (const cell of [...dense, ...compressed90]) expect(cell).toMatch(/^\d+(\.\d)?%$/);
  console.log(`drawn 7: ${await verdict.textContent()}`);
  expectNoStalls(await longTasksSince(page, drawStart), 'drawing a stroke');

  // 90% -> 99%: the compressed column is computed again for the new setting; dense stays.
  const moveStart = await page.evaluate(() => performance.now());
  await sparsity.focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(table.getByRole('columnheader', { name: /^Compressed \(99(\.0)?%, 4 bits\)$/ })).toBeVisible();
  await expect(table.locator('tbody td.digit-pad__cell--waiting')).toHaveCount(0);
  await expect.poll(() => column(table, 2)).not.toEqual(compressed90);
  expect(await column(table, 1)).toEqual(dense);
  expectNoStalls(await longTasksSince(page, moveStart), 'moving Sparsity with a digit on the pad');

  // The keyboard's way: test image 0 by number, then the arrow key to image 1.
  const number = card.getByLabel('Test image number');
  await number.fill('0');
  await expect(card.getByText('Test image 0, labelled 7.')).toBeVisible();
  await expect(verdict).toHaveText(/^Dense says \d .*; compressed says \d/);
  const image0 = await column(table, 1);
  await number.press('ArrowUp');
  await expect(card.getByText('Test image 1, labelled 2.')).toBeVisible();
  await expect.poll(() => column(table, 1)).not.toEqual(image0);
  await number.fill('10000');
  await expect(card.getByText('Pick a whole number from 0 to 9,999.')).toBeVisible();

  // What compression broke at 99% + 4 bits: a keyboard walk, Enter puts the picture on the pad.
  await expect(card.getByRole('columnheader', { name: /^Compressed \(99(\.0)?%/ })).toBeVisible();
  await expect(card.getByText(/At these settings the compressed model gets [\d,]+ of the 10,000 test images wrong that the dense model gets right/)).toBeVisible();
  const thumbs = gallery.getByRole('button');
  expect(await thumbs.count()).toBeGreaterThan(1);
  await thumbs.first().focus();
  await page.keyboard.press('ArrowRight');
  const second = thumbs.nth(1);
  await expect(second).toBeFocused();
  const [, index, label, denseSays, compSays] = /^Test image (\d+), a (\d): dense says (\d), compressed says (\d)$/.exec((await second.getAttribute('aria-label'))!)!;
  expect(denseSays).toBe(label);
  expect(compSays).not.toBe(label);
  await page.keyboard.press('Enter');
  await expect(card.getByText(`Test image ${index}, labelled ${label}.`)).toBeVisible();
  await expect(verdict).toHaveText(new RegExp(`^Dense says ${denseSays} .*; compressed says ${compSays} `));
  expect(await seriousViolations(page), 'compress view with the digit pad filled').toEqual([]);

  await card.screenshot({ path: 'test-results/digit-pad-1280.png' });
  await page.setViewportSize({ width: 375, height: 740 });
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.digit-pad *')).filter((e) => e.getBoundingClientRect().right > 376).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
  expect(wide, 'parts of the card past the right edge of a 375 px screen').toEqual([]);
  await card.getByRole('heading', { name: 'Try it on your own digit' }).scrollIntoViewIfNeeded();
  // Two frames after the resize and the scroll, so the picture is of the settled layout.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: 'test-results/digit-pad-375.png' });
  // The result stays pinned at the top of a phone screen: the table is read under it.
  await page.evaluate(() => window.scrollBy(0, 420));
  await page.screenshot({ path: 'test-results/digit-pad-375-table.png' });
  expect(errors).toEqual([]);
});
