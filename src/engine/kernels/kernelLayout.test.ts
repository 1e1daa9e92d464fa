// The layout's values must be the decoder's, for biases in every scheme the file allows: the
// auto-compress search stores biases as float16, which the kernels once read as float32 bits.
import { describe, expect, it } from 'vitest';
import { compressWeights } from '../compression/compress';
import { LENET_300_100_SHAPES, syntheticWeights } from '../compression/syntheticWeights';
import { decodeModel } from '../encoding/decode';
import { readRawModel } from '../export/c/layout';
import type { QuantizationSettings } from '../quantization/types';
import { storedValues } from './kernelLayout';

const BIAS_SCHEMES: QuantizationSettings[] = [
  { scheme: 'none', granularity: 'tensor', bits: 32 },
  { scheme: 'float16', granularity: 'tensor', bits: 16 },
  { scheme: 'symmetric', granularity: 'tensor', bits: 8 },
  { scheme: 'affine', granularity: 'channel', bits: 4 },
  { scheme: 'kmeans', granularity: 'tensor', bits: 2, clusters: 3 },
];

describe('storedValues', () => {
  for (const bias of BIAS_SCHEMES) {
    it(`gives the decoder's values for ${bias.bits}-bit ${bias.scheme} biases and their kernels`, () => {
      const weights = syntheticWeights(LENET_300_100_SHAPES, 2);
      const byTensor = Object.fromEntries(weights.filter((w) => w.shape.length === 1).map((w) => [w.name, bias]));
      const { bytes } = compressWeights('lenet_300_100', weights, {
        pruning: { method: 'layerwise_magnitude', sparsity: 0.7, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
        quantization: { scheme: 'symmetric', granularity: 'channel', bits: 4 },
        byTensor,
      });
      const decoded = decodeModel(bytes).weights;
      const raw = readRawModel(bytes).tensors;
      raw.forEach((t, i) => {
        expect(t.drop, t.name).toBeNull();
        expect(storedValues(t), t.name).toEqual(decoded[i].values);
      });
      // Not all zero: the test would pass on biases read as nothing.
      expect(storedValues(raw[5]).some((v) => v !== 0)).toBe(true);
    });
  }
});
