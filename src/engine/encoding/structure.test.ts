// Structured pruning really shrinks the file: whole units removed by structured pruning are
// left out (their column, the next kernel's rows or input channel, their bias), the decoded
// model is exactly the evaluated one, and leaving the biases out changes no prediction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressWeights, type CompressionSettings } from '../compression/compress';
import { syntheticWeights } from '../compression/syntheticWeights';
import { removedUnits } from '../pruning/structuredPrune';
import type { WeightArray } from '../spec/types';
import { decodeModel } from './decode';
import { storedShape } from './structure';

const bytesOf = (a: Float32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function structured(sparsity: number, quantization: CompressionSettings['quantization']): CompressionSettings {
  return { pruning: { method: 'structured', sparsity, includeFirstLayer: true, includeOutputLayer: false, seed: 1 }, quantization };
}

/** Logits of a ReLU MLP in plain JS, for inputs `x` [rows, in]. */
function mlpLogits(weights: WeightArray[], x: Float32Array, rows: number): Float64Array {
  let h = Float64Array.from(x);
  let width = weights[0].shape[0];
  for (let l = 0; l < weights.length; l += 2) {
    const [inn, out] = weights[l].shape;
    expect(inn).toBe(width);
    const next = new Float64Array(rows * out);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < out; o++) {
        let z = weights[l + 1].values[o];
        for (let i = 0; i < inn; i++) z += h[r * inn + i] * weights[l].values[i * out + o];
        next[r * out + o] = l + 2 < weights.length ? Math.max(0, z) : z;
      }
    }
    h = next;
    width = out;
  }
  return h;
}

const quantizations = fc.constantFrom<CompressionSettings['quantization'][]>(
  { scheme: 'none', granularity: 'tensor', bits: 32 },
  { scheme: 'symmetric', granularity: 'channel', bits: 4 },
  { scheme: 'affine', granularity: 'channel', bits: 3 },
  { scheme: 'kmeans', granularity: 'tensor', bits: 2 },
  { scheme: 'float16', granularity: 'tensor', bits: 16 },
);

describe('removed units in the file', () => {
  it('stores LeNet-300-100 with half its hidden units removed as the smaller layers it is', () => {
    const weights = syntheticWeights([[784, 300], [300], [300, 100], [100], [100, 10], [10]], 2);
    const r = compressWeights('lenet_300_100', weights, structured(0.5, { scheme: 'symmetric', granularity: 'channel', bits: 4 }));
    const drops = r.encoded.breakdown; // per layer
    expect(drops.map((l) => l.kept)).toEqual([784 * 150, 150 * 50, 50 * 10]);
    // No positions beyond the unit bitmasks: every stored weight is kept.
    expect(r.encoded.breakdown[0].positionBytes).toBeLessThan(60);
    const decoded = decodeModel(r.bytes);
    decoded.weights.forEach((w, i) => expect(bytesOf(w.values).equals(bytesOf(r.weights[i].values))).toBe(true));
    decoded.masks!.forEach((m, i) => expect(bytesOf(m.keep).equals(bytesOf(r.masks[i].keep))).toBe(true));
    // The biases of removed units are 0, the others untouched.
    const gone = new Set(removedUnits(r.masks[0]).units);
    expect(gone.size).toBe(150);
    for (let u = 0; u < 300; u++) expect(r.weights[1].values[u]).toBe(gone.has(u) ? 0 : weights[1].values[u]);
  });

  it('round-trips structured pruning of random MLPs and convnets exactly, and predicts as before', () => {
    const shapes = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 16 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 5 })).map(([i, a, b, o]) => [[i, a], [a], [a, b], [b], [b, o], [o]]),
      fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 })).map(([c, f, o]) => [[3, 3, c, f], [f], [3, 3, f, f], [f], [4 * f, o], [o]]),
    );
    fc.assert(
      fc.property(shapes, fc.double({ min: 0, max: 1, noNaN: true }), quantizations, fc.nat(), (layerShapes, sparsity, quantization, seed) => {
        const weights = syntheticWeights(layerShapes, seed);
        const r = compressWeights('m', weights, structured(sparsity, quantization));
        expect(r.bytes.length).toBe(r.encoded.totalBytes);
        const decoded = decodeModel(r.bytes);
        decoded.weights.forEach((w, i) => expect(bytesOf(w.values).equals(bytesOf(r.weights[i].values))).toBe(true));
        decoded.masks!.forEach((m, i) => expect(bytesOf(m.keep).equals(bytesOf(r.masks[i].keep))).toBe(true));
        // Every unit the structured strategy removed from a hidden layer is gone from the file.
        const kernels = r.masks.length;
        r.masks.slice(0, kernels - 1).forEach((m, k) => {
          const units = m.shape[m.shape.length - 1];
          const removed = removedUnits(m).units.length;
          const stored = r.encoded.breakdown[k].kept;
          if (removed > 0 && removed < units) expect(stored).toBeLessThan(m.keep.length);
        });
        if (layerShapes[0].length === 2) {
          // Restoring the dropped biases changes no logit: those units fed nothing.
          const restored = r.weights.map((w, i) => (w.shape.length === 1 ? weights[i] : w));
          const x = Float32Array.from({ length: 4 * layerShapes[0][0] }, (_, i) => Math.sin(i + seed));
          const a = mlpLogits(r.weights, x, 4);
          const b = mlpLogits(restored, x, 4);
          expect(Array.from(a)).toEqual(Array.from(b));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stored shapes follow the unit and input bitmasks', () => {
    const drop = { outKeep: Uint8Array.of(1, 0, 1), inPeriod: 2, inKeep: Uint8Array.of(0, 1) };
    expect(storedShape([4, 3], drop)).toEqual([2, 2]);
    expect(storedShape([3], { outKeep: Uint8Array.of(0, 1, 1), inPeriod: 0, inKeep: null })).toEqual([1, 2]);
  });
});
