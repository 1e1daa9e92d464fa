import { describe, expect, it } from 'vitest';
import { countKept, type Mask } from '../pruning/mask';
import { createRng } from '../random';
import type { WeightArray } from '../spec/types';
import { chanceJaccard, firstLayerSurvivors, jaccard, layerDensities, percentRemaining } from './maskStats';
import { cumulativeSparsity, plannedKept, plannedPercentRemaining } from './rates';
import { magnitudeMasks, randomMasksLike } from './roundMasks';

// LeNet-300-100's kernel shapes, with biases, filled with seeded normals.
function lenetWeights(seed: number): WeightArray[] {
  const rng = createRng(seed);
  const shapes: [string, number[]][] = [
    ['dense_0/kernel', [784, 300]],
    ['dense_0/bias', [300]],
    ['dense_1/kernel', [300, 100]],
    ['dense_1/bias', [100]],
    ['dense_2/kernel', [100, 10]],
    ['dense_2/bias', [10]],
  ];
  return shapes.map(([name, shape]) => {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = rng.normal();
    return { name, shape, values };
  });
}

const rate = { hidden: 0.2, output: 0.1 };
const isSubset = (inner: Mask, outer: Mask) => inner.keep.every((k, i) => k === 0 || outer.keep[i] === 1);

describe('per-round pruning rates', () => {
  it('keeps (1 - p)^r of every layer after r layer-wise rounds, to one weight, with nested masks', () => {
    let masks: Mask[] | null = null;
    for (let round = 1; round <= 15; round++) {
      // New "trained" weights every round, so a round that ignored the held mask would restore weights.
      const next = magnitudeMasks(lenetWeights(round), masks, rate, round, 'layerwise');
      next.forEach((m, i) => {
        const p = i === next.length - 1 ? rate.output : rate.hidden;
        const total = m.keep.length;
        expect(Math.abs(countKept(m) - total * Math.pow(1 - p, round))).toBeLessThanOrEqual(1);
        expect(countKept(m)).toBe(plannedKept(total, p, round));
        if (masks) expect(isSubset(m, masks[i])).toBe(true);
      });
      masks = next;
    }
    // 15 rounds at 20% / 10% is the paper's 3.6% point.
    expect(percentRemaining(masks!)).toBeCloseTo(3.58, 2);
    expect(plannedPercentRemaining([235200, 30000, 1000], rate, 15)).toBeCloseTo(percentRemaining(masks!), 10);
  });

  it('global scope: the hidden kernels share one target, the output kernel keeps its own rate', () => {
    let masks: Mask[] | null = null;
    for (let round = 1; round <= 5; round++) {
      const next = magnitudeMasks(lenetWeights(100 + round), masks, rate, round, 'global');
      const hiddenKept = countKept(next[0]) + countKept(next[1]);
      expect(Math.abs(hiddenKept - 265200 * Math.pow(0.8, round))).toBeLessThanOrEqual(1);
      expect(countKept(next[2])).toBe(plannedKept(1000, 0.1, round));
      if (masks) next.forEach((m, i) => expect(isSubset(m, masks![i])).toBe(true));
      masks = next;
    }
  });

  it('compounds the rate: 1 - (1 - p)^r', () => {
    expect(cumulativeSparsity(0.2, 1)).toBeCloseTo(0.2, 12);
    expect(cumulativeSparsity(0.2, 2)).toBeCloseTo(0.36, 12);
    expect(cumulativeSparsity(0.2, 0)).toBe(0);
  });
});

describe('random masks like the ticket', () => {
  it('match the ticket layer by layer in count, differ in position, and stay nested', () => {
    let ticket: Mask[] | null = null;
    let random: Mask[] | null = null;
    for (let round = 1; round <= 4; round++) {
      ticket = magnitudeMasks(lenetWeights(round), ticket, rate, round, 'global');
      const next = randomMasksLike(ticket, random, 1000 + round);
      next.forEach((m, i) => {
        expect(countKept(m)).toBe(countKept(ticket![i]));
        expect(jaccard(m, ticket![i])).toBeLessThan(0.95);
        if (random) expect(isSubset(m, random[i])).toBe(true);
      });
      random = next;
    }
  });

  it('is reproducible from its seed', () => {
    const ticket = magnitudeMasks(lenetWeights(1), null, rate, 1, 'layerwise');
    // jaccard 1 between same-sized masks means identical (a toEqual on 235,200 bytes is slow).
    expect(jaccard(randomMasksLike(ticket, null, 7), randomMasksLike(ticket, null, 7))).toBe(1);
    expect(jaccard(randomMasksLike(ticket, null, 7), randomMasksLike(ticket, null, 8))).toBeLessThan(1);
  });
});

describe('mask statistics', () => {
  const mask = (keep: number[], shape = [keep.length, 1]): Mask => ({ name: 'k', shape, keep: Uint8Array.from(keep) });

  it('jaccard is |A ∩ B| / |A ∪ B|', () => {
    expect(jaccard(mask([1, 1, 0, 0]), mask([1, 0, 1, 0]))).toBeCloseTo(1 / 3, 12);
    expect(jaccard(mask([1, 1, 0]), mask([1, 1, 0]))).toBe(1);
    expect(jaccard(mask([0, 0]), mask([0, 0]))).toBe(1);
    expect(() => jaccard(mask([1]), mask([1, 1]))).toThrow(/entries/);
  });

  it('jaccard of nested masks is the ratio of their sizes', () => {
    const r1 = magnitudeMasks(lenetWeights(1), null, rate, 1, 'layerwise');
    const r2 = magnitudeMasks(lenetWeights(2), r1, rate, 2, 'layerwise');
    const kept = (ms: Mask[]) => ms.reduce((a, m) => a + countKept(m), 0);
    expect(jaccard(r1, r2)).toBeCloseTo(kept(r2) / kept(r1), 12);
  });

  it('firstLayerSurvivors gives each pixel the fraction of its outgoing weights kept', () => {
    // 4 inputs (a 2x2 image), 2 outputs: rows are inputs.
    const m: Mask = { name: 'dense_0/kernel', shape: [4, 2], keep: Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 1]) };
    expect(Array.from(firstLayerSurvivors([m], [2, 2, 1]))).toEqual([1, 0.5, 0, 0.5]);
    const lenet = magnitudeMasks(lenetWeights(3), null, rate, 1, 'layerwise');
    const map = firstLayerSurvivors(lenet, [28, 28, 1]);
    expect(map.length).toBe(784);
    const mean = map.reduce((a, b) => a + b, 0) / 784;
    expect(mean).toBeCloseTo(countKept(lenet[0]) / lenet[0].keep.length, 6);
    expect(() => firstLayerSurvivors(lenet[1], [28, 28, 1])).toThrow(/784 input rows/);
  });

  it('chanceJaccard is what random masks of the same per-kernel sizes share on average', () => {
    // Half of 1,000 against half of 1,000: 250 shared on average, 750 in either.
    const half = (name: string): Mask => ({ name, shape: [10, 100], keep: Uint8Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 1 : 0)) });
    expect(chanceJaccard([half('a')], [half('a')])).toBeCloseTo(1 / 3, 12);
    // Per kernel, summed: a kernel fully kept on both sides adds 10 to both counts.
    const full: Mask = { name: 'b', shape: [2, 5], keep: new Uint8Array(10).fill(1) };
    expect(chanceJaccard([half('a'), full], [half('a'), full])).toBeCloseTo(260 / 760, 12);
    // Random masks drawn with those counts land near it.
    const r1 = randomMasksLike([half('a')], null, 1);
    const r2 = randomMasksLike([half('a')], null, 2);
    expect(Math.abs(jaccard(r1, r2) - 1 / 3)).toBeLessThan(0.05);
    expect(() => chanceJaccard([half('a')], [half('c')])).toThrow(/no kernel "a"/);
  });

  it('layerDensities counts kept and total per kernel', () => {
    expect(layerDensities([mask([1, 0, 1, 1])])).toEqual([{ name: 'k', kept: 3, total: 4, percentRemaining: 75 }]);
  });
});
