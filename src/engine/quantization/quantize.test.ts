import { describe, expect, it } from 'vitest';
import { syntheticWeights } from '../compression/syntheticWeights';
import { denseMasks } from '../pruning/mask';
import { dequantizedWeights, quantizeTensor, quantizeWeights } from './quantize';

describe('quantizeWeights', () => {
  const weights = syntheticWeights([[30, 20], [20], [20, 5], [5]], 4);

  it('quantizes kernels under their masks and leaves biases float32', () => {
    const masks = denseMasks(weights);
    masks[0].keep.fill(0, 0, 300);
    const q = quantizeWeights(weights, masks, { scheme: 'symmetric', granularity: 'channel', bits: 4 });
    expect(q.map((t) => t.scheme)).toEqual(['symmetric', 'none', 'symmetric', 'none']);
    expect(q[0].codes.length).toBe(300);
    expect(q[0].dequantized.subarray(0, 300).every((v) => v === 0)).toBe(true);
    const loaded = dequantizedWeights(q);
    expect(loaded[1].values).toEqual(weights[1].values);
    expect(loaded.map((w) => w.name)).toEqual(weights.map((w) => w.name));
    const firstColumn = loaded[2].values.filter((_, i) => i % 5 === 0);
    expect(new Set(firstColumn).size).toBeLessThanOrEqual(15); // 4 bits symmetric: 15 levels per channel
  });

  it('float16 and none change kernels by at most half-precision rounding, or not at all', () => {
    const half = quantizeWeights(weights, null, { scheme: 'float16', granularity: 'tensor', bits: 16 });
    half[0].dequantized.forEach((v, i) => expect(Math.abs(v - weights[0].values[i])).toBeLessThanOrEqual(Math.abs(weights[0].values[i]) * 2 ** -11 + 2 ** -25));
    const none = quantizeWeights(weights, null, { scheme: 'none', granularity: 'tensor', bits: 32 });
    expect(none[0].dequantized).toEqual(weights[0].values);
    expect(none[0].bits).toBe(32);
  });

  it('uses 2^bits clusters for k-means unless told otherwise', () => {
    const q = quantizeWeights(weights, null, { scheme: 'kmeans', granularity: 'tensor', bits: 3 });
    expect(q[0].codebook!.length).toBe(8);
    const q5 = quantizeWeights(weights, null, { scheme: 'kmeans', granularity: 'tensor', bits: 8, clusters: 5 });
    expect(q5[0].codebook!.length).toBe(5);
    expect(q5[0].bits).toBe(3);
  });

  it('reuses an output array, zeroing what the new mask prunes', () => {
    const w = weights[0];
    const settings = { scheme: 'affine', granularity: 'tensor', bits: 3 } as const;
    const out = new Float32Array(w.values.length).fill(7);
    const keep = Uint8Array.from(w.values, (_, i) => i % 2);
    const reused = quantizeTensor(w, keep, settings, out);
    expect(reused.dequantized).toBe(out);
    expect(out).toEqual(quantizeTensor(w, keep, settings).dequantized);
    expect(() => quantizeTensor(w, null, settings, new Float32Array(3))).toThrow(/output of 600/);
  });
});
