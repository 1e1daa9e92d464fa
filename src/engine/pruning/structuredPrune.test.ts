import { describe, expect, it } from 'vitest';
import type { WeightArray } from '../spec/types';
import { syntheticWeights } from '../compression/syntheticWeights';
import { countKept } from './mask';
import { removedUnits, structuredPruneWithUnits } from './structuredPrune';

const all = { seed: 0, includeFirstLayer: true, includeOutputLayer: true };

describe('structured pruning', () => {
  it('removes whole columns with the smallest norm and never an output unit', () => {
    const weights = syntheticWeights([[20, 10], [10], [10, 4], [4]], 1);
    // Make column 3 of the first kernel tiny and column 7 small in L2 but not in L1.
    const k = weights[0].values;
    for (let r = 0; r < 20; r++) k[r * 10 + 3] *= 0.01;
    const { masks, removed } = structuredPruneWithUnits(weights, null, { ...all, sparsity: 0.3 });
    expect(removed).toHaveLength(1); // the output kernel is never structurally pruned
    expect(removed[0].units).toHaveLength(3);
    expect(removed[0].units).toContain(3);
    for (const u of removed[0].units) for (let r = 0; r < 20; r++) expect(masks[0].keep[r * 10 + u]).toBe(0);
    expect(countKept(masks[0])).toBe(20 * 7);
    expect(countKept(masks[1])).toBe(40);
  });

  it('ranks by L1 or L2 as asked', () => {
    const kernel: WeightArray = {
      name: 'dense_0/kernel',
      shape: [4, 3],
      // Column 0: one big weight (L1 2, L2 4); column 1: spread (L1 2.4, L2 1.44); column 2 large.
      values: Float32Array.from([2, 0.6, 5, 0, 0.6, 5, 0, 0.6, 5, 0, 0.6, 5]),
    };
    const out: WeightArray = { name: 'dense_1/kernel', shape: [3, 2], values: new Float32Array(6).fill(1) };
    const pick = (norm: 'l1' | 'l2') =>
      structuredPruneWithUnits([kernel, out], null, { ...all, sparsity: 1 / 3, norm }).removed[0].units;
    expect(pick('l1')).toEqual([0]);
    expect(pick('l2')).toEqual([1]);
  });

  it('removes whole filters of a conv kernel and counts already dead units', () => {
    const weights = syntheticWeights([[3, 3, 2, 8], [8], [72, 10], [10]], 2);
    const first = structuredPruneWithUnits(weights, null, { ...all, sparsity: 0.25 });
    expect(first.removed[0].units).toHaveLength(2);
    const again = structuredPruneWithUnits(weights, first.masks, { ...all, sparsity: 0.5 });
    expect(again.removed[0].units).toHaveLength(4);
    expect(again.removed[0].units).toEqual(expect.arrayContaining(first.removed[0].units));
    expect(removedUnits(again.masks[0]).units).toEqual(again.removed[0].units);
  });
});
