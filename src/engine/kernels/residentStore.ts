// Weights that live in WebAssembly memory while a model is in the lab, so the slider's kernels
// (compressionKernels.ts) read them where they are instead of copying 266,200 floats in and the
// result out on every move: that copy was most of their time (README, Results). Each store is a
// fresh instance of the kernels module with memory of its own, sized once and then sealed: a
// grown memory would detach every view handed out, so nothing grows it afterwards, and a kernel
// whose scratch does not fit runs in JavaScript instead. A store is never reused for another
// model, so a view kept by anyone stays that model's weights; its memory goes with its last view.
import type { WeightArray } from '../spec/types';
import { arenaFor, type WasmArena } from './arena';
import type { KernelExports, KernelFactory } from './types';

export interface Resident {
  kernels: KernelExports;
  arena: WasmArena;
}

let factory: KernelFactory | null = null;
const byBuffer = new WeakMap<ArrayBufferLike, Resident>();

/** How stores get their instance; null (Node without a test's instance): no stores. */
export function useResidentKernels(make: KernelFactory | null): void {
  factory = make;
}

/** The instance whose memory holds `a`, or null for an ordinary JavaScript array. */
export function residentOf(a: ArrayBufferView): Resident | null {
  return byBuffer.get(a.buffer) ?? null;
}

/** Masks copied into a store for the length of one call (withStagedMasks). */
const staged = new Map<Uint8Array, { kernels: KernelExports; at: number }>();

/**
 * Runs `body` with the masks of resident weights copied into their store once, so the kernels
 * it calls (a count, a range, a quantization) share one copy instead of making one each. The
 * masks must not change in JavaScript meanwhile; a kernel that edits one edits the copy and
 * then copies it back (wasmPruneBelow).
 */
export function withStagedMasks<T>(spans: { values: Float32Array; keep: Uint8Array | null }[], body: () => T): T {
  const r = spans.length > 0 ? residentOf(spans[0].values) : null;
  const bytes = spans.reduce((sum, s) => sum + (s.keep?.length ?? 0), 0);
  if (r === null || !spans.every((s) => residentOf(s.values) === r) || !r.arena.fits(bytes, spans.length)) return body();
  return r.arena.scratch(() => {
    const added: Uint8Array[] = [];
    for (const { keep } of spans) {
      if (keep === null || staged.has(keep)) continue;
      staged.set(keep, { kernels: r.kernels, at: r.arena.put(keep) });
      added.push(keep);
    }
    try {
      return body();
    } finally {
      for (const keep of added) staged.delete(keep);
    }
  });
}

/** Where a mask lies in `r`'s memory: its staged copy, or a fresh copy in scratch. */
export function maskIn(r: Resident, keep: Uint8Array): number {
  const s = staged.get(keep);
  return s !== undefined && s.kernels === r.kernels ? s.at : r.arena.put(keep);
}

/** Scratch a slider move needs besides the weights and outputs: a copy of the masks, the codes
 * and the threshold's bracket (kthMagnitude), with room to spare. */
export const scratchBytes = (weights: number): number => 8 * weights + (1 << 18);

export interface ResidentWeights {
  /** Copies of the weights (names and shapes too), their values in WebAssembly memory. */
  weights: WeightArray[];
  /** `sets` sets of arrays of the weights' sizes, in the same memory, for the results. */
  outputs: Float32Array[][];
}

/** Copies `weights` into a new store with `sets` output sets; null without kernels. */
export function residentWeights(weights: WeightArray[], sets: number): ResidentWeights | null {
  if (factory === null) return null;
  let kernels: KernelExports;
  try {
    kernels = factory();
  } catch {
    return null; // the JavaScript loops give the same results
  }
  const arena = arenaFor(kernels);
  const total = weights.reduce((sum, w) => sum + w.values.length, 0);
  const at = weights.map((w) => arena.alloc(4 * w.values.length));
  const outAt = Array.from({ length: sets }, () => weights.map((w) => arena.alloc(4 * w.values.length)));
  arena.seal(scratchBytes(total));
  const buffer = kernels.memory.buffer;
  byBuffer.set(buffer, { kernels, arena });
  return {
    weights: weights.map((w, t) => {
      const values = new Float32Array(buffer, at[t], w.values.length);
      values.set(w.values);
      return { name: w.name, shape: w.shape.slice(), values };
    }),
    outputs: outAt.map((set) => set.map((o, t) => new Float32Array(buffer, o, weights[t].values.length))),
  };
}
