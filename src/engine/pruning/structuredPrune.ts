// Structured pruning: removes whole output units (a column of a dense [in, out] kernel, a filter
// of a conv [kh, kw, in, out] kernel) with the smallest L1 or L2 norm. Unlike scattered zeros,
// a removed unit can be cut out of the layer, which really saves memory and time. Its outgoing
// weights (the next kernel's rows or input channel) go with it, so the masked network computes
// exactly what the physically smaller one would, and the encoded size counts what it would.
import type { WeightArray } from '../spec/types';
import type { Mask, PruneParams, PruneStrategy } from './mask';
import { startMasks, targetRemovals } from './scope';

/** The output units of one kernel that are gone (their whole column or filter is pruned). */
export interface RemovedUnits {
  name: string;
  units: number[]; // indices along the kernel's last dimension, ascending
  unitCount: number; // size of that dimension
}

/** Output units whose every weight is pruned: what a later step may cut out of the layer. */
export function removedUnits(mask: Mask): RemovedUnits {
  const unitCount = mask.shape.length > 0 ? mask.shape[mask.shape.length - 1] : 0;
  const alive = new Uint8Array(unitCount);
  const keep = mask.keep;
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) alive[i % unitCount] = 1;
  const units: number[] = [];
  for (let u = 0; u < unitCount; u++) if (alive[u] === 0) units.push(u);
  return { name: mask.name, units, unitCount };
}

/** Norm of each output unit over its still-kept weights (pruned weights count as 0). */
function unitNorms(weight: WeightArray, keep: Uint8Array, norm: 'l1' | 'l2'): Float64Array {
  const units = weight.shape[weight.shape.length - 1];
  const norms = new Float64Array(units);
  const values = weight.values;
  for (let i = 0; i < values.length; i++) {
    if (keep[i] === 0) continue;
    const v = values[i];
    norms[i % units] += norm === 'l1' ? Math.abs(v) : v * v;
  }
  // NaN would sort unpredictably; rank a broken unit as the most important so it is never chosen.
  for (let u = 0; u < units; u++) if (norms[u] !== norms[u]) norms[u] = Infinity;
  return norms;
}

/**
 * Prunes the next kernel's weights fed by `unit`: its row of a dense kernel (every row
 * r with r % units === unit when a flattened [h, w, units] map feeds it), or its input channel
 * of a conv kernel. Shapes that do not line up are left alone.
 */
function disconnectOutputs(next: Mask, unit: number, units: number): void {
  const keep = next.keep;
  const outs = next.shape[next.shape.length - 1];
  if (next.shape.length === 4) {
    if (next.shape[2] !== units) return;
    for (let start = unit * outs; start < keep.length; start += units * outs) keep.fill(0, start, start + outs);
    return;
  }
  const rows = keep.length / outs;
  if (next.shape.length !== 2 || rows % units !== 0) return;
  for (let r = unit; r < rows; r += units) keep.fill(0, r * outs, (r + 1) * outs);
}

/**
 * Masks plus, per pruned kernel, the removed units. `sparsity` is the fraction of units removed
 * in each included kernel; the output layer keeps all its units (each is a class).
 */
export function structuredPruneWithUnits(
  weights: WeightArray[],
  currentMasks: Mask[] | null,
  params: PruneParams,
): { masks: Mask[]; removed: RemovedUnits[] } {
  const { masks, scoped } = startMasks(weights, currentMasks, params);
  const norm = params.norm ?? 'l1';
  const removed: RemovedUnits[] = [];
  for (const { weight, mask, kernelIndex, kernelCount } of scoped) {
    if (kernelIndex === kernelCount - 1) continue;
    const keep = mask.keep;
    const units = weight.shape[weight.shape.length - 1];
    const dead = new Set(removedUnits(mask).units);
    const toRemove = targetRemovals(units, params.sparsity) - dead.size;
    if (toRemove > 0) {
      const norms = unitNorms(weight, keep, norm);
      // Few units per layer (hundreds), so a sort is cheap; ties go to the lower index.
      const order = Array.from({ length: units }, (_, u) => u)
        .filter((u) => !dead.has(u))
        .sort((a, b) => norms[a] - norms[b] || a - b);
      for (let r = 0; r < toRemove; r++) {
        const unit = order[r];
        for (let i = unit; i < keep.length; i += units) keep[i] = 0;
      }
    }
    const gone = removedUnits(mask);
    const next = masks[kernelIndex + 1];
    if (next) for (const unit of gone.units) disconnectOutputs(next, unit, units);
    removed.push(gone);
  }
  return { masks, removed };
}

export const structuredPrune: PruneStrategy = (weights, currentMasks, params) =>
  structuredPruneWithUnits(weights, currentMasks, params).masks;
