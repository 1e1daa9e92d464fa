// Names in an exported chart (issue 16, item 5): cut with .slice(0, 48), an emoji lost half of
// itself and encodeURIComponent threw; a control character from an imported name made the SVG
// invalid XML. Both ended in "Could not make the PNG image".
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { sampleRun } from '../src/history/sampleRun';
import type { RunRecord } from '../src/history/types';
import { collectErrors } from './helpers';
import { openHistory, seedRuns, unexpected } from './history-seed';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results';

test('a chart of runs named with an emoji at the cut and control characters saves as PNG and as valid SVG', async ({ page }) => {
  const t = Date.UTC(2026, 10, 28, 9);
  // A letter then emoji (two UTF-16 units each): the old 48-unit cut split one in half; a family
  // emoji (one grapheme of seven code points); control characters and a lone surrogate from a file.
  const names = [`x${'😀'.repeat(60)}`, `bell\u0007 nul\u0000 esc\u001b ${'👨‍👩‍👧‍👦'.repeat(30)}`, `lone \ud800 surrogate \u0008`];
  const runs: RunRecord[] = names.map((name, i) => sampleRun(`named-${i}`, t - i * 60_000, { name }));
  await seedRuns(page, runs);
  const errors = collectErrors(page);
  const panel = await openHistory(page, 3);
  for (let i = 0; i < 3; i++) await panel.getByRole('checkbox', { name: /^Compare / }).nth(i).check();
  await expect(panel.locator('figure', { hasText: 'Test accuracy' }).first().locator('.curve-chart__series path')).toHaveCount(3);

  const pngDownload = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Save the Test accuracy chart as PNG' }).click();
  const pngFile = await pngDownload;
  await pngFile.saveAs(`${SHOTS}/history-chart-hostile-names.png`);
  const png = await readFile(await pngFile.path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  const svgDownload = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Save the Test accuracy chart as SVG' }).click();
  const svg = await readFile(await (await svgDownload).path(), 'utf8');
  // A strict XML parser accepts it, and the legend shows whole graphemes.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: Array.from(doc.querySelectorAll('text'), (n) => n.textContent ?? '') };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.texts.some((s) => /^x(😀)+…$/u.test(s))).toBe(true);
  expect(parsed.texts.some((s) => s.includes('bell'))).toBe(true);
  await expect(panel.getByText(/Could not make the (PNG|SVG) image/)).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});
