// The LeNet-300-100 case of the reference: 90% sparse + 4-bit must encode far below 1/20 of
// the 1,066,440 dense float32 bytes (PyTorch measured 34,333 B with gaps and 4-bit codes).
import { describe, expect, it } from 'vitest';
import { LENET_300_100_SHAPES, syntheticWeights } from '../compression/syntheticWeights';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { decodeModel } from './decode';
import { denseFloat32Bytes, encodeModel } from './encode';

describe('LeNet-300-100 sized model', () => {
  const weights = syntheticWeights(LENET_300_100_SHAPES, 0);
  const masks = globalMagnitudePrune(weights, null, { sparsity: 0.9, seed: 0, includeFirstLayer: true, includeOutputLayer: true });

  it('is 1,066,440 bytes dense and well under 1/20 of that at 90% sparsity and 4 bits', () => {
    expect(denseFloat32Bytes(weights)).toBe(1_066_440);
    for (const granularity of ['tensor', 'channel'] as const) {
      for (const entropyCoding of [false, true]) {
        const { totalBytes, breakdown, bytes } = encodeModel(
          { modelId: 'lenet_300_100', weights, masks, quant: { scheme: 'symmetric', granularity, bits: 4 } },
          { entropyCoding },
        );
        expect(totalBytes).toBeLessThan(1_066_440 / 20);
        expect(totalBytes).toBeLessThan(entropyCoding ? 30_000 : 34_000);
        expect(breakdown.map((l) => l.name)).toEqual(['dense_0', 'dense_1', 'dense_2']);
        expect(breakdown.every((l) => l.positionEncoding === 'gaps' && l.bits === 4)).toBe(true);
        expect(breakdown.reduce((s, l) => s + l.kept, 0)).toBe(26_620);
        expect(breakdown[0].biasBytes).toBe(300 * 4 + 'dense_0/bias'.length + 1 + 1 + 4 + 3 + 1 + 1);
        expect(decodeModel(bytes).weights).toHaveLength(6);
      }
    }
  });
});
