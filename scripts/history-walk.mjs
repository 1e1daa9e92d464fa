// The History load scenario, shared by `npm run bench` (scripts/bench-page.mjs, which counts the
// long tasks as a goal) and e2e/history-load.spec.ts (which checks the list still works): with
// the panel open on `runs` kept runs, the mouse wheel scrolls the list to the bottom, the
// keyboard walks it from the newest run to the oldest with Page Down, and the mouse runs over
// the rows. Returns the page's clock at each phase, to split the long tasks by phase.

const now = (page) => page.evaluate(() => performance.now());

/**
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Locator} list the "Kept runs" list
 * @param {number} runs how many runs it holds
 * @param {{ afterWheel?: () => Promise<void>, afterKeys?: () => Promise<void> }} [checks] assertions between phases
 */
export async function walkHistoryList(page, list, runs, checks = {}) {
  const scroller = list.locator('xpath=..');
  const box = await scroller.boundingBox();
  // Wheel: from the top to the oldest run. The loop's own check must cost the page nothing (a
  // role query walks the whole dialog), so it reads one element's scroll position.
  const wheelStart = await now(page);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  const handle = await scroller.elementHandle();
  const atBottom = () => handle.evaluate((e) => e.scrollTop + e.clientHeight >= e.scrollHeight - 1);
  let wheels = 0;
  while (!(await atBottom()) && wheels < 300) {
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(30);
    wheels++;
  }
  await checks.afterWheel?.();

  // Keyboard: Home to the newest run, then Page Down until the oldest has the focus.
  const keysStart = await now(page);
  await list.getByRole('checkbox').last().focus();
  await page.keyboard.press('Home');
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[aria-posinset]')?.getAttribute('aria-posinset'));
  let pageDowns = 0;
  // Focus used to leave the list here (about one walk in three): a Page Down pressed before the
  // scroll event of Home had redrawn the rows removed the focused row. Should it happen again, it
  // is put back on a visible row and counted, so the bench still finishes and e2e/history-load
  // fails on `focusLost`.
  let focusLost = 0;
  while (pageDowns < 1200) {
    const row = await focusedRow();
    if (row === String(runs)) break;
    if (row == null) {
      focusLost++;
      await list.getByRole('checkbox').first().focus();
    }
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(20);
    pageDowns++;
  }
  await checks.afterKeys?.();

  // Hover: the mouse runs over the visible rows and their buttons, up and down.
  const hoverStart = await now(page);
  for (let i = 0; i <= 80; i++) {
    const y = box.y + 10 + ((Math.min(box.height, 780 - box.y) - 20) * Math.abs(((i * 7) % 80) - 40)) / 40;
    await page.mouse.move(box.x + 20 + ((box.width - 40) * (i % 9)) / 8, Math.min(y, 790));
    await page.waitForTimeout(16);
  }
  const end = await now(page);
  return { wheelStart, keysStart, hoverStart, end, wheels, pageDowns, focusLost, hoverMoves: 81 };
}
