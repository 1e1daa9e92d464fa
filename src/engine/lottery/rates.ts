// How much of each kernel a round keeps. A per-round rate p compounds, because each round prunes
// p of what the previous rounds left: after r rounds a layer keeps (1 - p)^r. The pruning
// strategies take a cumulative target, so this is where per-round rates become totals.
import { isKernel } from '../pruning/mask';
import type { WeightArray } from '../spec/types';
import type { PerRoundRate } from './settings';

/** Fraction of a layer removed in total after `round` rounds at `rate` per round. */
export function cumulativeSparsity(rate: number, round: number): number {
  return 1 - Math.pow(1 - rate, round);
}

/** The per-round rate of each kernel, in kernel order: the last kernel is the output layer. */
export function kernelRates(weights: WeightArray[], rate: PerRoundRate): number[] {
  const kernels = weights.filter(isKernel);
  return kernels.map((_, i) => (i === kernels.length - 1 ? rate.output : rate.hidden));
}

/** Weights a layer-wise run keeps of a kernel of `size` after `round` rounds: exactly what the
 * strategies' rounding (round(sparsity * size) removed) leaves. */
export function plannedKept(size: number, rate: number, round: number): number {
  return size - Math.min(size, Math.max(0, Math.round(cumulativeSparsity(rate, round) * size)));
}

/** Percent of all kernel weights a layer-wise run keeps after `round` rounds, for planning charts
 * and progress text before the masks exist. */
export function plannedPercentRemaining(kernelSizes: number[], rate: PerRoundRate, round: number): number {
  let total = 0;
  let kept = 0;
  kernelSizes.forEach((size, i) => {
    const p = i === kernelSizes.length - 1 ? rate.output : rate.hidden;
    total += size;
    kept += plannedKept(size, p, round);
  });
  return total === 0 ? 100 : (100 * kept) / total;
}
