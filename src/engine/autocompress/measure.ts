// Measures one candidate: compress the current float weights under their masks with a choice
// of per-layer settings, encode to real bytes, and evaluate the result on the search half of the
// validation split (holdout.ts); the held-out half is read only for the final choice.
// Measurements of the same choice on the same weights are cached for the round.
import { compressWeights, type CompressionResult, type CompressionSettings } from '../compression/compress';
import type { Network } from '../models/network';
import { countKept, isKernel, type Mask } from '../pruning/mask';
import type { Dataset, Split, WeightArray } from '../spec/types';
import { evaluateNetwork, type SplitMetrics } from '../training/evaluate';
import { correctness } from './holdout';
import { byTensorOf, rungsKey, type Ladders, type Rungs } from './ladders';
import type { LayerChoice } from './types';

export interface Measurement {
  rungs: number[];
  bytes: number;
  /** Validation loss and accuracy of the compressed (dequantized) model. */
  loss: number;
  accuracy: number;
  compressed: CompressionResult;
  byTensor: CompressionSettings['byTensor'];
}

/** No pruning of its own: the masks are given (startMasks) and held. */
const HOLD_MASKS: CompressionSettings['pruning'] = {
  method: 'layerwise_magnitude',
  sparsity: 0,
  includeFirstLayer: true,
  includeOutputLayer: true,
  seed: 0,
};

export class CandidateMeasurer {
  private weights: WeightArray[] = [];
  private masks: Mask[] = [];
  private readonly cache = new Map<string, Measurement>();
  /** How many candidates were compressed and evaluated (cache misses). */
  evaluations = 0;

  /** `data.validation` is the search half; `holdout` the held-out half; `ladders` the plan's
   * choices for the biases (laddersOf). */
  constructor(
    private readonly network: Network,
    private readonly data: Dataset,
    private readonly holdout: Split,
    readonly ladders: Ladders,
  ) {}

  /** New float weights and masks (after pruning or fine-tuning): forgets the cache. */
  setModel(weights: WeightArray[], masks: Mask[]): void {
    this.weights = weights;
    this.masks = masks;
    this.cache.clear();
  }

  measure(rungs: Rungs): Measurement {
    const key = rungsKey(rungs);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const byTensor = byTensorOf(this.weights, rungs, this.ladders);
    const compressed = compressWeights(this.network.modelId, this.weights, { pruning: HOLD_MASKS, quantization: byTensor[this.weights[0].name], byTensor }, { startMasks: this.masks });
    const metrics = this.evaluate(compressed.weights);
    this.evaluations++;
    const m: Measurement = { rungs: rungs.slice(), bytes: compressed.bytes.length, loss: metrics.loss, accuracy: metrics.accuracy, compressed, byTensor };
    this.cache.set(key, m);
    return m;
  }

  /** Loss and accuracy of `weights` on the first `limit` images of the search half (all by default). */
  evaluate(weights: WeightArray[], limit?: number): SplitMetrics {
    this.network.setWeights(weights);
    return evaluateNetwork(this.network, this.data.validation, this.data.featureShape, limit);
  }

  /** Which held-out images `weights` classify correctly: for the final choice only. */
  heldOut(weights: WeightArray[]): Uint8Array {
    this.network.setWeights(weights);
    return correctness(this.network, this.holdout, this.data.featureShape);
  }

  /** Test accuracy of `weights`: called once per search, for the result. */
  testAccuracy(weights: WeightArray[]): number {
    this.network.setWeights(weights);
    return evaluateNetwork(this.network, this.data.test, this.data.featureShape).accuracy;
  }
}

/** Each layer's sparsity and settings in a measured candidate, for the report and the page. */
export function layerChoices(m: Measurement): LayerChoice[] {
  const { quantized } = m.compressed;
  const choices: LayerChoice[] = [];
  quantized.forEach((q, t) => {
    if (!isKernel({ name: q.name, shape: q.shape, values: q.dequantized })) return;
    const mask = m.compressed.masks.find((k) => k.name === q.name);
    const count = q.dequantized.length;
    const kept = mask ? countKept(mask) : count;
    const bias = quantized[t + 1];
    choices.push({
      name: q.name,
      sparsity: count === 0 ? 0 : 1 - kept / count,
      kept,
      count,
      quantization: m.byTensor![q.name],
      bias: m.byTensor![bias.name],
    });
  });
  return choices;
}
