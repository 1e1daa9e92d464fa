// WebAssembly twins of the slider's compression kernels (assembly/compression.ts), bit for bit
// the JavaScript loops' results (compressionKernels.property.test.ts).
// - Weights in a resident store (residentStore.ts; the lab keeps its model there): every kernel
//   runs in WebAssembly on them where they lie; only the masks (a byte a weight) are copied in,
//   and a result is copied out only when its array is not in the same memory.
// - Weights in JavaScript arrays: mask apply copies them in and the result out, which measured
//   faster than JavaScript from WASM_MIN_WEIGHTS to WASM_MAX_WEIGHTS (npm run bench, Chromium
//   156, 2026-12-03: 0.24 against 0.325 ms at 266,200 weights, 52.5 against 35.2 ms at 10 M);
//   quantize + dequantize with copies was slower in Chromium (1.55 vs 1.4 ms), so it runs only
//   when asked for (`quantize`: the tests). k-means' radix sort works on a copy either way
//   (ordinary arrays, 4,096 to 2,000,000 values: its scatter passes run about twice as fast).
// Node runs the JavaScript loops unless a test installs an instance.
import { arenaFor, type WasmArena } from './arena';
import { maskIn, residentOf } from './residentStore';
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

interface Place {
  k: KernelExports;
  a: WasmArena;
  /** Whether `values` already lies in this memory. */
  resident: boolean;
}

/** Where a kernel on `values` runs: their own store, else the installed instance (copies). */
function placeFor(values: Float32Array, copiesAllowed: boolean): Place | null {
  const r = residentOf(values);
  if (r) return { k: r.kernels, a: r.arena, resident: true };
  if (!copiesAllowed || installed === null || values.length < WASM_MIN_WEIGHTS || values.length > WASM_MAX_WEIGHTS) return null;
  return { k: installed, a: arenaFor(installed), resident: false };
}

/** Offset of `values` in the place's memory: where it lies, or a copy in scratch. */
function input(p: Place, values: Float32Array): number {
  return p.resident ? values.byteOffset : p.a.put(values);
}

/** Offset to write an output of n floats: `out` itself when it lies in the same memory. */
function output(p: Place, out: Float32Array): number {
  return residentOf(out)?.kernels === p.k ? out.byteOffset : p.a.alloc(4 * out.length);
}

/** Bytes of scratch a call needs: `bytes` plus whatever is not resident among values and out. */
function scratchNeed(p: Place, values: Float32Array, out: Float32Array | null, bytes: number): number {
  const copyIn = p.resident ? 0 : 4 * values.length;
  const copyOut = out === null || residentOf(out)?.kernels === p.k ? 0 : 4 * out.length;
  return bytes + copyIn + copyOut;
}

function copyOut(p: Place, at: number, out: Float32Array): void {
  if (at !== out.byteOffset || residentOf(out)?.kernels !== p.k) out.set(p.a.f32(at, out.length));
}

/** out = src where keep === 1, else +0. False (nothing done) when JavaScript should run it. */
export function wasmMaskInto(src: Float32Array, keep: Uint8Array, out: Float32Array): boolean {
  const p = placeFor(src, true);
  if (p === null || !p.a.fits(scratchNeed(p, src, out, keep.length), 3)) return false;
  p.a.scratch(() => {
    const s = input(p, src);
    const m = maskIn({ kernels: p.k, arena: p.a }, keep);
    const o = output(p, out);
    p.k.maskInto(s, m, o, src.length);
    copyOut(p, o, out);
  });
  return true;
}

/** The number of kept entries (not 0) of a mask of resident weights; null otherwise. */
export function wasmCountKept(keep: Uint8Array, values: Float32Array): number | null {
  const r = residentOf(values);
  if (r === null || !r.arena.fits(keep.length)) return null;
  return r.arena.scratch(() => r.kernels.countKept(maskIn(r, keep), keep.length));
}

/** [min, max] of the kept values of resident weights, both ends starting at 0 (uniform.ts
 * tensorRangeKept); null otherwise. */
export function wasmKeptRange(values: Float32Array, keep: Uint8Array | null): [number, number] | null {
  const r = residentOf(values);
  if (r === null || !r.arena.fits((keep?.length ?? 0) + 16, 2)) return null;
  return r.arena.scratch(() => {
    const m = keep === null ? 0 : maskIn(r, keep);
    const result = r.arena.alloc(8);
    r.kernels.keptRange(values.byteOffset, m, values.length, result);
    const range = r.arena.f32(result, 2);
    return [range[0], range[1]];
  });
}

/** Codes and the dequantized tensor (uniform.ts tensorCodesAndValues) in one pass: for resident
 * weights always; for JavaScript arrays of an unpruned tensor only when installed with `quantize`
 * (a pruned one stays in JavaScript, which skips its pruned weights for free). */
export function wasmQuantizeTensor(values: Float32Array, keep: Uint8Array | null, scale: number, offset: number, top: number, codes: Uint8Array, out: Float32Array): boolean {
  if (!(scale > 0)) return false;
  const p = placeFor(values, quantizeInWasm && keep === null);
  const n = values.length;
  if (p === null || !p.a.fits(scratchNeed(p, values, out, 2 * n + 16), 4)) return false;
  p.a.scratch(() => {
    const v = input(p, values);
    const m = keep === null ? 0 : maskIn({ kernels: p.k, arena: p.a }, keep);
    const c = p.a.alloc(n + 4);
    const o = output(p, out);
    const written = p.k.quantizeTensor(v, m, n, scale, offset, top, c, o);
    codes.set(new Uint8Array(p.k.memory.buffer, c, written));
    copyOut(p, o, out);
  });
  return true;
}

/** `values` sorted ascending into `out` (sortFloat32.ts's radix sort, the same bits); false when
 * JavaScript should run it. The sort works on a copy, so resident weights stay as they are. */
export function wasmSortFloat32(values: Float32Array, out: Float32Array): boolean {
  const p = placeFor(values, true);
  const n = values.length;
  if (p === null || !p.a.fits(8 * n + 3 * 2048 * 4, 3)) return false;
  p.a.scratch(() => {
    const keys = p.a.put(values);
    const at = p.k.sortFloat32(keys, p.a.alloc(4 * n), n, p.a.alloc(3 * 2048 * 4));
    out.set(p.a.f32(at, n));
  });
  return true;
}
