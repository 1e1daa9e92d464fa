import { describe, expect, it } from 'vitest';
import { isPruningStep, oneShot, polynomialDecaySparsity } from './schedule';

describe('sparsity schedules', () => {
  it('one-shot prunes everything at its step', () => {
    expect(oneShot(0, { finalSparsity: 0.9 })).toBe(0.9);
    expect(oneShot(4, { finalSparsity: 0.9, beginStep: 5 })).toBe(0);
    expect(oneShot(5, { finalSparsity: 0.9, beginStep: 5 })).toBe(0.9);
  });

  it('polynomial decay follows Zhu & Gupta: cubic from initial to final', () => {
    const s = { initialSparsity: 0.5, finalSparsity: 0.9, beginStep: 100, endStep: 200 };
    expect(polynomialDecaySparsity(99, s)).toBe(0);
    expect(polynomialDecaySparsity(100, s)).toBeCloseTo(0.5, 12);
    expect(polynomialDecaySparsity(150, s)).toBeCloseTo(0.9 - 0.4 * 0.125, 12);
    expect(polynomialDecaySparsity(200, s)).toBe(0.9);
    expect(polynomialDecaySparsity(10_000, s)).toBe(0.9);
    expect(polynomialDecaySparsity(150, { ...s, power: 1 })).toBeCloseTo(0.7, 12);
    let previous = 0;
    for (let step = 100; step <= 200; step++) {
      const now = polynomialDecaySparsity(step, s);
      expect(now).toBeGreaterThanOrEqual(previous);
      previous = now;
    }
  });

  it('prunes every `frequency` steps and at the end', () => {
    const steps = Array.from({ length: 30 }, (_, i) => i).filter((i) => isPruningStep(i, 5, 25, 10));
    expect(steps).toEqual([5, 15, 25]);
  });
});
