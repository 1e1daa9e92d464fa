// tfjs's wasm backend (with the fused Adam kernel the worker loads) for engine tests in Node (the plain-JavaScript cpu backend needs minutes
// for convolutions), single-threaded as in most browsers here; the backend before is restored
// after the file so other tests in the same worker keep theirs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll } from 'vitest';
import { setAdamKernelBinder } from '../src/engine/training/adam_kernel';
import { adamBinderOf } from '../src/worker/adam-binder';

const require = createRequire(import.meta.url);

/** Points tfjs at the package's .wasm files (once per test file). */
export function registerWasmPaths(): void {
  loadAdamKernel();
  setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
}

/** Runs the calling test file on the wasm backend, restoring the previous backend afterwards. */
export function useWasmBackend(): void {
  registerWasmPaths();
  let before = '';
  beforeAll(async () => {
    before = tf.getBackend();
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterAll(async () => void (before && (await tf.setBackend(before))));
}

/** The fused Adam kernel (build/wasm/adam.wasm) as the worker loads it, so wasm tests run the
 * optimizer the page runs. */
export function loadAdamKernel(): void {
  const file = join(import.meta.dirname, '..', 'build', 'wasm', 'adam.wasm');
  setAdamKernelBinder(adamBinderOf(new WebAssembly.Module(readFileSync(file))));
}
