import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** Every `securitypolicyviolation` the page sees, from its first script on. */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

function scriptSources(policy: string): string[] {
  const directive = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'script-src');
  return directive ? directive.slice(1) : [];
}

test('the built app sends a Content-Security-Policy without unsafe-eval or inline scripts', async ({ page }) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  for (const policy of [header, meta]) {
    const scripts = scriptSources(policy);
    expect(scripts, policy).toContain("'self'");
    expect(scripts).toContain("'wasm-unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(policy).toMatch(/connect-src 'self'/);
  }
  // The engine worker's script carries the policy too: a <meta> cannot reach into a worker.
  const assets = resolve(import.meta.dirname, '..', process.env.BUILD_OUT ?? 'dist', 'assets');
  const workerFile = readdirSync(assets).find((f) => /^engine\.worker.*\.js$/.test(f));
  expect(workerFile, `no engine worker in ${assets}`).toBeDefined();
  const workerResponse = await page.request.get(`/assets/${workerFile}`);
  expect(workerResponse.ok()).toBe(true);
  expect(workerResponse.headers()['content-security-policy']).toBe(header);
});

test('training and compressing on wasm raise no CSP violation and send nothing to another host', async ({ page, context, baseURL }) => {
  const errors = collectErrors(page);
  await recordCspViolations(page);
  const elsewhere: string[] = [];
  const origin = new URL(baseURL!).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });

  await page.goto('/');
  // tfjs's WebAssembly backend compiles under 'wasm-unsafe-eval' in the worker.
  await expect(page.getByLabel('Backend', { exact: true })).toHaveText(/wasm/i, { timeout: 30_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.progress--done') || document.querySelector('.progress--error'), null, {
    timeout: 150_000,
    polling: 1000,
  });
  await expect(page.locator('.progress--error')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Compress' }).click();
  const sparsity = page.getByRole('slider', { name: 'Sparsity' });
  await expect(sparsity).toBeEnabled({ timeout: 60_000 });
  await sparsity.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Model size', { exact: true })).toHaveText(/\d/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Export as PyTorch script' }).click();
  await expect(page.getByText(/^Saved .*\.py/)).toBeVisible();

  expect(await violations(page)).toEqual([]);
  expect(elsewhere).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a link whose values carry HTML shows them only as text', async ({ page }) => {
  const errors = collectErrors(page);
  await recordCspViolations(page);
  await page.addInitScript(() => {
    (window as unknown as { f: () => void }).f = () => ((window as unknown as { __xss: boolean }).__xss = true);
  });
  const evil = new URLSearchParams([
    ['v', '1'],
    ['seed', '<img src=x onerror=f()>'],
    ['<b onclick=f()>x</b>', '1'],
    ['dataset', '<svg onload=f()>'],
  ]);
  await page.goto(`/#${evil.toString()}`);
  const notice = page.getByRole('status').filter({ hasText: 'could not use' });
  await expect(notice).toContainText('Ignored seed=<img src=x onerror=f()>');
  await expect(notice).toContainText('Ignored unknown setting "<b onclick=f()>x</b>"');
  await expect(notice).toContainText('Ignored dataset=<svg onload=f()>');
  await expect(page.locator('img[src="x"], #root svg[onload], #root b[onclick]')).toHaveCount(0);
  // The controls got the defaults, and the banner describes only checked values.
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('0');
  await expect(page.getByRole('region', { name: 'Shared experiment' })).toContainText('LeNet-300-100 on MNIST digits');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: boolean }).__xss ?? false)).toBe(false);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
