// Which kernels a strategy may touch and where it starts from. Shared by every strategy so the
// "first layer" / "output layer" switches and the cumulative rule mean the same thing in each.
import type { WeightArray } from '../spec/types';
import { isKernel, masksByName, type Mask, type PruneParams } from './mask';

/** A kernel the strategy works on, with the mask it will edit in place. */
export interface ScopedKernel {
  weight: WeightArray;
  mask: Mask;
  /** Position among the kernels: 0 is the first layer, kernelCount - 1 the output layer. */
  kernelIndex: number;
  kernelCount: number;
}

/** Throws on parameters no strategy can honour, so a bad slider value is never silently used. */
export function checkPruneParams(params: PruneParams): void {
  if (!Number.isFinite(params.sparsity) || params.sparsity < 0 || params.sparsity > 1) {
    throw new Error(`Sparsity must be a fraction between 0 and 1, got ${params.sparsity}.`);
  }
  if (!Number.isFinite(params.seed)) throw new Error(`The pruning seed must be a finite number, got ${params.seed}.`);
}

/**
 * Copies of the current masks (all-kept for kernels that have none), one per kernel in weights
 * order, and the subset the params allow the strategy to prune. Excluded kernels keep their
 * current mask unchanged.
 */
export function startMasks(
  weights: WeightArray[],
  currentMasks: Mask[] | null,
  params: PruneParams,
): { masks: Mask[]; scoped: ScopedKernel[] } {
  checkPruneParams(params);
  const current = masksByName(weights, currentMasks);
  const kernels = weights.filter(isKernel);
  const masks = kernels.map((w): Mask => {
    const existing = current.get(w.name);
    return {
      name: w.name,
      shape: w.shape.slice(),
      keep: existing ? existing.keep.slice() : new Uint8Array(w.values.length).fill(1),
    };
  });
  const scoped: ScopedKernel[] = [];
  kernels.forEach((weight, kernelIndex) => {
    const isFirst = kernelIndex === 0;
    const isOutput = kernelIndex === kernels.length - 1;
    // A one-layer model's only kernel is both first and output: either switch excludes it.
    if (isFirst && !params.includeFirstLayer) return;
    if (isOutput && !params.includeOutputLayer) return;
    scoped.push({ weight, mask: masks[kernelIndex], kernelIndex, kernelCount: kernels.length });
  });
  return { masks, scoped };
}

/** How many of `total` items a sparsity removes: exactly round(sparsity * total), halves up. */
export function targetRemovals(total: number, sparsity: number): number {
  return Math.min(total, Math.max(0, Math.round(sparsity * total)));
}

/** Pruned entries of a keep array. */
export function countPruned(keep: Uint8Array): number {
  let pruned = 0;
  for (let i = 0; i < keep.length; i++) pruned += 1 - keep[i];
  return pruned;
}
