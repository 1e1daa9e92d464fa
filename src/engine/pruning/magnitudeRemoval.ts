// The step both magnitude strategies share: among the still-kept weights of some kernels, prune
// exactly `count` of the smallest |w|. Ties at the threshold go in a fixed order (kernel order,
// then row-major index), so the count is exact and the result is reproducible.
import { kthSmallestMagnitude } from './magnitudeSelect';
import type { ScopedKernel } from './scope';
import { wasmCountKept } from '../kernels/compressionKernels';
import { wasmPruneBelow } from '../kernels/magnitudeKernels';
import { withStagedMasks } from '../kernels/residentStore';

// NaN has no magnitude to rank by; treating it as the largest keeps it out of the selection's
// comparisons (which NaN would break) and never prunes a weight for being broken.
function magnitude(v: number): number {
  const a = Math.abs(v);
  return a === a ? a : Infinity;
}

/** Prunes `count` more weights from the kept weights of `kernels` (all of them if fewer remain). */
export function pruneSmallest(kernels: ScopedKernel[], count: number): void {
  if (count <= 0) return;
  // Weights in WebAssembly memory: the count, the threshold and the pass share one mask copy.
  withStagedMasks(
    kernels.map(({ weight, mask }) => ({ values: weight.values, keep: mask.keep })),
    () => pruneStaged(kernels, count),
  );
}

function pruneStaged(kernels: ScopedKernel[], count: number): void {
  let candidates = 0;
  for (const { mask, weight } of kernels) {
    const keep = mask.keep;
    const counted = wasmCountKept(keep, weight.values);
    if (counted !== null) candidates += counted;
    else for (let i = 0; i < keep.length; i++) candidates += keep[i];
  }
  if (candidates === 0) return;
  if (count >= candidates) {
    for (const { mask } of kernels) mask.keep.fill(0);
    return;
  }

  // Bucketed selection straight from the weights (magnitudeSelect.ts): no |w| copy, no full quickselect.
  const { threshold, below } = kthSmallestMagnitude(
    kernels.map(({ weight, mask }) => ({ values: weight.values, keep: mask.keep })),
    count - 1,
    candidates,
  );
  let tiesToPrune = count - below;

  for (const { weight, mask } of kernels) {
    const keep = mask.keep;
    const values = weight.values;
    const left = wasmPruneBelow({ values, keep }, threshold, tiesToPrune);
    if (left !== null) {
      tiesToPrune = left;
      continue;
    }
    for (let i = 0; i < keep.length; i++) {
      if (keep[i] === 0) continue;
      const m = magnitude(values[i]);
      if (m < threshold) {
        keep[i] = 0;
      } else if (m === threshold && tiesToPrune > 0) {
        keep[i] = 0;
        tiesToPrune--;
      }
    }
  }
}
