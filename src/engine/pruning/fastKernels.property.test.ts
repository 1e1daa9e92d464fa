// The fast kernels against plain references: the sampled threshold against a sort (on models
// large enough for the sample, including data built to defeat it), and applyMasks' bit-pattern
// AND against a select, bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthSmallestMagnitude } from './magnitudeSelect';
import { applyMasks } from './mask';

function bySort(values: Float32Array[], keeps: Uint8Array[], k: number): { threshold: number; below: number } {
  const mags: number[] = [];
  values.forEach((v, s) => v.forEach((x, i) => keeps[s][i] === 1 && mags.push(Number.isNaN(x) ? Infinity : Math.abs(x))));
  const sorted = Float64Array.from(mags).sort();
  const threshold = sorted[k];
  let below = 0;
  for (const m of sorted) if (m < threshold) below++;
  return { threshold, below };
}

/** Deterministic pseudo-random floats (fast-check picks the seed), so arrays can be large. */
function noise(seed: number, n: number, coarse: boolean): Float32Array {
  let x = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = (x >>> 0) / 2 ** 32 - 0.5;
    out[i] = coarse ? Math.round(u * 16) / 16 : u * Math.abs(u) * 0.2;
  }
  return out;
}

describe('kthSmallestMagnitude on large inputs (sampled bracket)', () => {
  it('matches a sort for any k, with and without masks, several kernels, ties and specials', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12_000 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 0.3, 0.9, 0.999),
        fc.boolean(),
        fc.boolean(),
        (lengths, seed, at, pruned, coarse, specials) => {
          const values = lengths.map((n, s) => noise(seed + s, n, coarse));
          if (specials) values[0].set([NaN, Infinity, -Infinity, -0, 0, NaN].slice(0, values[0].length));
          const keeps = values.map((v, s) => {
            const r = noise(seed * 7 + s, v.length, false);
            return Uint8Array.from(r, (u) => (pruned > 0 && Math.abs(u) * 20 < pruned ? 0 : 1));
          });
          const kept = keeps.reduce((n, k) => n + k.reduce((a, b) => a + b, 0), 0);
          if (kept === 0) return;
          const k = Math.min(kept - 1, Math.floor(at * kept));
          const sources = values.map((v, i) => ({ values: v, keep: keeps[i] }));
          const expected = bySort(values, keeps, k);
          expect(kthSmallestMagnitude(sources, k)).toEqual(expected);
          expect(kthSmallestMagnitude(sources, k, kept)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts neither NaN nor Infinity below an Infinity threshold (small inputs too)', () => {
    const values = Float32Array.of(NaN, Infinity);
    const keep = Uint8Array.of(1, 1);
    expect(kthSmallestMagnitude([{ values, keep }], 1)).toEqual({ threshold: Infinity, below: 0 });
  });

  it('stays exact when the sample is built to miss (every sampled position holds a huge weight)', () => {
    const n = 40_000;
    const values = noise(3, n, false);
    // The sample takes positions floor((j + 0.5) * n / 4096): make exactly those the largest.
    for (let j = 0; j < 4096; j++) values[Math.floor(((j + 0.5) * n) / 4096)] = 1000 + j;
    const keep = new Uint8Array(n).fill(1);
    for (const k of [0, 1000, 20_000, 35_000, n - 1]) {
      expect(kthSmallestMagnitude([{ values, keep }], k, n)).toEqual(bySort([values], [keep], k));
    }
  });
});

describe('applyMasks', () => {
  it('equals a select bit for bit, new arrays or reused ones, any mask byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.float(), fc.constantFrom(0, 1, 1, 2, 255)), { minLength: 1, maxLength: 300 }),
        (cells) => {
          const values = Float32Array.from(cells, ([v]) => v);
          const keep = Uint8Array.from(cells, ([, k]) => k);
          const weights = [{ name: 'dense_0/kernel', shape: [values.length, 1], values }];
          const masks = [{ name: 'dense_0/kernel', shape: [values.length, 1], keep }];
          const expected = new Uint32Array(Float32Array.from(values, (v, i) => (keep[i] === 1 ? v : 0)).buffer);
          const reused = [new Float32Array(values.length).fill(7)];
          const fresh = applyMasks(weights, masks)[0].values;
          const into = applyMasks(weights, masks, reused)[0].values;
          expect(into).toBe(reused[0]);
          expect(new Uint32Array(fresh.buffer)).toEqual(expected);
          expect(new Uint32Array(into.buffer)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses outputs that do not fit', () => {
    const weights = [{ name: 'dense_0/kernel', shape: [2, 2], values: new Float32Array(4) }];
    expect(() => applyMasks(weights, null, [])).toThrow(/one output per weight/);
    expect(() => applyMasks(weights, null, [new Float32Array(3)])).toThrow(/has 3 values/);
  });
});
