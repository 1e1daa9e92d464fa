// WebAssembly twins of two compression kernels, used by the engine's own functions only where
// they measured faster (npm run bench, Chromium 156, copies in and out included, 2026-12-03):
// - mask apply at 266,200 weights: 0.24 ms against JavaScript's 0.325 ms (Node: 0.23 vs 0.48),
//   but slower at 10,000,000 (52.5 vs 35.2 ms: copying 80 MB costs more than the loop saves),
//   so only from WASM_MIN_WEIGHTS to WASM_MAX_WEIGHTS;
// - 4-bit quantize + dequantize: slower in Chromium (1.55 vs 1.4 ms; 182.7 vs 157.5 ms at 10 M),
//   though faster in Node, so it stays off unless asked for (the bench and the tests ask).
// The worker installs an instance at start; Node runs the JavaScript loops unless a test
// installs one. Results are bit for bit the JavaScript ones (compressionKernels.property.test.ts).
import { arenaFor } from './arena';
import type { KernelExports } from './types';

let installed: KernelExports | null = null;
let quantizeInWasm = false;

/** Below this many weights the call costs more than the loop saves. */
export const WASM_MIN_WEIGHTS = 4096;
/** Above this many, copying the weights in and out costs more than the loop saves. */
export const WASM_MAX_WEIGHTS = 2_000_000;

export function useCompressionKernels(kernels: KernelExports | null, options: { quantize?: boolean } = {}): void {
  installed = kernels;
  quantizeInWasm = options.quantize ?? false;
}

export function compressionKernels(): KernelExports | null {
  return installed;
}

/** out = src where keep === 1, else +0. False (nothing done) without an installed instance. */
export function wasmMaskInto(src: Float32Array, keep: Uint8Array, out: Float32Array): boolean {
  const k = installed;
  if (k === null || src.length < WASM_MIN_WEIGHTS || src.length > WASM_MAX_WEIGHTS) return false;
  const a = arenaFor(k);
  a.scratch(() => {
    const n = src.length;
    const s = a.put(src);
    const m = a.put(keep);
    const o = a.alloc(4 * n);
    k.maskInto(s, m, o, n);
    out.set(a.f32(o, n));
  });
  return true;
}

/** Codes and the dequantized tensor (uniform.ts tensorCodesAndValues) of an unpruned tensor,
 * when installed with `quantize`. A pruned one stays in JavaScript, which skips its pruned
 * weights for free (Node, 266,200 weights, 10% kept: 1.67 ms there, 2.17 ms here). */
export function wasmQuantizeTensor(values: Float32Array, keep: Uint8Array | null, scale: number, offset: number, top: number, codes: Uint8Array, out: Float32Array): boolean {
  const k = installed;
  if (k === null || !quantizeInWasm || keep !== null || values.length < WASM_MIN_WEIGHTS || !(scale > 0)) return false;
  const a = arenaFor(k);
  a.scratch(() => {
    const n = values.length;
    const v = a.put(values);
    const c = a.alloc(n + 1);
    const o = a.alloc(4 * n);
    const written = k.quantizeTensor(v, 0, n, scale, offset, top, c, o);
    codes.set(new Uint8Array(k.memory.buffer, c, written));
    out.set(a.f32(o, n));
  });
  return true;
}
