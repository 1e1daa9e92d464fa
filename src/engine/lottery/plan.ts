// The order a lottery run trains in, and how far along it is. Unit 0 is the dense trunk; then
// round 1 of every variant, round 2 of every variant, ... Rounds go across variants so every
// series of the chart grows together, and settings.variants puts the ticket (rewind_init) first
// in each round, because both controls are cut from its masks.
import type { ResolvedLotterySettings } from './settings';
import { seriesName } from './results';
import { retrainSteps, type VariantId } from './variants';

export interface Unit {
  round: number;
  /** null: the dense trunk. */
  variant: VariantId | null;
  steps: number;
}

export interface LotteryProgress {
  phase: 'trunk' | 'round' | 'done';
  /** 0 for the trunk. */
  round: number;
  variant: VariantId | null;
  /** Series name of the unit in progress ("Dense" for the trunk). */
  name: string | null;
  unit: number;
  unitCount: number;
  /** Steps done and planned in the unit in progress. */
  step: number;
  unitSteps: number;
  /** Training steps done and planned over the whole run (evaluation is not counted). */
  stepsDone: number;
  totalSteps: number;
  /** stepsDone / totalSteps. */
  fraction: number;
}

export function unitPlan(settings: ResolvedLotterySettings): Unit[] {
  const units: Unit[] = [{ round: 0, variant: null, steps: settings.stepsPerRound }];
  for (let round = 1; round <= settings.rounds; round++) {
    for (const variant of settings.variants) {
      units.push({ round, variant, steps: retrainSteps(variant, settings.stepsPerRound, settings.rewindStep) });
    }
  }
  return units;
}

/** Progress with unit `unit` in progress at step `step` (unit = units.length when done). */
export function progressAt(units: Unit[], unit: number, step: number): LotteryProgress {
  const totalSteps = units.reduce((a, u) => a + u.steps, 0);
  const stepsDone = units.slice(0, unit).reduce((a, u) => a + u.steps, 0) + step;
  const fraction = totalSteps === 0 ? 1 : stepsDone / totalSteps;
  const current = units[unit];
  if (!current) {
    const lastRound = units.at(-1)?.round ?? 0;
    return { phase: 'done', round: lastRound, variant: null, name: null, unit, unitCount: units.length, step: 0, unitSteps: 0, stepsDone, totalSteps, fraction: 1 };
  }
  return {
    phase: current.variant ? 'round' : 'trunk',
    round: current.round,
    variant: current.variant,
    name: seriesName(current.variant ?? 'dense'),
    unit,
    unitCount: units.length,
    step,
    unitSteps: current.steps,
    stepsDone,
    totalSteps,
    fraction,
  };
}
