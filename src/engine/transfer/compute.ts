// Training compute in floating-point operations, counted from the multiply-accumulates of the
// convolutions and dense layers (biases, activations and pooling are a rounding error next to
// them):
//  - forward: 2 FLOPs per MAC;
//  - backward: 2 per MAC for the kernel gradient of every trained layer, and 2 per MAC for the
//    input gradient of every trained layer except the first one trained (its input is data).
// Frozen layers cost only their forward pass, once per labelled example (features are cached).
import type { LayerPlan } from './net';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** FLOPs of one example through one training step of layers `from` onwards. */
export function trainingFlopsPerExample(plan: readonly LayerPlan[], from: number): number {
  const macs = plan.slice(from).map((p) => p.macs);
  if (macs.length === 0) return 0;
  return 4 * sum(macs) + 2 * sum(macs.slice(1));
}

/** FLOPs to run `examples` examples forward through the layers below `upTo` (feature extraction). */
export function forwardFlops(plan: readonly LayerPlan[], upTo: number, examples: number): number {
  return 2 * sum(plan.slice(0, upTo).map((p) => p.macs)) * examples;
}

/** Training FLOPs of `steps` steps of `batchSize` examples on layers `from` onwards. */
export function trainingFlops(plan: readonly LayerPlan[], from: number, steps: number, batchSize: number): number {
  return trainingFlopsPerExample(plan, from) * steps * batchSize;
}
