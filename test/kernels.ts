// The WebAssembly kernels for engine tests in Node, from the file scripts/build-wasm.mjs writes
// (npm test and npm install run it; run it by hand after editing assembly/kernels.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KernelExports, KernelFactory } from '../src/engine/kernels/types';

export async function loadKernels(): Promise<KernelExports> {
  const file = join(import.meta.dirname, '..', 'build', 'wasm', 'kernels.wasm');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new Error(`${file} is missing: run node scripts/build-wasm.mjs (npm install does).`);
  }
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(new Uint8Array(bytes)));
  return instance.exports as unknown as KernelExports;
}

/** Makes fresh instances synchronously, as the worker's kernelFactory does (resident stores). */
export async function loadKernelFactory(): Promise<KernelFactory> {
  const module = await WebAssembly.compile(new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'build', 'wasm', 'kernels.wasm'))));
  return () => new WebAssembly.Instance(module).exports as unknown as KernelExports;
}
