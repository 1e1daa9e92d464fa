// The worker's one call, and the degenerate cases of issue 3 item 9: no NaN or Infinity
// anywhere, and a note where the result is degenerate.
import { describe, expect, it } from 'vitest';
import type { WeightArray } from '../spec/types';
import { decodeModel } from '../encoding/decode';
import { removedUnits } from '../pruning/structuredPrune';
import { compressWeights, type CompressionResult, type CompressionSettings } from './compress';
import { LENET_300_100_SHAPES, syntheticWeights } from './syntheticWeights';

function settings(sparsity: number, quantization: CompressionSettings['quantization'], method: CompressionSettings['pruning']['method'] = 'global_magnitude'): CompressionSettings {
  return { pruning: { method, sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 1 }, quantization };
}

const sym4 = { scheme: 'symmetric', granularity: 'channel', bits: 4 } as const;

function expectAllFinite(result: CompressionResult): void {
  const numbers = [result.ratio, result.sparsity, result.denseBytes, result.encoded.totalBytes];
  for (const l of result.encoded.breakdown) numbers.push(...Object.values(l).filter((v): v is number => typeof v === 'number'));
  for (const w of result.weights) for (let i = 0; i < w.values.length; i++) numbers.push(w.values[i]);
  expect(numbers.every(Number.isFinite)).toBe(true);
  expect(result.bytes.length).toBe(result.encoded.totalBytes);
  const decoded = decodeModel(result.bytes);
  decoded.weights.forEach((w, i) => expect(Buffer.compare(Buffer.from(w.values.buffer), Buffer.from(result.weights[i].values.buffer))).toBe(0));
}

describe('compressWeights', () => {
  const weights = syntheticWeights(LENET_300_100_SHAPES, 3);

  it('prunes, quantizes and encodes LeNet-300-100 to over 30x at 90% and 4 bits', () => {
    const result = compressWeights('lenet_300_100', weights, settings(0.9, sym4));
    expect(result.denseBytes).toBe(1_066_440);
    expect(result.ratio).toBeGreaterThan(30);
    expect(result.sparsity).toBeCloseTo(0.9, 6);
    expect(result.masks).toHaveLength(3);
    expect(result.weights[1].values).toEqual(weights[1].values); // biases untouched
    expect(result.notes).toEqual([]);
    expectAllFinite(result);
  });

  it('handles sparsity 0 and 0.999, every method, every scheme, without NaN', () => {
    const small = syntheticWeights([[30, 20], [20], [20, 10], [10]], 4);
    const schemes = [
      { scheme: 'none', granularity: 'tensor', bits: 32 },
      { scheme: 'float16', granularity: 'tensor', bits: 16 },
      { scheme: 'symmetric', granularity: 'tensor', bits: 1 },
      { scheme: 'affine', granularity: 'channel', bits: 8 },
      { scheme: 'kmeans', granularity: 'tensor', bits: 2 },
    ] as const;
    for (const sparsity of [0, 0.5, 0.999]) {
      for (const method of ['global_magnitude', 'layerwise_magnitude', 'random', 'structured'] as const) {
        for (const quantization of schemes) expectAllFinite(compressWeights('m', small, settings(sparsity, quantization, method)));
      }
    }
    const dense = compressWeights('m', small, settings(0, { scheme: 'none', granularity: 'tensor', bits: 32 }));
    expect(dense.notes.join(' ')).toMatch(/larger than plain float32/);
  });

  it('notes all-zero layers, fully pruned layers, 1 bit and lonely weights', () => {
    const zeros: WeightArray[] = [
      { name: 'dense_0/kernel', shape: [3, 2], values: new Float32Array(6) },
      { name: 'dense_0/bias', shape: [2], values: new Float32Array(2) },
      { name: 'dense_1/kernel', shape: [1, 1], values: Float32Array.from([0.7]) },
      { name: 'dense_1/bias', shape: [1], values: new Float32Array(1) },
    ];
    const allZero = compressWeights('m', zeros, settings(0, sym4));
    expect(allZero.notes.join(' ')).toMatch(/dense_0\/kernel are 0/);
    expectAllFinite(allZero);

    const emptied = compressWeights('m', zeros, settings(1, { scheme: 'symmetric', granularity: 'tensor', bits: 1 }));
    expect(emptied.notes.join(' ')).toMatch(/Every weight of dense_1\/kernel was pruned/);
    expect(emptied.notes.join(' ')).toMatch(/1-bit symmetric/);
    expect(emptied.sparsity).toBe(1);
    expectAllFinite(emptied);

    const one = compressWeights('m', [zeros[2], zeros[3]], settings(0.4, { scheme: 'kmeans', granularity: 'tensor', bits: 4 }));
    expect(one.notes.join(' ')).toMatch(/nearest is 0.0%/);
    expect(one.notes.join(' ')).toMatch(/only 1 surviving weights for 16 clusters/);
    expect(one.weights[0].values[0]).toBeCloseTo(0.7, 6);
    expectAllFinite(one);
  });

  it('repairs non-finite weights and out-of-range sparsity with a note', () => {
    const broken = syntheticWeights([[4, 3], [3]], 1);
    broken[0].values[2] = NaN;
    broken[0].values[5] = Infinity;
    const result = compressWeights('m', broken, settings(1.5, sym4));
    expect(result.notes.join(' ')).toMatch(/2 values that were not finite/);
    expect(result.notes.join(' ')).toMatch(/Sparsity 1.5/);
    expectAllFinite(result);
    expect(() => compressWeights('m', broken, settings(0.5, { scheme: 'symmetric', granularity: 'tensor', bits: 16 }))).toThrow(/1 to 8 bits/);
  });

  it('keeps structured pruning off the output layer and says so', () => {
    const result = compressWeights('lenet_300_100', weights, settings(0.5, sym4, 'structured'));
    expect(result.notes.join(' ')).toMatch(/never removes output neurons/);
    expect(removedUnits(result.masks[2]).units).toEqual([]); // every class keeps its neuron
    expect(removedUnits(result.masks[1]).units).toHaveLength(50);
    expect(removedUnits(result.masks[0]).units).toHaveLength(150);
  });
});
