// Fetches and compiles the fused Adam kernel (build/wasm/adam.wasm) once, when the wasm backend
// starts. If it cannot load, training runs tf.train.adam instead: the same numbers, slower.
// no-inline: a small file would become a data: URL, which the page's connect-src 'self' refuses.
import adamUrl from '../../build/wasm/adam.wasm?url&no-inline';
import { setAdamKernelBinder } from '../engine/training/adam_kernel';
import { adamBinderOf } from './adam-binder';

let loading: Promise<void> | null = null;

export function loadAdamKernel(): Promise<void> {
  loading ??= fetch(adamUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.arrayBuffer();
    })
    .then((bytes) => WebAssembly.compile(bytes))
    .then((module) => setAdamKernelBinder(adamBinderOf(module)))
    .catch((error: unknown) => {
      loading = null; // a later backend start may try again
      console.warn(`The fused Adam kernel did not load (${String(error)}); training uses tf.train.adam, with the same numbers.`);
    });
  return loading;
}
