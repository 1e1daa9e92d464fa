import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

// Headless Debian Chromium offers a WebGPU adapter (SwiftShader, drawn in software) only with
// this flag; the rest of the suite runs without it, where WebGPU is skipped as unavailable.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--enable-unsafe-webgpu'],
  },
});

const NAMES = { WebAssembly: 'wasm', WebGL: 'webgl', WebGPU: 'webgpu' } as const;

test('the automatic choice runs the fastest backend measured, shows the figures, and WebGPU can be chosen', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const backend = page.getByLabel('Backend', { exact: true });
  await expect(backend).toHaveText(/^(wasm|webgl|webgpu)$/, { timeout: 60_000 });
  await page.getByText('Measured speeds', { exact: true }).click();
  const rows = page.getByRole('table', { name: 'Measured training speed per backend' }).locator('tbody tr');
  const measured: Record<string, number> = {};
  const skipped: Record<string, string> = {};
  for (const row of await rows.all()) {
    const name = (await row.locator('th').innerText()).replace(' (running)', '') as keyof typeof NAMES;
    const cell = await row.locator('td').innerText();
    if (cell.startsWith('skipped')) skipped[NAMES[name]] = cell;
    else measured[NAMES[name]] = Number(cell.replace(/,/g, ''));
  }
  console.log('measured samples/s', JSON.stringify(measured), 'skipped', JSON.stringify(skipped));
  expect(Object.keys(measured)).toContain('wasm');
  expect(measured.wasm).toBeGreaterThan(0);
  // The software WebGPU adapter is found (the flag works) and skipped with its reason.
  expect(skipped.webgpu).toMatch(/drawn in software \(.*swiftshader/i);
  const fastest = Object.entries(measured).sort((a, b) => b[1] - a[1])[0][0];
  await expect(backend).toHaveText(fastest);
  await expect(page.locator('#backend-reason')).toContainText('fastest');

  // The override still starts WebGPU itself.
  await page.getByLabel('Backend override').selectOption('webgpu');
  await expect(backend).toHaveText('webgpu', { timeout: 30_000 });
  await expect(page.locator('#backend-reason')).toHaveText('You chose this backend.');
  expect(errors).toEqual([]);
});
