import { describe, expect, it } from 'vitest';
import type { WeightArray } from '../spec/types';
import { applyMasks, countKept, denseMasks, isKernel, maskSparsity, type Mask } from './mask';

const weights: WeightArray[] = [
  { name: 'dense_0/kernel', shape: [2, 3], values: Float32Array.from([1, -2, 3, -4, 5, -0]) },
  { name: 'dense_0/bias', shape: [3], values: Float32Array.from([0.1, 0.2, 0.3]) },
];

describe('masks', () => {
  it('gives every kernel, and no bias, an all-kept mask', () => {
    const masks = denseMasks(weights);
    expect(masks.map((m) => m.name)).toEqual(['dense_0/kernel']);
    expect(Array.from(masks[0].keep)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(isKernel(weights[1])).toBe(false);
    expect(maskSparsity(masks)).toBe(0);
    expect(maskSparsity(null)).toBe(0);
  });

  it('zeroes pruned weights in new arrays, leaves kept ones (even -0) and biases as they were', () => {
    const mask: Mask = { name: 'dense_0/kernel', shape: [2, 3], keep: Uint8Array.from([1, 0, 1, 0, 0, 1]) };
    const out = applyMasks(weights, [mask]);
    expect(Array.from(out[0].values)).toEqual([1, 0, 3, 0, 0, -0]);
    expect(Object.is(out[0].values[5], -0)).toBe(true);
    expect(out[1].values).toEqual(weights[1].values);
    expect(out[1].values).not.toBe(weights[1].values);
    expect(weights[0].values[1]).toBe(-2);
    expect(countKept(mask)).toBe(3);
    expect(maskSparsity([mask])).toBe(0.5);
  });

  it('refuses a mask that does not fit its tensor', () => {
    const bad: Mask = { name: 'dense_0/kernel', shape: [5], keep: new Uint8Array(5) };
    expect(() => applyMasks(weights, [bad])).toThrow(/5 entries/);
    expect(() => applyMasks(weights, [{ ...bad, name: 'nope' }])).toThrow(/no weight/);
  });
});
