// The final choice's order of preference, and the roll-back of what a round cut short added.
import { describe, expect, it } from 'vitest';
import { ChoiceKeeper, type Kept } from './choice';
import type { Measurement } from './measure';
import type { AutoCompressCandidate } from './types';

function kept(bytes: number, drop: number | null, accuracy = 0.97): Kept {
  const heldOut = drop === null ? undefined : { accuracy, dropPoints: drop, standardErrorPoints: 0.1, qualifies: drop + 0.1 <= 0.3 };
  const candidate = { index: bytes, round: 1, stage: 'bits', bytes, ratio: 1, sparsity: 0, validationAccuracy: accuracy, withinBudget: drop !== null, layers: [], ...(heldOut ? { heldOut } : {}) } as AutoCompressCandidate;
  return { candidate, measurement: { bytes, accuracy } as Measurement, floatWeights: [], masks: [] };
}

describe('ChoiceKeeper', () => {
  it('prefers a qualifying polish result, then the smallest qualifying candidate, then the closest, then the widest', () => {
    const c = new ChoiceKeeper();
    c.brokeBudget(kept(90, null, 0.9));
    expect(c.choose()).toMatchObject({ rule: 'none-within-budget', chosen: { measurement: { bytes: 90 } } });
    c.accepted(kept(80, 0.5));
    c.accepted(kept(70, 0.4));
    expect(c.choose()).toMatchObject({ rule: 'closest', chosen: { measurement: { bytes: 70 } } });
    c.accepted(kept(60, 0.1));
    c.accepted(kept(40, 0.15));
    expect(c.choose()).toMatchObject({ rule: 'held-out', chosen: { measurement: { bytes: 40 } } });
    c.polishResult(kept(50, 0.35)); // does not qualify: the candidates still decide
    expect(c.choose().rule).toBe('held-out');
    c.polishResult(kept(55, 0));
    expect(c.choose()).toMatchObject({ rule: 'polished', chosen: { measurement: { bytes: 55 } } });
  });

  it('rolls back what a round cut short added, unless nothing had finished', () => {
    const c = new ChoiceKeeper();
    c.accepted(kept(100, 0));
    c.rollBack(); // cut short in the reference's own bit search: keeps what it has
    expect(c.choose().chosen.measurement.bytes).toBe(100);
    c.commit();
    c.accepted(kept(50, 0));
    expect(c.choose().chosen.measurement.bytes).toBe(50);
    c.rollBack();
    expect(c.choose().chosen.measurement.bytes).toBe(100);
  });

  it('says so when nothing was measured', () => {
    expect(() => new ChoiceKeeper().choose()).toThrow(/no candidate/);
  });
});
