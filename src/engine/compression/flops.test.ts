import { describe, expect, it } from 'vitest';
import { lenet300100 } from '../models/lenet_300_100';
import { lenet5 } from '../models/lenet5';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { countMacs } from './flops';
import { LENET_300_100_SHAPES, syntheticWeights } from './syntheticWeights';

describe('countMacs', () => {
  it('counts one MAC per dense weight, and only kept ones when sparse', () => {
    const layers = lenet300100.layers([300, 100], 10);
    const dense = countMacs(layers, [28, 28, 1], null);
    expect(dense.denseMacs).toBe(266_200);
    expect(dense.sparseMacs).toBe(266_200);
    const weights = syntheticWeights(LENET_300_100_SHAPES, 1);
    const masks = globalMagnitudePrune(weights, null, { sparsity: 0.9, seed: 0, includeFirstLayer: true, includeOutputLayer: true });
    expect(countMacs(layers, [28, 28, 1], masks).sparseMacs).toBe(26_620);
  });

  it('counts every output position of a convolution', () => {
    const layers = lenet5.layers([6, 16, 120, 84], 10);
    const { layers: rows } = countMacs(layers, [28, 28, 1], null);
    expect(rows[0]).toMatchObject({ name: 'conv_0/kernel', type: 'conv2d', positions: 28 * 28, denseMacs: 28 * 28 * 25 * 6 });
    expect(rows[1]).toMatchObject({ positions: 10 * 10, denseMacs: 10 * 10 * 25 * 6 * 16 });
    expect(rows[2]).toMatchObject({ type: 'dense', denseMacs: 400 * 120 });
  });
});
