// decode(encode(m)) gives exactly the quantizer's dequantized weights and the masks, and the
// reported size is the buffer's length, for random shapes, sparsities, schemes and bit widths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticWeights } from '../compression/syntheticWeights';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { randomPrune } from '../pruning/randomPrune';
import { quantizeWeights } from '../quantization/quantize';
import type { QuantizationSettings } from '../quantization/types';
import { decodeModel } from './decode';
import { encodeModel } from './encode';

const bytesOf = (a: Float32Array | Uint8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const identical = (a: Float32Array | Uint8Array, b: Float32Array | Uint8Array): boolean =>
  Buffer.compare(bytesOf(a), bytesOf(b)) === 0;

const layer = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 })).map(([i, o]) => [[i, o], [o]]),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 })).map(([k, c, f]) => [[k, k, c, f], [f]]),
);

const quantization: fc.Arbitrary<QuantizationSettings> = fc.oneof(
  fc.record({
    scheme: fc.constantFrom('symmetric' as const, 'affine' as const),
    granularity: fc.constantFrom('tensor' as const, 'channel' as const),
    bits: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    scheme: fc.constant('kmeans' as const),
    granularity: fc.constant('tensor' as const),
    bits: fc.integer({ min: 1, max: 8 }),
    clusters: fc.option(fc.integer({ min: 2, max: 256 }), { nil: undefined }),
  }),
  fc.constant({ scheme: 'float16' as const, granularity: 'tensor' as const, bits: 16 }),
  fc.constant({ scheme: 'none' as const, granularity: 'tensor' as const, bits: 32 }),
);

const model = fc.record({
  layers: fc.array(layer, { minLength: 1, maxLength: 3 }),
  seed: fc.nat(),
  sparsity: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.9, 0.999, 1)),
  pruning: fc.constantFrom('none', 'global', 'random'),
  quant: quantization,
  entropyCoding: fc.boolean(),
  modelId: fc.constantFrom('lenet_300_100', 'lenet5', 'x'),
});

describe('encode / decode', () => {
  it('round-trips exactly and reports the true size', () => {
    fc.assert(
      fc.property(model, ({ layers, seed, sparsity, pruning, quant, entropyCoding, modelId }) => {
        const weights = syntheticWeights(layers.flat(), seed);
        const params = { sparsity, seed, includeFirstLayer: true, includeOutputLayer: true };
        const masks =
          pruning === 'none' ? null : (pruning === 'global' ? globalMagnitudePrune : randomPrune)(weights, null, params);
        const encoded = encodeModel({ modelId, weights, masks, quant }, { entropyCoding });
        expect(encoded.totalBytes).toBe(encoded.bytes.length);
        expect(encoded.headerBytes + encoded.breakdown.reduce((s, l) => s + l.totalBytes, 0)).toBe(encoded.bytes.length);

        const decoded = decodeModel(encoded.bytes);
        const expected = quantizeWeights(weights, masks, quant);
        // A unit the file leaves out (no weight in or out of it survived) has its bias dropped too.
        encoded.drops.forEach((drop, t) => {
          if (drop && expected[t].shape.length === 1) drop.outKeep.forEach((k, u) => k === 0 && (expected[t].dequantized[u] = 0));
        });
        expect(decoded.modelId).toBe(modelId);
        expect(decoded.weights.map((w) => [w.name, w.shape])).toEqual(weights.map((w) => [w.name, w.shape]));
        decoded.weights.forEach((w, i) => expect(identical(w.values, expected[i].dequantized)).toBe(true));
        if (masks === null) {
          expect(decoded.masks).toBeNull();
        } else {
          expect(decoded.masks!.map((m) => m.name)).toEqual(masks.map((m) => m.name));
          decoded.masks!.forEach((m, i) => expect(identical(m.keep, masks[i].keep)).toBe(true));
        }
      }),
      { numRuns: 250 },
    );
  });
});
