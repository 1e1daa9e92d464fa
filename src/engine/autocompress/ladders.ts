// The per-layer choices of the bit-width search, as ladders from the fewest bits to the most.
// Kernels: k-means weight sharing (Deep Compression) with K clusters; K need not be a power of
// two, since Huffman coding of the codes (entropy coding is on) pays for a 5- or 12-cluster
// codebook by its entropy, not by ceil(log2 K) bits. Biases (one group for all of them): float16
// or float32, and with a plan's `biases: 'integer'` also 8- and 4-bit symmetric integers (a scale
// per tensor): on LeNet-5 at 70x its 236 float16 biases are about a seventh of the file.
import { isKernel } from '../pruning/mask';
import type { QuantizationSettings, TensorQuantization } from '../quantization/types';
import type { WeightArray } from '../spec/types';

export const KMEANS_CLUSTERS = [2, 3, 4, 5, 6, 8, 12, 16, 32, 64, 256] as const;

const kmeans = (clusters: number): QuantizationSettings => ({
  scheme: 'kmeans',
  granularity: 'tensor',
  bits: Math.ceil(Math.log2(clusters)),
  clusters,
});

export const KERNEL_LADDER: QuantizationSettings[] = KMEANS_CLUSTERS.map(kmeans);
export const BIAS_LADDER: QuantizationSettings[] = [
  { scheme: 'float16', granularity: 'tensor', bits: 16 },
  { scheme: 'none', granularity: 'tensor', bits: 32 },
];
export const INTEGER_BIAS_LADDER: QuantizationSettings[] = [
  { scheme: 'symmetric', granularity: 'tensor', bits: 4 },
  { scheme: 'symmetric', granularity: 'tensor', bits: 8 },
  ...BIAS_LADDER,
];

/** The biases' ladder of a plan and the rung a search with no history starts them on: float16
 * in both (so the integer rungs are only ever reached by lowering within the budget). */
export interface Ladders {
  bias: readonly QuantizationSettings[];
  startBias: number;
}
export const FLOAT_BIASES: Ladders = { bias: BIAS_LADDER, startBias: 0 };
export const INTEGER_BIASES: Ladders = { bias: INTEGER_BIAS_LADDER, startBias: 2 };

export function laddersOf(plan: { biases?: 'float' | 'integer' }): Ladders {
  return plan.biases === 'integer' ? INTEGER_BIASES : FLOAT_BIASES;
}

/** Where a search with no history starts its kernels: 16 clusters (a few hundredths of a point
 * at most on these models). */
export const START_KERNEL_RUNG = KMEANS_CLUSTERS.indexOf(16);

/** One rung per kernel, in kernel order, then the biases' rung last. */
export type Rungs = readonly number[];

export function ladderOf(group: number, kernelCount: number, ladders: Ladders): readonly QuantizationSettings[] {
  return group < kernelCount ? KERNEL_LADDER : ladders.bias;
}

export function startRungs(kernelCount: number, ladders: Ladders): number[] {
  return [...Array(kernelCount).fill(START_KERNEL_RUNG), ladders.startBias];
}

export function rungsKey(rungs: Rungs): string {
  return rungs.join(',');
}

/** The per-tensor settings (CompressionSettings.byTensor) of a choice of rungs. */
export function byTensorOf(weights: WeightArray[], rungs: Rungs, ladders: Ladders): TensorQuantization {
  const kernels = weights.filter(isKernel).length;
  if (rungs.length !== kernels + 1) throw new Error(`Expected ${kernels + 1} rungs, got ${rungs.length}.`);
  const out: Record<string, QuantizationSettings> = {};
  let k = 0;
  for (const w of weights) out[w.name] = isKernel(w) ? KERNEL_LADDER[rungs[k++]] : ladders.bias[rungs[kernels]];
  return out;
}
