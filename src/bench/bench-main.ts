// The page `npm run bench` drives: it talks to the same engine worker the playground uses and
// exposes one function on window for the Playwright script to call.
import * as Comlink from 'comlink';
import type { BackendChoice } from '../engine/spec/types';
import type { EngineApi } from '../worker/engine-api';
import { runKernelBench, type KernelTiming } from './kernel-bench';
import { kernelFactory } from '../worker/kernels-loader';

const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
const api = Comlink.wrap<EngineApi>(worker);

declare global {
  interface Window {
    runTrainingBench?: (choice: BackendChoice, batchSize: number, seconds: number) => ReturnType<EngineApi['benchmarkTraining']>;
    runKernelBench?: (n: number) => KernelTiming[];
    runInferenceBench?: (sparsities: number[]) => ReturnType<EngineApi['benchmarkInference']>;
    runBackendCheck?: (...args: Parameters<EngineApi['trainForBackendCheck']>) => ReturnType<EngineApi['trainForBackendCheck']>;
    mountFrontierLoad?: (n: number) => Promise<number>;
    seedHistoryLoad?: (n: number) => Promise<number>;
    mountChartGallery?: () => Promise<void>;
    timeChartRedraws?: () => Promise<unknown>;
  }
}

window.runTrainingBench = (choice, batchSize, seconds) => api.benchmarkTraining(choice, batchSize, seconds);
const kernels = await kernelFactory();
window.runKernelBench = (n) => runKernelBench(n, kernels);
window.runInferenceBench = (sparsities) => api.benchmarkInference(sparsities);
// One epoch on a subset on one backend (e2e/webgpu-accuracy.spec.ts: WebGPU against WebAssembly).
window.runBackendCheck = (...args) => api.trainForBackendCheck(...args);
// React, the store and the chart load only when the load check asks for them.
window.mountFrontierLoad = (n) => import('./frontier-load').then((m) => m.mountFrontierLoad(n));
// The History load check: n realistic runs written through the History's own store.
window.seedHistoryLoad = (n) => import('../history/loadSample').then((m) => m.seedHistory(n));
// Milliseconds per chart redraw (after mountFrontierLoad): the frontier's 5,000 points, a full curve chart.
window.timeChartRedraws = () =>
  import('./redraw-timing').then(async (m) => ({ frontier: await m.timeFrontierRedraws(), curve: await m.timeCurveRedraws() }));
// Every chart on one sheet, for screenshots (scripts/chart-gallery.mjs).
window.mountChartGallery = () => import('./chart-gallery').then((m) => m.mountChartGallery());
document.body.dataset.ready = 'true';
