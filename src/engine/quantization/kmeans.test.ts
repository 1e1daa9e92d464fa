import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { quantizeKmeans } from './kmeans';
import { sortFloat32 } from './sortFloat32';

function normal(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

function mse(values: Float32Array, codes: Uint8Array, codebook: Float32Array): number {
  let sum = 0;
  values.forEach((v, i) => (sum += (v - codebook[codes[i]]) ** 2));
  return sum / values.length;
}

describe('k-means weight sharing', () => {
  it('stores values that are already shared exactly (Lloyd from the linear start merged 0 and 0.1 here)', () => {
    const shared = [-0.5, -0.1, 0, 0.1, 0.5];
    const values = Float32Array.from({ length: 200 }, (_, i) => shared[(i * 7) % shared.length]);
    const { codes, codebook } = quantizeKmeans(values, null, values.length, 5);
    expect(Array.from(codebook)).toEqual(Array.from(Float32Array.from(shared)));
    expect(mse(values, codes, codebook)).toBe(0);
    // Fewer distinct values than clusters: the codebook keeps its size, the last value repeated.
    const three = quantizeKmeans(values.map((v) => Math.min(v, 0)), null, values.length, 8);
    expect(three.codebook.length).toBe(8);
    expect(mse(values.map((v) => Math.min(v, 0)), three.codes, three.codebook)).toBe(0);
  });

  it('shared values come back exactly for any k that holds them (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.float({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 244 }), (shared, extra) => {
        const k = Math.max(2, shared.length) + (extra % 5);
        const values = Float32Array.from({ length: k + 1 + extra }, (_, i) => shared[i % shared.length]);
        const { codes, codebook } = quantizeKmeans(values, null, values.length, Math.min(256, k));
        return mse(values, codes, codebook) === 0;
      }),
    );
  });

  it('makes exactly k clusters, ascending, and the error falls as k grows', () => {
    const values = normal(20000, 1);
    let previous = Infinity;
    for (const k of [2, 4, 8, 16, 32, 64, 256]) {
      const { codes, codebook } = quantizeKmeans(values, null, values.length, k);
      expect(codebook.length).toBe(k);
      for (let j = 1; j < k; j++) expect(codebook[j]).toBeGreaterThanOrEqual(codebook[j - 1]);
      expect(new Set(codes).size).toBeLessThanOrEqual(k);
      const error = mse(values, codes, codebook);
      expect(error).toBeLessThan(previous);
      previous = error;
    }
    expect(previous).toBeLessThan(1e-3);
  });

  it('assigns each weight to its nearest centroid and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 20 }), (ints, k) => {
        const values = Float32Array.from(ints, (v) => v / 7);
        const a = quantizeKmeans(values, null, values.length, k);
        const b = quantizeKmeans(values, null, values.length, k);
        expect(a.codes).toEqual(b.codes);
        values.forEach((v, i) => {
          const mine = Math.abs(v - a.codebook[a.codes[i]]);
          for (const c of a.codebook) expect(mine).toBeLessThanOrEqual(Math.abs(v - c));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('clusters only kept weights and survives fewer weights than clusters', () => {
    const values = Float32Array.from([100, 1, 2, -100]);
    const keep = Uint8Array.from([0, 1, 1, 0]);
    const { codes, codebook } = quantizeKmeans(values, keep, 2, 16);
    expect(codes.length).toBe(2);
    expect(Math.min(...codebook)).toBe(1);
    expect(Math.max(...codebook)).toBe(2);
    expect(quantizeKmeans(values, new Uint8Array(4), 0, 4).codebook.every((c) => c === 0)).toBe(true);
  });

  it('sorts float32 values like a comparison sort (radix sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true }), { maxLength: 500 }), (xs) => {
        const values = Float32Array.from(xs);
        expect(Array.from(sortFloat32(values))).toEqual(Array.from(values.slice().sort()));
      }),
    );
  });
});
