// The masks of one round. Magnitude masks come from the weights a variant ended its previous
// round with, holding that round's masks (so masks are nested and nothing is restored); random
// masks copy the ticket's per-layer counts exactly, so the control differs only in *which*
// weights survive.
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { layerwiseMagnitudePrune } from '../pruning/layerwiseMagnitude';
import { countKept, denseMasks, isKernel, type Mask, type PruneParams } from '../pruning/mask';
import { randomPrune } from '../pruning/randomPrune';
import type { WeightArray } from '../spec/types';
import { cumulativeSparsity, kernelRates } from './rates';
import type { PerRoundRate, PruningScope } from './settings';

// Every call below hands the strategy exactly the kernels it may prune, so the first/output
// switches are always on; the seed only matters to random pruning.
const scoped = (sparsity: number, seed = 0): PruneParams => ({
  sparsity,
  includeFirstLayer: true,
  includeOutputLayer: true,
  seed,
});

/**
 * Masks of round `round` (1-based) from `weights` (the trained weights of round - 1) and
 * `previous` (the masks of round - 1, or null for the dense trunk). Layer-wise: each kernel to
 * its cumulative target. Global: the hidden kernels to their joint target under one threshold,
 * the output kernel to its own.
 */
export function magnitudeMasks(
  weights: WeightArray[],
  previous: Mask[] | null,
  rate: PerRoundRate,
  round: number,
  scope: PruningScope,
): Mask[] {
  const kernels = weights.filter(isKernel);
  const start = previous ?? denseMasks(weights);
  const maskOf = (w: WeightArray): Mask[] => start.filter((m) => m.name === w.name);
  const rates = kernelRates(weights, rate);
  if (scope === 'layerwise') {
    return kernels.map((w, i) => layerwiseMagnitudePrune([w], maskOf(w), scoped(cumulativeSparsity(rates[i], round)))[0]);
  }
  const hidden = kernels.slice(0, -1);
  const output = kernels.slice(-1);
  const hiddenMasks =
    hidden.length > 0 ? globalMagnitudePrune(hidden, hidden.flatMap(maskOf), scoped(cumulativeSparsity(rate.hidden, round))) : [];
  const outputMasks = layerwiseMagnitudePrune(output, output.flatMap(maskOf), scoped(cumulativeSparsity(rate.output, round)));
  return [...hiddenMasks, ...outputMasks];
}

/**
 * Random masks with, kernel by kernel, exactly as many kept weights as `reference` (the ticket of
 * the same round), nested in `previous` (this control's own masks of the round before). Needs
 * the reference to be nested too, which magnitude masks are, so the counts only ever shrink.
 */
export function randomMasksLike(reference: Mask[], previous: Mask[] | null, seed: number): Mask[] {
  return reference.map((ref) => {
    const prev = previous?.find((m) => m.name === ref.name);
    const current: Mask = prev ?? { name: ref.name, shape: ref.shape.slice(), keep: new Uint8Array(ref.keep.length).fill(1) };
    const total = ref.keep.length;
    const pruned = total - countKept(ref);
    // randomPrune reads only the weights' names and sizes, so zeros stand in for the values.
    const placeholder: WeightArray = { name: ref.name, shape: ref.shape.slice(), values: new Float32Array(total) };
    const [mask] = randomPrune([placeholder], [current], scoped(pruned / total, seed));
    if (countKept(mask) !== total - pruned) {
      throw new Error(`Random pruning of "${ref.name}" kept ${countKept(mask)} weights, expected ${total - pruned}.`);
    }
    return mask;
  });
}
