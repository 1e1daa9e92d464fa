// A mask says which weights of one kernel survive. Masks are plain bytes (1 = kept) so they
// cross the worker boundary as transferable buffers and apply in one tight loop.
import type { WeightArray } from '../spec/types';

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

/** New weight arrays with pruned positions set to exactly 0; tensors without a mask are copied. */
export function applyMasks(weights: WeightArray[], masks: Mask[] | null): WeightArray[] {
  const byName = masksByName(weights, masks);
  return weights.map((w) => {
    const mask = byName.get(w.name);
    const values = new Float32Array(w.values.length);
    if (!mask) {
      values.set(w.values);
    } else {
      const src = w.values;
      const keep = mask.keep;
      // A select rather than a multiply, so kept values (even -0) come through bit for bit.
      for (let i = 0; i < src.length; i++) values[i] = keep[i] === 1 ? src[i] : 0;
    }
    return { name: w.name, shape: w.shape.slice(), values };
  });
}
