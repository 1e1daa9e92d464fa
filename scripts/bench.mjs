// npm run bench: measures the built app in headless Debian Chromium and writes
// reports/bench.json. Training samples/s of LeNet-300-100 on MNIST, per backend and batch size,
// in the engine worker (the same code path as the Train button).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { preview } from 'vite';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'wasm,webgl,cpu').split(',');
const BATCHES = (process.env.BENCH_BATCHES ?? '60,128,512').split(',').map(Number);

const server = await preview({ root, preview: { port: 4174, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
});

const rows = [];
let kernels = [];
try {
  {
    // Compression kernels, in the page's V8 (the worker runs the same code).
    const page = await browser.newPage();
    await page.goto('http://127.0.0.1:4174/bench.html');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    for (const n of [266_200, 10_000_000]) kernels.push(...(await page.evaluate((size) => window.runKernelBench(size), n)));
    await page.close();
  }
  for (const backend of BACKENDS) {
    const page = await browser.newPage();
    await page.goto('http://127.0.0.1:4174/bench.html');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    for (const batchSize of BATCHES) {
      const r = await page.evaluate(([b, n, s]) => window.runTrainingBench(b, n, s), [backend, batchSize, SECONDS]);
      const row = { backend: r.backend.name, requested: backend, batchSize, samplesPerSecond: Math.round(r.samplesPerSecond), steps: r.steps, seconds: +r.seconds.toFixed(2), renderer: r.backend.renderer ?? null };
      rows.push(row);
      console.log(`${row.backend.padEnd(6)} batch ${String(batchSize).padStart(4)}  ${String(row.samplesPerSecond).padStart(7)} samples/s  (${row.steps} steps in ${row.seconds} s)`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

// numpy on the same machine in the same run, where it is installed.
let numpy = [];
try {
  numpy = JSON.parse(execFileSync('python3', [join(root, 'scripts', 'numpy-kernels.py')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
} catch {
  console.log('numpy not available: kernels are reported without a native comparison');
}
kernels = kernels.map((k) => {
  const ref = numpy.find((r) => r.kernel === k.kernel && r.n === k.n);
  return ref ? { ...k, numpyMs: ref.medianMs, vsNumpy: Number((k.medianMs / Math.max(ref.medianMs, 0.01)).toFixed(1)) } : k;
});

const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
  browser: browser.version(),
  model: 'lenet_300_100 (784-300-100-10), Adam, MNIST',
  training: rows,
  kernels,
};
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'bench.json'), JSON.stringify(report, null, 2) + '\n');
console.log('\nbackend  batch  samples/s');
for (const r of rows) console.log(`${r.backend.padEnd(8)} ${String(r.batchSize).padStart(5)}  ${String(r.samplesPerSecond).padStart(9)}`);
console.log('\nkernel                                          weights    ms (browser)  ms (numpy)  ratio');
for (const k of kernels) console.log(`${k.kernel.padEnd(46)} ${String(k.n).padStart(10)} ${String(k.medianMs).padStart(12)} ${String(k.numpyMs ?? '-').padStart(11)} ${k.vsNumpy ? `${k.vsNumpy}x` : ''}`);
console.log('\nwrote reports/bench.json');
