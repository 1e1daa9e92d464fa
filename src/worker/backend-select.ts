// Chooses the tfjs backend for this machine and says why, in a sentence for the page.
// WebGL only wins when a real GPU renders it: on a software rasteriser (SwiftShader, llvmpipe)
// WebAssembly SIMD trains several times faster (see README, Results).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice } from '../engine/spec/types';
import { loadAdamKernel } from './adam-loader';
import type { BackendInfo, BackendName } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
// Threaded wasm stays off. It needs cross-origin isolation (COOP/COEP), a CSP that allows blob:
// workers and scripts (its pthreads start from blob URLs), and an unminified worker bundle (the
// minified factory's toString() names variables the blob does not have: "e is not defined").
// The fused Adam (training/wasm_adam.ts) cannot bind to its shared memory either. Measured with
// all that on this shared 2-core machine, LeNet-300-100 at batch 60: 2 threads 3,166 samples/s,
// one thread with the fused Adam 3,746 and 4,783 in the runs around it (reports/train-speed.json;
// an earlier pair: 1,197-1,437 against 3,683-4,077).
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

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    if (name === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return `${name} did not initialise`;
    if (name === 'wasm') await loadAdamKernel();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function shortRenderer(renderer?: string): string {
  if (!renderer) return 'unknown renderer';
  if (/swiftshader/i.test(renderer)) return 'SwiftShader, a software renderer';
  if (/llvmpipe/i.test(renderer)) return 'llvmpipe, a software renderer';
  return renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer;
}

/** The order to try, and the reason to give if the first one starts. */
function plan(choice: BackendChoice, probe: WebglProbe): { order: BackendName[]; reason: string } {
  if (choice !== 'auto') {
    return { order: [choice, ...(['wasm', 'cpu'] as const).filter((b) => b !== choice)], reason: 'You chose this backend.' };
  }
  if (probe.available && !probe.software) {
    return { order: ['webgl', 'wasm', 'cpu'], reason: `A GPU renders WebGL here (${shortRenderer(probe.renderer)}), the fastest backend for training.` };
  }
  if (probe.available) {
    return { order: ['wasm', 'cpu'], reason: `WebGL is drawn in software here (${shortRenderer(probe.renderer)}), so WebAssembly with SIMD trains faster.` };
  }
  return { order: ['wasm', 'cpu'], reason: 'WebGL is not available in this browser, so WebAssembly with SIMD runs.' };
}

export async function selectBackend(choice: BackendChoice): Promise<BackendInfo> {
  const probe = probeWebgl();
  const { order, reason } = plan(choice, probe);
  const failures: string[] = [];
  for (const name of order) {
    const error = await trySetBackend(name);
    if (error === null) {
      const first = name === order[0];
      const why = first ? reason : `${failures.join(' ')} Falling back to ${name}${name === 'cpu' ? ' (plain JavaScript, the slowest)' : ''}.`;
      return { name, choice, reason: why, renderer: probe.renderer, softwareWebgl: probe.software };
    }
    failures.push(`${name} failed to start (${error}).`);
  }
  throw new Error(`No TensorFlow.js backend could start here: ${failures.join(' ')}`);
}
