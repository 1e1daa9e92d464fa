// The bucketed selection agrees with a plain sort, ties and signs included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthSmallestMagnitude } from './magnitudeSelect';

function bySort(values: Float32Array[], keeps: Uint8Array[], k: number): { threshold: number; below: number } {
  const mags: number[] = [];
  values.forEach((v, s) => v.forEach((x, i) => keeps[s][i] === 1 && mags.push(Number.isNaN(x) ? Infinity : Math.abs(x))));
  mags.sort((a, b) => a - b);
  const threshold = mags[k];
  return { threshold, below: mags.filter((m) => m < threshold).length };
}

describe('kthSmallestMagnitude', () => {
  it('matches a sort for random weights, masks, duplicates, zeros and infinities', () => {
    const value = fc.oneof(
      fc.float({ noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, 0.5, Infinity, -Infinity, 1e-40, -1e-40),
    );
    const source = fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), (sources, at) => {
        const values = sources.map((s) => Float32Array.from(s, ([v]) => v));
        const keeps = sources.map((s) => Uint8Array.from(s, ([, k]) => (k ? 1 : 0)));
        const kept = keeps.reduce((n, k) => n + k.reduce((a, b) => a + b, 0), 0);
        if (kept === 0) return;
        const k = Math.min(kept - 1, Math.floor(at * kept));
        const got = kthSmallestMagnitude(values.map((v, i) => ({ values: v, keep: keeps[i] })), k);
        expect(got).toEqual(bySort(values, keeps, k));
      }),
      { numRuns: 400 },
    );
  });

  it('counts NaN as larger than every number', () => {
    const values = Float32Array.of(NaN, 3, -2, NaN, 1);
    const keep = new Uint8Array(5).fill(1);
    expect(kthSmallestMagnitude([{ values, keep }], 2)).toEqual({ threshold: 3, below: 2 });
    expect(kthSmallestMagnitude([{ values, keep }], 4)).toEqual({ threshold: Infinity, below: 3 });
  });
});
