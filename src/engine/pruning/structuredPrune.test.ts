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
    // The removed units' outgoing rows go too; the output layer keeps all its 4 units.
    expect(countKept(masks[1])).toBe(7 * 4);
    for (const u of removed[0].units) expect(Array.from(masks[1].keep.subarray(u * 4, u * 4 + 4))).toEqual([0, 0, 0, 0]);
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
    // The flattened [3, 3, 8] map feeds the dense kernel: rows r with r % 8 === unit are gone.
    const dense = again.masks[1];
    for (let r = 0; r < 72; r++) {
      const row = Array.from(dense.keep.subarray(r * 10, r * 10 + 10));
      expect(row.every((k) => k === (again.removed[0].units.includes(r % 8) ? 0 : 1))).toBe(true);
    }
  });

  it('disconnects the input channels of a following convolution', () => {
    const weights = syntheticWeights([[3, 3, 1, 4], [4], [3, 3, 4, 2], [2], [8, 3], [3]], 5);
    const { masks, removed } = structuredPruneWithUnits(weights, null, { ...all, includeOutputLayer: false, sparsity: 0.5 });
    const gone = removed[0].units;
    expect(gone).toHaveLength(2);
    // conv_1/kernel [3, 3, 4, 2]: entry i belongs to input channel floor(i / 2) % 4.
    masks[1].keep.forEach((k, i) => {
      if (gone.includes(Math.floor(i / 2) % 4)) expect(k).toBe(0);
    });
  });
});
