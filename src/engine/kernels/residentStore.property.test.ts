// Weights in WebAssembly memory (residentStore.ts) must compress to exactly what the JavaScript
// loops give on ordinary arrays: same masks, codes, dequantized bits and file bytes, whatever the
// weights (exact quantization ties, equal magnitudes at the threshold, zeros of both signs), the
// masks a lottery ticket starts from, the method and the scheme. And the store's views must stay
// attached (its memory never grows) through any number of moves.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKernelFactory } from '../../../test/kernels';
import { compressWeights, type CompressionSettings } from '../compression/compress';
import { applyMasks } from '../pruning/mask';
import { kthSmallestMagnitude } from '../pruning/magnitudeSelect';
import type { WeightArray } from '../spec/types';
import { residentOf, residentWeights, useResidentKernels } from './residentStore';

beforeAll(async () => useResidentKernels(await loadKernelFactory()));
afterAll(() => useResidentKernels(null));

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)));

/** Deterministic noise (fast-check picks the seed); `coarse` makes many equal magnitudes and
 * exact ties of quantization steps. */
function noise(seed: number, n: number, coarse: boolean): Float32Array {
  let x = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, (_, i) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = (x >>> 0) / 2 ** 32 - 0.5;
    if (i % 101 === 0) return -0;
    return coarse ? Math.round(u * 32) / 16 : u * Math.abs(u) * 0.2;
  });
}

/** A three-layer MLP's weights, kernels and biases interleaved as the models order them. */
function model(seed: number, widths: readonly number[], coarse: boolean): WeightArray[] {
  return widths.slice(1).flatMap((units, l) => [
    { name: `dense_${l}/kernel`, shape: [widths[l], units], values: noise(seed + l, widths[l] * units, coarse) },
    { name: `dense_${l}/bias`, shape: [units], values: noise(seed + 50 + l, units, false) },
  ]);
}

function snapshot(r: ReturnType<typeof compressWeights>) {
  return {
    masks: r.masks.map((m) => Array.from(m.keep)),
    codes: r.quantized.map((q) => Array.from(q.codes)),
    dequantized: r.weights.map((w) => bits(w.values)),
    bytes: Array.from(r.bytes),
    notes: r.notes,
  };
}

describe('compression of weights in WebAssembly memory', () => {
  it('gives the JavaScript loops’ masks, codes, floats and bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 30 }),
        fc.constantFrom([200, 90, 10], [33, 17, 5], [784, 30, 10]),
        fc.boolean(),
        fc.constantFrom(0, 0.3, 0.5, 0.9, 0.99, 1),
        fc.constantFrom('global_magnitude', 'layerwise_magnitude') as fc.Arbitrary<'global_magnitude' | 'layerwise_magnitude'>,
        fc.constantFrom('symmetric', 'affine', 'none') as fc.Arbitrary<'symmetric' | 'affine' | 'none'>,
        fc.integer({ min: 2, max: 8 }),
        fc.boolean(),
        fc.boolean(),
        (seed, widths, coarse, sparsity, method, scheme, bitWidth, ticket, firstLayer) => {
          const weights = model(seed, widths, coarse);
          const settings: CompressionSettings = {
            pruning: { method, sparsity, includeFirstLayer: firstLayer, includeOutputLayer: true, seed },
            quantization: { scheme, granularity: 'tensor', bits: scheme === 'none' ? 32 : bitWidth },
          };
          // A lottery ticket's masks: pruning is cumulative from them.
          const startMasks = ticket ? compressWeights('mlp', weights, { ...settings, pruning: { ...settings.pruning, sparsity: 0.4 } }).masks : null;
          const plain = snapshot(compressWeights('mlp', weights, settings, { startMasks }));
          const resident = residentWeights(weights, 1);
          expect(resident).not.toBeNull();
          const into = { dequantized: resident!.outputs[0], codes: weights.map((w) => new ArrayBuffer(4 * w.values.length)) };
          const inWasm = compressWeights('mlp', resident!.weights, settings, { startMasks, into });
          expect(residentOf(inWasm.weights[0].values)).not.toBeNull();
          expect(snapshot(inWasm)).toEqual(plain);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('finds the k-th magnitude as a sort does, also when the sample is built to miss', () => {
    const n = 40_000;
    const values = noise(3, n, false);
    for (let j = 0; j < 4096; j++) values[Math.floor(((j + 0.5) * n) / 4096)] = 1000 + j;
    const keep = new Uint8Array(n).fill(1);
    const resident = residentWeights([{ name: 'w/kernel', shape: [n, 1], values }], 0)!;
    const sorted = Float64Array.from(values, Math.abs).sort();
    for (const k of [0, 1000, 20_000, 35_000, n - 1]) {
      const below = sorted.findIndex((m) => m === sorted[k]);
      expect(kthSmallestMagnitude([{ values: resident.weights[0].values, keep }], k, n)).toEqual({ threshold: sorted[k], below });
    }
  });

  it('applies masks in place, bit for bit, into arrays of the same memory or not', () => {
    const weights = model(9, [300, 100, 10], true);
    const masks = compressWeights('mlp', weights, { pruning: { method: 'global_magnitude', sparsity: 0.7, includeFirstLayer: true, includeOutputLayer: true, seed: 1 }, quantization: { scheme: 'none', granularity: 'tensor', bits: 32 } }).masks;
    const expected = applyMasks(weights, masks).map((w) => bits(w.values));
    const resident = residentWeights(weights, 1)!;
    expect(applyMasks(resident.weights, masks, resident.outputs[0]).map((w) => bits(w.values))).toEqual(expected);
    expect(applyMasks(resident.weights, masks).map((w) => bits(w.values))).toEqual(expected);
  });

  it('keeps its views attached across many moves (the memory never grows)', () => {
    const weights = model(4, [784, 300, 10], false);
    const resident = residentWeights(weights, 2)!;
    const buffer = resident.weights[0].values.buffer;
    for (let move = 0; move < 30; move++) {
      const settings: CompressionSettings = {
        pruning: { method: 'global_magnitude', sparsity: move / 30, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
        quantization: { scheme: 'affine', granularity: 'tensor', bits: 2 + (move % 7) },
      };
      compressWeights('mlp', resident.weights, settings, { into: { dequantized: resident.outputs[move % 2], codes: weights.map((w) => new ArrayBuffer(4 * w.values.length)) } });
    }
    expect(resident.weights[0].values.buffer).toBe(buffer);
    expect(resident.weights[0].values.length).toBe(784 * 300);
    expect(bits(resident.weights[2].values)).toEqual(bits(weights[2].values));
  });
});
