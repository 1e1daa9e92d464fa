// tfjs's wasm backend for engine tests in Node (the plain-JavaScript cpu backend needs minutes
// for convolutions), single-threaded as in most browsers here; the backend before is restored
// after the file so other tests in the same worker keep theirs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll } from 'vitest';

const require = createRequire(import.meta.url);

/** Points tfjs at the package's .wasm files (once per test file). */
export function registerWasmPaths(): void {
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
