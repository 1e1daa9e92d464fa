import { expect, test, type Browser, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

// A Compress link: train LeNet-300-100 for one epoch with seed 7, then 90% pruning at 4 bits.
const LINK = '/#v=1&view=compress&epochs=1&seed=7&sparsity=0.9&bits=4';
const AUTO_RERUN_KEY = 'compression-playground:always-rerun-links';

interface Figures {
  testAccuracy: string;
  compressedBytes: string;
  compressedAccuracy: string;
  backend: string;
}

/** Waits for the rerun banner's final sentence (read cheaply, once a second) and parses it. */
async function rerunFigures(page: Page): Promise<Figures> {
  const text = await page.waitForFunction(
    () => {
      const said = document.querySelector('[data-testid="rerun-status"]')?.textContent ?? '';
      if (document.querySelector('.progress--error') || said.includes('stopped')) return `failed: ${said}`;
      return said.includes('Compressed with the link') ? said : false;
    },
    null,
    { timeout: 170_000, polling: 1000 },
  );
  const said = (await text.jsonValue()) as string;
  const m = /Rerun finished: ([\d.]+)% test accuracy on the (\w+) backend.*Compressed with the link's settings: ([\d,]+) bytes .*?, ([\d.]+)% test accuracy/.exec(said);
  expect(m, said).not.toBeNull();
  return { testAccuracy: m![1], backend: m![2], compressedBytes: m![3], compressedAccuracy: m![4] };
}

async function openInFreshContext(browser: Browser, alwaysRerun: boolean) {
  const context = await browser.newContext();
  if (alwaysRerun) await context.addInitScript((key) => window.localStorage.setItem(key, '1'), AUTO_RERUN_KEY);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(LINK);
  return { context, page, errors };
}

test('the same link rerun in two fresh browsers gives the same test accuracy and compressed size', async ({ browser }) => {
  // First reader: the banner offers the rerun; one click runs it.
  const first = await openInFreshContext(browser, false);
  const banner = first.page.getByRole('region', { name: 'Shared experiment' });
  await expect(banner).toContainText('LeNet-300-100 on MNIST digits, 1 epoch of Adam (learning rate 0.0012, batch 60), seed 7');
  await expect(banner).toContainText('then compressed: 90.0% pruned (global magnitude), 4 bits');
  await expect(banner.getByRole('checkbox', { name: 'Always rerun shared links' })).not.toBeChecked();
  await first.page.screenshot({ path: 'test-results/rerun-offer.png' });
  await banner.getByRole('button', { name: 'Rerun this experiment' }).click();
  await expect(first.page.getByTestId('rerun-status')).toContainText('Rerunning the shared experiment with seed 7');
  const a = await rerunFigures(first.page);
  await first.page.screenshot({ path: 'test-results/rerun-done.png' });
  // Ticking the box stores the choice for the next link; it does not start another run now.
  await first.page.getByRole('checkbox', { name: 'Always rerun shared links' }).check();
  expect(await first.page.evaluate((key) => window.localStorage.getItem(key), AUTO_RERUN_KEY)).toBe('1');
  await expect(first.page.getByTestId('rerun-status')).toContainText('Rerun finished');
  expect(first.errors).toEqual([]);
  await first.context.close();

  // Second reader chose "Always rerun shared links" earlier: the link reruns by itself.
  const second = await openInFreshContext(browser, true);
  await expect(second.page.getByRole('checkbox', { name: 'Always rerun shared links' })).toBeChecked();
  await expect(second.page.getByTestId('rerun-status')).toContainText('Rerunning', { timeout: 30_000 });
  const b = await rerunFigures(second.page);
  expect(second.errors).toEqual([]);
  await second.context.close();

  // The figures, for the report (the list reporter prints them).
  console.log(`determinism: ${JSON.stringify(a)} / ${JSON.stringify(b)}`);
  expect(a.backend).toBe('wasm');
  expect(b.backend).toBe(a.backend);
  expect(Number(a.testAccuracy)).toBeGreaterThan(90);
  // Percent with two decimals is the fraction to four: identical, not merely close.
  expect(b.testAccuracy).toBe(a.testAccuracy);
  expect(b.compressedBytes).toBe(a.compressedBytes);
  expect(b.compressedAccuracy).toBe(a.compressedAccuracy);
});
