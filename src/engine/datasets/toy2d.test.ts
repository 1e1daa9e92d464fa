import { describe, expect, it } from 'vitest';
import type { Split } from '../spec/types';
import { DATASET_IDS, DATASETS } from './registry';
import { generateToyDataset, TOY_DATASET_IDS } from './toy2d';

const classCounts = (split: Split): [number, number] => {
  let ones = 0;
  for (const y of split.y) ones += y;
  return [split.count - ones, ones];
};

describe('generateToyDataset', () => {
  it.each(TOY_DATASET_IDS)('%s is deterministic per seed, balanced and in about [-1, 1]', (id) => {
    const a = generateToyDataset(id, { seed: 3 });
    const b = generateToyDataset(id, { seed: 3 });
    const c = generateToyDataset(id, { seed: 4 });
    expect(a).toEqual(b);
    expect(a.train.x).not.toEqual(c.train.x);
    expect(a.featureShape).toEqual([2]);
    expect(a.numClasses).toBe(2);
    for (const split of [a.train, a.validation, a.test]) {
      expect(split.count).toBe(500);
      expect(split.x.length).toBe(1000);
      expect(classCounts(split)).toEqual([250, 250]);
      for (const v of split.x) expect(Math.abs(v)).toBeLessThan(1.6);
    }
    // The splits come from different streams, so they are different points.
    expect(a.train.x).not.toEqual(a.validation.x);
    expect(a.validation.x).not.toEqual(a.test.x);
  });

  it('draws the shapes the names promise when there is no noise', () => {
    const circle = generateToyDataset('circle', { seed: 1, noise: 0 }).train;
    const xor = generateToyDataset('xor', { seed: 1, noise: 0 }).train;
    const blobs = generateToyDataset('gaussians', { seed: 1, noise: 0 }).train;
    const mean = [0, 0];
    for (let i = 0; i < circle.count; i++) {
      const r = Math.hypot(circle.x[2 * i], circle.x[2 * i + 1]);
      if (circle.y[i] === 1) expect(r).toBeLessThanOrEqual(2.5 / 6 + 1e-6);
      else expect(r).toBeGreaterThanOrEqual(3.5 / 6 - 1e-6);
      const sameSign = xor.x[2 * i] * xor.x[2 * i + 1] > 0;
      expect(sameSign).toBe(xor.y[i] === 1);
      mean[blobs.y[i]] += blobs.x[2 * i] / 250;
    }
    expect(mean[1]).toBeCloseTo(2 / 6, 1);
    expect(mean[0]).toBeCloseTo(-2 / 6, 1);
  });

  it('spreads points further with more noise', () => {
    const spread = (noise: number): number => {
      const { x, y, count } = generateToyDataset('gaussians', { seed: 2, noise }).train;
      let sq = 0;
      for (let i = 0; i < count; i++) sq += (x[2 * i] - (y[i] === 1 ? 1 / 3 : -1 / 3)) ** 2;
      return sq / count;
    };
    expect(spread(0.5)).toBeGreaterThan(4 * spread(0));
  });

  it('honours countPerSplit (odd counts give class 0 the extra point) and checks its options', () => {
    const small = generateToyDataset('spiral', { seed: 0, countPerSplit: 7 });
    expect(classCounts(small.test)).toEqual([4, 3]);
    expect(() => generateToyDataset('spiral', { seed: 0, noise: 0.8 })).toThrow(/between 0 and 0.5/);
    expect(() => generateToyDataset('spiral', { seed: 0, countPerSplit: 1 })).toThrow(/at least 2/);
  });
});

describe('DATASETS', () => {
  it('describes every dataset id once, MNIST as the only image set', () => {
    expect(Object.keys(DATASETS).sort()).toEqual([...DATASET_IDS].sort());
    for (const id of DATASET_IDS) {
      expect(DATASETS[id].id).toBe(id);
      expect(DATASETS[id].label.length).toBeGreaterThan(2);
      expect(DATASETS[id].description).toMatch(/\.$/);
      expect(DATASETS[id].kind).toBe(id === 'mnist' ? 'mnist' : 'toy');
    }
    expect(DATASETS.mnist.label).toBe('MNIST digits');
  });
});
