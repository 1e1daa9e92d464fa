import { describe, expect, it } from 'vitest';
import { learningRateAt, validateSchedule } from './schedule';

describe('learningRateAt', () => {
  it('keeps a constant rate constant', () => {
    expect([0, 1, 10_000].map((s) => learningRateAt(0.01, { kind: 'constant' }, s))).toEqual([0.01, 0.01, 0.01]);
  });

  it('warms up linearly, then multiplies by gamma every decayEverySteps', () => {
    const schedule = { kind: 'step', warmupSteps: 4, decayEverySteps: 10, gamma: 0.5 } as const;
    const at = (step: number) => learningRateAt(0.8, schedule, step);
    [0.2, 0.4, 0.6, 0.8].forEach((rate, step) => expect(at(step)).toBeCloseTo(rate, 12));
    expect(at(4)).toBe(0.8);
    expect(at(13)).toBe(0.8);
    expect(at(14)).toBe(0.4);
    expect(at(23)).toBe(0.4);
    expect(at(24)).toBe(0.2);
    expect(at(104)).toBeCloseTo(0.8 / 1024, 12);
  });

  it('decays from step 0 when there is no warmup', () => {
    const schedule = { kind: 'step', warmupSteps: 0, decayEverySteps: 3, gamma: 0.1 } as const;
    expect([0, 2, 3, 6].map((s) => learningRateAt(1, schedule, s))).toEqual([1, 1, 0.1, 1 * 0.1 * 0.1]);
  });
});

describe('validateSchedule', () => {
  it('accepts sane schedules and explains broken ones', () => {
    expect(validateSchedule({ kind: 'constant' })).toBeNull();
    expect(validateSchedule({ kind: 'step', warmupSteps: 0, decayEverySteps: 100, gamma: 0.5 })).toBeNull();
    expect(validateSchedule({ kind: 'step', warmupSteps: -1, decayEverySteps: 100, gamma: 0.5 })).toMatch(/Warmup steps/);
    expect(validateSchedule({ kind: 'step', warmupSteps: 0, decayEverySteps: 0, gamma: 0.5 })).toMatch(/decay interval/);
    expect(validateSchedule({ kind: 'step', warmupSteps: 0, decayEverySteps: 10, gamma: 1.5 })).toMatch(/gamma/);
  });
});
