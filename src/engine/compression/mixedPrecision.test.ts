// Per-tensor quantization (CompressionSettings.byTensor): each tensor is stored with its own
// scheme and bit width, a bias too, and the file decodes to exactly the evaluated weights.
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../encoding/decode';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { compressWeights, type CompressionSettings } from './compress';
import { LENET_300_100_SHAPES, syntheticWeights } from './syntheticWeights';

const weights = syntheticWeights(LENET_300_100_SHAPES, 5);
const pruning = { method: 'layerwise_magnitude', sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: 0 } as const;
const masks = globalMagnitudePrune(weights, null, { ...pruning, sparsity: 0.95 });
const uniform8: CompressionSettings['quantization'] = { scheme: 'kmeans', granularity: 'tensor', bits: 8 };

const mixed: CompressionSettings = {
  pruning,
  quantization: uniform8,
  byTensor: {
    'dense_0/kernel': { scheme: 'kmeans', granularity: 'tensor', bits: 2 },
    'dense_0/bias': { scheme: 'float16', granularity: 'tensor', bits: 16 },
    'dense_1/kernel': { scheme: 'symmetric', granularity: 'channel', bits: 5 },
    'dense_2/kernel': { scheme: 'kmeans', granularity: 'tensor', bits: 3, clusters: 5 },
  },
};

describe('per-tensor quantization', () => {
  it('stores each tensor with its own scheme and bits, and decodes to the evaluated weights', () => {
    const result = compressWeights('lenet_300_100', weights, mixed, { startMasks: masks });
    const decoded = decodeModel(result.bytes);
    const byName = new Map(result.quantized.map((q) => [q.name, q]));
    expect(byName.get('dense_0/kernel')).toMatchObject({ scheme: 'kmeans', bits: 2 });
    expect(byName.get('dense_0/bias')).toMatchObject({ scheme: 'float16', bits: 16 });
    expect(byName.get('dense_1/kernel')).toMatchObject({ scheme: 'symmetric', granularity: 'channel', bits: 5 });
    expect(byName.get('dense_2/kernel')!.codebook).toHaveLength(5);
    expect(byName.get('dense_1/bias')).toMatchObject({ scheme: 'none', bits: 32 }); // not named: float32
    decoded.weights.forEach((w, i) => {
      expect(w.name).toBe(result.weights[i].name);
      expect(Buffer.compare(Buffer.from(w.values.buffer), Buffer.from(result.weights[i].values.buffer))).toBe(0);
    });
    // A float16 bias really is rounded: not every value survives as float32 would.
    const bias = weights[1].values;
    expect(result.weights[1].values.some((v, i) => v !== bias[i])).toBe(true);
    expect(result.sparsity).toBeCloseTo(0.95, 3);
  });

  it('is smaller than the model-wide 8 bits it overrides, by the bits it saves', () => {
    const wide = compressWeights('lenet_300_100', weights, { pruning, quantization: uniform8 }, { startMasks: masks });
    const small = compressWeights('lenet_300_100', weights, mixed, { startMasks: masks });
    // dense_0 keeps ~11,760 weights: 6 bits fewer each is ~8.8 kB; the float16 bias saves 600 B.
    expect(wide.bytes.length - small.bytes.length).toBeGreaterThan(8000);
  });

  it('refuses a setting for a tensor the model does not have, and a bad setting', () => {
    const typo = { ...mixed, byTensor: { 'dense_9/kernel': uniform8 } };
    expect(() => compressWeights('lenet_300_100', weights, typo)).toThrow(/no weight of that name/);
    const bad = { ...mixed, byTensor: { 'dense_0/kernel': { scheme: 'symmetric', granularity: 'tensor', bits: 9 } as const } };
    expect(() => compressWeights('lenet_300_100', weights, bad)).toThrow(/1 to 8 bits/);
  });
});
