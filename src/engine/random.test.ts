import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, permutation, shuffleInPlace } from './random';

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('is pinned: these values are what seed 0 and 42 give in every shared link', () => {
    expect(draw(0, 3)).toEqual([0.29238600353710353, 0.05344778811559081, 0.26302514993585646]);
    const rng = createRng(42);
    expect([rng.int(1000), rng.int(1000)]).toEqual([864, 141]);
    expect(rng.normal()).toBeCloseTo(0.5452377402817017, 15);
  });

  it('repeats for one seed and differs between seeds, including nearby and fractional ones', () => {
    expect(draw(7, 100)).toEqual(draw(7, 100));
    expect(draw(7, 100)).not.toEqual(draw(8, 100));
    expect(draw(7, 10)).not.toEqual(draw(7.5, 10));
    expect(draw(-1, 10)).not.toEqual(draw(1, 10));
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => createRng(Number.NaN)).toThrow(/finite/);
  });

  it('draws uniforms in [0, 1) and integers in [0, n)', () => {
    const rng = createRng(3);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      counts[rng.int(10)]++;
    }
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
    expect(() => rng.int(0)).toThrow();
  });

  it('draws normals with mean 0 and variance 1', () => {
    const rng = createRng(11);
    const n = 40000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.03);
  });
});

describe('deriveSeed', () => {
  it('gives independent, repeatable sub-streams per name', () => {
    expect(deriveSeed(5, 'init')).toBe(deriveSeed(5, 'init'));
    expect(deriveSeed(5, 'init')).not.toBe(deriveSeed(5, 'data-order'));
    expect(deriveSeed(5, 'init')).not.toBe(deriveSeed(6, 'init'));
  });
});

describe('permutation and shuffleInPlace', () => {
  it('returns every index once, in a seed-determined order', () => {
    const p = permutation(1000, createRng(1));
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(p).toEqual(permutation(1000, createRng(1)));
    expect(p).not.toEqual(permutation(1000, createRng(2)));
    expect(Array.from(p.slice(0, 20))).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('shuffles plain and typed arrays alike', () => {
    const plain = ['a', 'b', 'c', 'd', 'e', 'f'];
    shuffleInPlace(plain, createRng(9));
    expect([...plain].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const typed = Int32Array.from([0, 1, 2, 3, 4, 5]);
    shuffleInPlace(typed, createRng(9));
    expect(Array.from(typed).map((i) => 'abcdef'[i])).toEqual(plain);
  });
});
