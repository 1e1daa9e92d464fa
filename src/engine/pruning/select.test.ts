import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectKth } from './select';

describe('selectKth', () => {
  it('finds the k-th smallest and partitions around it, duplicates included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 3000 }),
        fc.nat(),
        (ints, kSeed) => {
          const values = Float32Array.from(ints, (v) => v / 4);
          const k = kSeed % values.length;
          const sorted = values.slice().sort();
          const work = values.slice();
          expect(selectKth(work, k)).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(work[i]).toBeLessThanOrEqual(work[k]);
          for (let i = k + 1; i < work.length; i++) expect(work[i]).toBeGreaterThanOrEqual(work[k]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects k outside the array', () => {
    expect(() => selectKth(new Float32Array(3), 3)).toThrow(/0 <= k < 3/);
  });
});
