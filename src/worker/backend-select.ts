// Chooses the tfjs backend for this machine and says why, in a sentence for the page: the
// person's override, or the backend that trained the model fastest when timed on this device
// (backend-measure.ts; on a software rasteriser such as SwiftShader WebAssembly SIMD wins by
// far, see README, Results). The rule itself is backend-choice.ts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { MNIST_DEFAULTS } from '../engine/spec/defaults';
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import { backendLabel, planBackend, stillValid } from './backend-choice';
import { measureBackends, releaseLosers } from './backend-measure';
import { deviceKey, recallTimings, rememberTimings } from './backend-memory';
import { probeWebgpu, trySetBackend } from './backend-start';
import type { BackendInfo, BackendName, BackendTimings } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
// Threaded wasm needs cross-origin isolation and breaks in a minified Vite build; on two cores
// it gave no speed-up anyway.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export interface WebglProbe {
  available: boolean;
  renderer?: string;
  software?: boolean;
}

/** Asks a throwaway WebGL2 context which renderer draws it. */
export function probeWebgl(): WebglProbe {
  try {
    if (typeof OffscreenCanvas === 'undefined') return { available: false };
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { available: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer, software: SOFTWARE_RENDERER.test(renderer) };
  } catch {
    return { available: false };
  }
}

const MODEL_NAMES: Record<string, string> = { lenet_300_100: 'LeNet-300-100', lenet5: 'LeNet-5' };
/** Remembered timings are measured again after a month (browsers and drivers update). */
const REMEMBER_MS = 30 * 24 * 3600 * 1000;
/** Timed training steps in all, over every candidate (start-up and warm-up come on top). */
const MEASURE_MS = 900;

/** A WebGPU adapter drawn in software (SwiftShader) trains correctly but about 55x slower than
 * WebAssembly (README, Results: 44 against 2,440 samples/s), and timing it at start-up would keep
 * the CPU busy; so the automatic choice leaves it out, and the override still offers it. */
function softwareWebgpu(adapter?: string): string | null {
  return adapter && SOFTWARE_RENDERER.test(adapter) ? `its adapter is drawn in software (${adapter}), where it trained about 55x slower than WebAssembly` : null;
}

/** This device's timings of `spec`'s model: remembered, or measured now and remembered. */
async function timingsFor(spec: TrainSpec, probe: WebglProbe): Promise<BackendTimings> {
  const webgpu = await probeWebgpu();
  const candidates: { name: BackendName; missing: string | null }[] = [
    // WebAssembly first: timed after a software GPU backend (SwiftShader) it measured 10x slow,
    // that backend's threads still busy. WebGL before WebGPU: started after WebGPU in headless
    // Chromium it failed ("WebGL is not supported on this device").
    { name: 'wasm', missing: null },
    // WebGL drawn in software was 8x slower than wasm in every timing, and once timed it left
    // the page's training 1.7x slower and its main thread with 27 long tasks instead of 10.
    { name: 'webgl', missing: !probe.available ? 'this browser has no WebGL2' : probe.software ? `it is drawn in software (${probe.renderer ?? 'unknown renderer'})` : null },
    { name: 'webgpu', missing: webgpu.missing ?? softwareWebgpu(webgpu.adapter) },
  ];
  const key = deviceKey({ model: spec.model, webglRenderer: probe.renderer, webgpuAdapter: webgpu.adapter });
  const remembered = await recallTimings(key);
  const names = candidates.filter((c) => c.missing === null).map((c) => c.name);
  if (stillValid(remembered, names, Date.now(), REMEMBER_MS)) return { ...remembered, remembered: true };
  const measured = await measureBackends(candidates, spec, MEASURE_MS);
  const timings: BackendTimings = { model: MODEL_NAMES[spec.model] ?? spec.model, batchSize: spec.batchSize, measured, at: Date.now(), remembered: false };
  await rememberTimings(key, timings);
  return timings;
}

/** Starts the backend the person chose, or with 'auto' the fastest measured for `spec`'s model
 * (MNIST-shaped models only; the 2-D sets are too small for the backend to matter). */
export async function selectBackend(choice: BackendChoice, spec: TrainSpec = MNIST_DEFAULTS): Promise<BackendInfo> {
  const probe = probeWebgl();
  const timings = choice === 'auto' ? await timingsFor(spec, probe) : null;
  const { order, reason } = planBackend(choice, timings);
  const failures: string[] = [];
  for (const name of order) {
    const error = await trySetBackend(name);
    if (error === null) {
      if (timings) releaseLosers(timings.measured, name);
      const first = name === order[0];
      const why = first ? reason : `${failures.join(' ')} Falling back to ${backendLabel(name)}.`;
      return { name, choice, reason: why, renderer: probe.renderer, softwareWebgl: probe.software, ...(timings ? { timings } : {}) };
    }
    failures.push(`${backendLabel(name)} failed to start (${error}).`);
  }
  throw new Error(`No TensorFlow.js backend could start here: ${failures.join(' ')}`);
}
