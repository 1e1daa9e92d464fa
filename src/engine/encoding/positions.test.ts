import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { ByteReader, ByteWriter } from './bytes';
import { planPositions, readPositions, writePositions } from './positions';

function randomKeep(n: number, sparsity: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length: n }, () => (rng.next() < sparsity ? 0 : 1));
}

/** Typed-array equality without vitest's element-by-element diffing (slow on 200k entries). */
const same = (a: Uint8Array | null, b: Uint8Array): boolean => a !== null && Buffer.compare(a, b) === 0;

function roundTrip(keep: Uint8Array, entropy: boolean): { keep: Uint8Array | null; bytes: number; planned: number } {
  const plan = planPositions(keep, entropy);
  const w = new ByteWriter();
  writePositions(w, keep, plan);
  const r = new ByteReader(w.finish());
  const out = readPositions(r, keep.length, entropy, 'test');
  expect(r.remaining).toBe(0);
  return { keep: out.keep, bytes: w.length, planned: plan.bytes };
}

describe('positions of kept weights', () => {
  it('prefers relative-index gaps at 95% sparsity and the bitmask at 50%', () => {
    expect(planPositions(randomKeep(100_000, 0.95, 1), false).encoding).toBe('gaps');
    expect(planPositions(randomKeep(100_000, 0.5, 2), false).encoding).toBe('bitmask');
    expect(planPositions(new Uint8Array(10).fill(1), true).encoding).toBe('dense');
    expect(planPositions(null, true).encoding).toBe('dense');
  });

  it('round-trips any keep pattern, exactly as large as planned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        fc.boolean(),
        (n, sparsity, seed, entropy) => {
          const keep = randomKeep(n, sparsity, seed);
          const out = roundTrip(keep, entropy);
          expect(out.bytes).toBe(out.planned);
          expect(same(out.keep ?? new Uint8Array(n).fill(1), keep)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('splits gaps longer than the gap width with filler entries', () => {
    const keep = new Uint8Array(200_000);
    keep[0] = keep[70_000] = keep[199_999] = 1; // gaps beyond even 16 bits
    const out = roundTrip(keep, true);
    expect(same(out.keep, keep)).toBe(true);
    expect(out.bytes).toBeLessThan(40);
    expect(roundTrip(new Uint8Array(5000), true).bytes).toBeLessThan(10); // fully pruned
  });
});
