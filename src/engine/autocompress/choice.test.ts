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
    c.polishResult(kept(50, 0.35), 500); // does not qualify: the candidates still decide
    expect(c.choose().rule).toBe('held-out');
    c.polishResult(kept(55, 0), 600);
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

  /** A finished polish of a mask keeping `weights`, its bit search's steps (bytes, drop). */
  function polish(c: ChoiceKeeper, weights: number, steps: [number, number][]) {
    const ks = steps.map(([bytes, drop]) => kept(bytes, drop));
    for (const k of ks) c.accepted(k, true);
    c.polishResult(ks.at(-1) ?? null, weights);
    c.commit();
  }

  it("'sequence' tests the masks by their first step, most weights first, then the last passing mask's bits", () => {
    const c = new ChoiceKeeper('sequence');
    c.accepted(kept(200, 0));
    c.commit();
    // Polished sparsest first. Masks in the walk's order: 4,000 weights (120 passes), 3,000 (100
    // passes), 2,000 (95 fails: the masks stop here). Then the 3,000 mask's bits: 90 passes, 85
    // fails, 60 (would pass) is not reached; the smallest that passed is 90.
    polish(c, 2000, [[95, 0.3], [50, 0]]);
    polish(c, 3000, [[100, 0], [90, 0.1], [85, 0.3], [60, 0]]);
    polish(c, 4000, [[120, 0], [80, 0]]);
    expect(c.choose()).toMatchObject({ rule: 'polished', chosen: { measurement: { bytes: 90 } } });
    // The old rule takes the smallest qualifying last step: 50.
    const old = new ChoiceKeeper('last-step');
    polish(old, 2000, [[95, 0.3], [50, 0]]);
    polish(old, 3000, [[100, 0], [60, 0]]);
    expect(old.choose().chosen.measurement.bytes).toBe(50);
  });

  it("'sequence' takes the smallest that passed, even a mask's first step", () => {
    const c = new ChoiceKeeper('sequence');
    // 4,000 weights: 120 passes; 3,000: 90 passes (its first step already small); 2,000 fails.
    // The 3,000 mask's next step fails, so the smallest that passed is its first, 90 ... and the
    // 4,000 mask's 80 was never tested (only the last passing mask's bits are).
    polish(c, 2000, [[70, 0.5]]);
    polish(c, 3000, [[90, 0], [85, 0.5]]);
    polish(c, 4000, [[120, 0], [80, 0]]);
    expect(c.choose().chosen.measurement.bytes).toBe(90);
  });

  it("'sequence' stops at a mask whose polish found nothing, drops a polish cut short, and falls back when the first mask fails", () => {
    const c = new ChoiceKeeper('sequence');
    c.accepted(kept(200, 0));
    c.commit();
    polish(c, 2000, [[50, 0]]);
    polish(c, 3000, []); // nothing within the budget on the search half: the walk stops here
    polish(c, 4000, [[120, 0]]);
    expect(c.choose().chosen.measurement.bytes).toBe(120);
    c.accepted(kept(10, 0), true); // a polish under way, cut short by the time budget
    c.rollBack();
    expect(c.choose().chosen.measurement.bytes).toBe(120);

    // The first mask fails: the walk runs along the rounds' path instead (200 passes, 150 fails,
    // 100 is not reached), not to the smallest that qualifies anywhere (the polish's 50).
    const fails = new ChoiceKeeper('sequence');
    for (const k of [kept(200, 0), kept(150, 0.5), kept(100, 0)]) fails.accepted(k);
    fails.commit();
    polish(fails, 2000, [[50, 0]]);
    polish(fails, 4000, [[150, 0.5], [120, 0]]);
    expect(fails.choose()).toMatchObject({ rule: 'held-out', chosen: { measurement: { bytes: 200 } } });
    fails.accepted(kept(20, 0)); // a round cut short: rolled back out of the path
    fails.rollBack();
    expect(fails.choose().chosen.measurement.bytes).toBe(200);
  });

  it("'final' tests each mask once, by its final model, most weights first, and stops at the first failure", () => {
    const c = new ChoiceKeeper('final');
    c.accepted(kept(200, 0));
    c.commit();
    // Final models in the walk's order: 4,000 weights 110 passes (its first step, 120, would
    // fail: 'sequence' would stop there), 3,000 weights 85 passes, 2,000 weights 60 fails, and
    // 1,000 weights 40 (would pass) is not reached. Bit steps other than the last are not tested.
    polish(c, 1000, [[45, 0], [40, 0]]);
    polish(c, 2000, [[70, 0], [60, 0.4]]);
    polish(c, 3000, [[95, 0.5], [85, 0]]);
    polish(c, 4000, [[120, 0.5], [110, 0]]);
    expect(c.choose()).toMatchObject({ rule: 'polished', chosen: { measurement: { bytes: 85 } } });
    const sequence = new ChoiceKeeper('sequence');
    sequence.accepted(kept(200, 0));
    sequence.commit();
    polish(sequence, 3000, [[95, 0.5], [85, 0]]);
    polish(sequence, 4000, [[120, 0.5], [110, 0]]);
    expect(sequence.choose()).toMatchObject({ rule: 'held-out', chosen: { measurement: { bytes: 200 } } });
  });

  it('says so when nothing was measured', () => {
    expect(() => new ChoiceKeeper().choose()).toThrow(/no candidate/);
  });
});
