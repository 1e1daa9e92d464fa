// The WebAssembly kernels (assembly/kernels.ts, built by scripts/build-wasm.mjs) in the worker:
// the module is fetched and compiled once, and every measurement gets a fresh instance, so its
// memory (two networks' weights) goes with it afterwards.
// no-inline: a 2 KB file would become a data: URL, which the page's connect-src 'self' refuses.
import kernelsUrl from '../../build/wasm/kernels.wasm?url&no-inline';
import type { KernelExports, KernelFactory } from '../engine/kernels/types';

let compiled: Promise<WebAssembly.Module> | null = null;

function compiledKernels(): Promise<WebAssembly.Module> {
  compiled ??= fetch(kernelsUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`The WebAssembly kernels could not be loaded (HTTP ${r.status}).`);
      return r.arrayBuffer();
    })
    .then((bytes) => WebAssembly.compile(bytes));
  compiled.catch(() => {
    compiled = null; // a failed load may succeed on the next try
  });
  return compiled;
}

export async function newKernels(): Promise<KernelExports> {
  const instance = await WebAssembly.instantiate(await compiledKernels());
  return instance.exports as unknown as KernelExports;
}

/** Makes instances synchronously once the module is compiled (a worker may instantiate any
 * size synchronously): the lab's resident weight stores (engine/kernels/residentStore.ts). */
export async function kernelFactory(): Promise<KernelFactory> {
  const module = await compiledKernels();
  return () => new WebAssembly.Instance(module).exports as unknown as KernelExports;
}
