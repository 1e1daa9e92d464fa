// A mask says which weights of one kernel survive. Masks are plain bytes (1 = kept) so they
// cross the worker boundary as transferable buffers and apply in one tight loop.
import type { WeightArray } from '../spec/types';
import { wasmMaskInto } from '../kernels/compressionKernels';

export interface Mask {
  name: string; // the kernel it belongs to, e.g. "dense_0/kernel"
  shape: number[];
  keep: Uint8Array; // 1 = kept, 0 = pruned; row-major like the kernel's values
}

/** What every pruning strategy takes besides the weights. */
export interface PruneParams {
  /** Fraction 0..1 of the prunable weights removed (of output units for structured pruning),
   * counted over the included layers and including weights that were already pruned. */
  sparsity: number;
  includeFirstLayer: boolean;
  includeOutputLayer: boolean;
  seed: number;
  /** Ranking norm of structured pruning; L1 when absent. */
  norm?: 'l1' | 'l2';
}

/** A strategy is pure: the same weights, masks and params give the same masks. One mask per
 * kernel, in the order of the kernels in `weights`; pruning is cumulative, so a weight pruned in
 * `currentMasks` stays pruned. */
export type PruneStrategy = (weights: WeightArray[], currentMasks: Mask[] | null, params: PruneParams) => Mask[];

/** Kernels carry the connections; biases (rank 1) are never pruned, so they get no mask. */
export function isKernel(w: WeightArray): boolean {
  return w.name.endsWith('/kernel') || w.shape.length >= 2;
}

/** Number of weights a mask keeps. */
export function countKept(mask: Mask): number {
  const keep = mask.keep;
  let kept = 0;
  for (let i = 0; i < keep.length; i++) kept += keep[i];
  return kept;
}

/** Fraction of all masked weights that are pruned (0 for no masks). */
export function maskSparsity(masks: Mask[] | null): number {
  if (!masks) return 0;
  let total = 0;
  let kept = 0;
  for (const m of masks) {
    total += m.keep.length;
    kept += countKept(m);
  }
  return total === 0 ? 0 : 1 - kept / total;
}

/** An all-kept mask for every kernel: the starting point of pruning. */
export function denseMasks(weights: WeightArray[]): Mask[] {
  return weights.filter(isKernel).map((w) => ({
    name: w.name,
    shape: w.shape.slice(),
    keep: new Uint8Array(w.values.length).fill(1),
  }));
}

/** Masks by tensor name, after checking each one fits its tensor. */
export function masksByName(weights: WeightArray[], masks: Mask[] | null): Map<string, Mask> {
  const byName = new Map<string, Mask>();
  if (!masks) return byName;
  const sizes = new Map(weights.map((w) => [w.name, w.values.length]));
  for (const m of masks) {
    const size = sizes.get(m.name);
    if (size === undefined) throw new Error(`There is a mask for "${m.name}", but no weight of that name.`);
    if (m.keep.length !== size) {
      throw new Error(`The mask of "${m.name}" has ${m.keep.length} entries, the tensor has ${size} values.`);
    }
    byName.set(m.name, m);
  }
  return byName;
}

/**
 * Weight arrays with pruned positions set to exactly +0; tensors without a mask are copied.
 * New arrays, unless `outputs` (one per weight, of its size) are given to be overwritten:
 * reusing them saves the page faults of fresh memory, which cost ~30x the pass itself here.
 */
export function applyMasks(weights: WeightArray[], masks: Mask[] | null, outputs?: Float32Array[]): WeightArray[] {
  const byName = masksByName(weights, masks);
  if (outputs !== undefined && outputs.length !== weights.length) {
    throw new Error(`applyMasks needs one output per weight array (${weights.length}), got ${outputs.length}.`);
  }
  return weights.map((w, t) => {
    const mask = byName.get(w.name);
    const values = outputs?.[t] ?? new Float32Array(w.values.length);
    if (values.length !== w.values.length) throw new Error(`The output for "${w.name}" has ${values.length} values, the tensor has ${w.values.length}.`);
    if (!mask) values.set(w.values);
    else maskInto(w.values, mask.keep, values);
    return { name: w.name, shape: w.shape.slice(), values };
  });
}

/**
 * out[i] = keep[i] === 1 ? src[i] : +0, on the bit patterns: an AND with all ones or all zeros
 * instead of a select, so kept values (even -0 and NaN payloads) come through bit for bit and
 * the loop has no branch to mispredict on a random mask.
 */
function maskInto(src: Float32Array, keep: Uint8Array, out: Float32Array): void {
  if (wasmMaskInto(src, keep, out)) return;
  const from = new Int32Array(src.buffer, src.byteOffset, src.length);
  const to = new Int32Array(out.buffer, out.byteOffset, out.length);
  const n = from.length;
  // (keep ^ 1) is 0 only for a kept weight; minus 1, shifted, that is -1 (all ones), else 0.
  for (let i = 0; i < n; i++) to[i] = from[i] & (((keep[i] ^ 1) - 1) >> 31);
}
