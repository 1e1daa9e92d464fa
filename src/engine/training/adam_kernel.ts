// The fused Adam kernel (assembly/adam.ts, built to build/wasm/adam.wasm). The engine knows no
// WebAssembly API of its own: whoever can load the file (the worker, a test) sets a binder that
// instantiates it on the memory of a tfjs wasm backend. Until one is set, or where it cannot
// bind (the shared memory of threaded wasm), optimizers.ts uses tf.train.adam: same numbers.

export interface AdamKernel {
  adam(
    g: number, w: number, m: number, v: number, out: number, n: number,
    b1: number, c1: number, b2: number, c2: number, oma1: number, oma2: number, eps: number, negRate: number,
  ): void;
}

/** Instantiates the kernel on a backend's WebAssembly.Memory; null when it cannot. */
export type AdamKernelBinder = (memory: object) => AdamKernel | null;

let binder: AdamKernelBinder | null = null;
const bound = new WeakMap<object, AdamKernel | null>();

/** Makes the kernel available to every optimizer created from now on. */
export function setAdamKernelBinder(bind: AdamKernelBinder | null): void {
  binder = bind;
}

/** The kernel bound to `memory` (one instance per memory), or null. */
export function adamKernelFor(memory: object | undefined): AdamKernel | null {
  // A threaded build keeps its memory elsewhere (not among the module's exports).
  if (!binder || typeof memory !== 'object') return null;
  if (!bound.has(memory)) bound.set(memory, binder(memory));
  return bound.get(memory) ?? null;
}
