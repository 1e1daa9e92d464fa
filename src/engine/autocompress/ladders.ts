// The per-layer choices of the bit-width search, as ladders from the fewest bits to the most.
// Kernels: k-means weight sharing (Deep Compression) with K clusters; K need not be a power of
// two, since Huffman coding of the codes (entropy coding is on) pays for a 5- or 12-cluster
// codebook by its entropy, not by ceil(log2 K) bits. Biases (one group for all of them): float16
// or float32.
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

/** Where a search with no history starts: 16 clusters (a few hundredths of a point at most on
 * these models), float16 biases. */
export const START_KERNEL_RUNG = KMEANS_CLUSTERS.indexOf(16);
export const START_BIAS_RUNG = 0;

/** One rung per kernel, in kernel order, then the biases' rung last. */
export type Rungs = readonly number[];

export function ladderOf(group: number, kernelCount: number): QuantizationSettings[] {
  return group < kernelCount ? KERNEL_LADDER : BIAS_LADDER;
}

export function startRungs(kernelCount: number): number[] {
  return [...Array(kernelCount).fill(START_KERNEL_RUNG), START_BIAS_RUNG];
}

export function rungsKey(rungs: Rungs): string {
  return rungs.join(',');
}

/** The per-tensor settings (CompressionSettings.byTensor) of a choice of rungs. */
export function byTensorOf(weights: WeightArray[], rungs: Rungs): TensorQuantization {
  const kernels = weights.filter(isKernel).length;
  if (rungs.length !== kernels + 1) throw new Error(`Expected ${kernels + 1} rungs, got ${rungs.length}.`);
  const out: Record<string, QuantizationSettings> = {};
  let k = 0;
  for (const w of weights) out[w.name] = isKernel(w) ? KERNEL_LADDER[rungs[k++]] : BIAS_LADDER[rungs[kernels]];
  return out;
}
