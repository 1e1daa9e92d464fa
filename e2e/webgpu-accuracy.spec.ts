import { expect, test } from '@playwright/test';
import type { AccuracyCheck } from '../src/worker/backend-accuracy';

// WebGPU's correctness: one epoch with the same seed on WebGPU and on WebAssembly must reach the
// same test accuracy to within 0.5 points (issue 19.5). Headless Chromium offers a WebGPU adapter
// here only with --enable-unsafe-webgpu, drawn in software (SwiftShader), where WebGPU trains
// about 100x slower than WebAssembly: so the epoch is over the first 3,000 training images (30
// steps of 100), tested on all 10,000 test images, through the page's own training session.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--enable-unsafe-webgpu'],
  },
});

const SEED = 7;
const BATCH = 100;
const IMAGES = 3000;

test('one epoch on WebGPU reaches the same test accuracy as on WebAssembly (within 0.5 points)', async ({ page }) => {
  test.setTimeout(600_000);
  const workerLog: string[] = [];
  page.on('worker', (w) => w.on('console', (m) => workerLog.push(m.text())));
  await page.goto('/bench.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const run = (backend: 'wasm' | 'webgpu') =>
    page.evaluate(
      ([b, seed, batch, images]) =>
        (window as unknown as { runBackendCheck(...a: unknown[]): Promise<AccuracyCheck> }).runBackendCheck(b, seed, batch, images),
      [backend, SEED, BATCH, IMAGES] as const,
    );

  const wasm = await run('wasm');
  const webgpu = await run('webgpu');
  console.log('wasm', JSON.stringify(wasm), 'webgpu', JSON.stringify(webgpu));
  expect(wasm.backend).toBe('wasm');
  // It trained on WebGPU to the end: no fallback to another backend on the way.
  expect(webgpu.fellBack).toBeNull();
  expect(webgpu.backend).toBe('webgpu');
  expect(webgpu.steps).toBe(wasm.steps);
  expect(wasm.steps).toBe(IMAGES / BATCH);
  // It learned (10 classes: chance is 10%), and the two agree.
  expect(wasm.testAccuracy).toBeGreaterThan(0.8);
  expect(Math.abs(webgpu.testAccuracy! - wasm.testAccuracy!) * 100).toBeLessThanOrEqual(0.5);
  // tfjs's blocking readback on WebGPU draws through a canvas that loses the device here.
  expect(workerLog.filter((t) => /synchronously reading data from GPU/.test(t))).toEqual([]);
});
