// Sparsity is exact to one weight for every weight-level strategy, pruning is cumulative, and
// the layer switches hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeightArray } from '../spec/types';
import { syntheticWeights } from '../compression/syntheticWeights';
import { globalMagnitudePrune } from './globalMagnitude';
import { layerwiseMagnitudePrune } from './layerwiseMagnitude';
import { countKept, type Mask, type PruneParams } from './mask';
import { randomPrune } from './randomPrune';

const model = fc.record({
  widths: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 4 }),
  seed: fc.nat(),
  sparsity: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 0.999, 1)),
  includeFirstLayer: fc.boolean(),
  includeOutputLayer: fc.boolean(),
  coarse: fc.boolean(), // few distinct values: many ties at the threshold
});

function build(widths: number[], seed: number, coarse: boolean): WeightArray[] {
  const shapes = widths.slice(1).flatMap((w, i) => [[widths[i], w], [w]]);
  const weights = syntheticWeights(shapes, seed, 1);
  if (coarse) for (const w of weights) w.values.forEach((v, i) => (w.values[i] = Math.round(v * 2) / 2));
  return weights;
}

const pruned = (m: Mask): number => m.keep.length - countKept(m);

function scoped(masks: Mask[], p: PruneParams): Mask[] {
  return masks.filter((_, i) => !(i === 0 && !p.includeFirstLayer) && !(i === masks.length - 1 && !p.includeOutputLayer));
}

describe('weight pruning strategies', () => {
  it('global magnitude removes exactly round(s * n) of the included weights, the smallest ones', () => {
    fc.assert(
      fc.property(model, ({ widths, seed, sparsity, coarse, ...flags }) => {
        const weights = build(widths, seed, coarse);
        const params = { sparsity, seed, ...flags };
        const masks = globalMagnitudePrune(weights, null, params);
        const inScope = scoped(masks, params);
        const n = inScope.reduce((s, m) => s + m.keep.length, 0);
        expect(inScope.reduce((s, m) => s + pruned(m), 0)).toBe(Math.round(sparsity * n));
        masks.filter((m) => !inScope.includes(m)).forEach((m) => expect(pruned(m)).toBe(0));
        // No kept weight is smaller than a pruned one.
        let maxPruned = -1;
        let minKept = Infinity;
        for (const m of inScope) {
          const values = weights.find((w) => w.name === m.name)!.values;
          m.keep.forEach((k, i) => {
            if (k) minKept = Math.min(minKept, Math.abs(values[i]));
            else maxPruned = Math.max(maxPruned, Math.abs(values[i]));
          });
        }
        expect(maxPruned).toBeLessThanOrEqual(minKept);
      }),
      { numRuns: 150 },
    );
  });

  it('layer-wise magnitude and random remove exactly round(s * n_layer) in each included layer', () => {
    fc.assert(
      fc.property(model, ({ widths, seed, sparsity, coarse, ...flags }) => {
        const weights = build(widths, seed, coarse);
        const params = { sparsity, seed, ...flags };
        for (const strategy of [layerwiseMagnitudePrune, randomPrune]) {
          const masks = strategy(weights, null, params);
          const inScope = scoped(masks, params);
          for (const m of masks) {
            expect(pruned(m)).toBe(inScope.includes(m) ? Math.round(sparsity * m.keep.length) : 0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is cumulative: weights pruned before stay pruned, and the total still hits the target', () => {
    fc.assert(
      fc.property(model, fc.double({ min: 0, max: 1, noNaN: true }), ({ widths, seed, sparsity, coarse }, first) => {
        const weights = build(widths, seed, coarse);
        const all = { seed, includeFirstLayer: true, includeOutputLayer: true };
        for (const strategy of [globalMagnitudePrune, layerwiseMagnitudePrune, randomPrune]) {
          const before = randomPrune(weights, null, { ...all, sparsity: first, seed: seed + 1 });
          const beforeCounts = before.map(pruned);
          const after = strategy(weights, before, { ...all, sparsity });
          const restored = after.some((m, j) => m.keep.some((k, i) => k > before[j].keep[i]));
          expect(restored).toBe(false);
          expect(before.map(pruned)).toEqual(beforeCounts); // the input masks are not edited
          const n = after.reduce((s, m) => s + m.keep.length, 0);
          const removed = after.reduce((s, m) => s + pruned(m), 0);
          const already = beforeCounts.reduce((s, c) => s + c, 0);
          if (strategy === globalMagnitudePrune) expect(removed).toBe(Math.max(already, Math.round(sparsity * n)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('random pruning depends on the seed alone', () => {
    const weights = build([50, 40, 10], 3, false);
    const params = { sparsity: 0.5, seed: 7, includeFirstLayer: true, includeOutputLayer: true };
    const a = randomPrune(weights, null, params);
    const b = randomPrune(weights, null, params);
    const c = randomPrune(weights, null, { ...params, seed: 8 });
    expect(a[0].keep).toEqual(b[0].keep);
    expect(a[0].keep).not.toEqual(c[0].keep);
  });

  it('rejects a sparsity outside 0..1', () => {
    const weights = build([4, 3], 1, false);
    const params = { sparsity: 1.5, seed: 0, includeFirstLayer: true, includeOutputLayer: true };
    expect(() => globalMagnitudePrune(weights, null, params)).toThrow(/between 0 and 1/);
  });
});
