// The learning rate as a pure function of the step, so a run (or a rewound ticket) can be
// replayed from any step k without remembering optimizer history.
import type { LrSchedule } from '../spec/types';

/**
 * Rate for batch `step` (0-based). `step` schedule: a linear warmup reaching `base` on the
 * last warmup batch (base * (step + 1) / warmupSteps), then `base` times `gamma` for every
 * `decayEverySteps` batches completed after the warmup.
 */
export function learningRateAt(base: number, schedule: LrSchedule, step: number): number {
  if (schedule.kind === 'constant') return base;
  const { warmupSteps, decayEverySteps, gamma } = schedule;
  if (warmupSteps > 0 && step < warmupSteps) return (base * (step + 1)) / warmupSteps;
  if (!(decayEverySteps > 0)) return base;
  const decays = Math.floor((step - Math.max(0, warmupSteps)) / decayEverySteps);
  return base * Math.pow(gamma, decays);
}

/** An error sentence for a schedule the trainer cannot follow, or null. */
export function validateSchedule(schedule: LrSchedule): string | null {
  if (schedule.kind === 'constant') return null;
  if (schedule.kind !== 'step') return `Unknown learning-rate schedule "${(schedule as { kind: string }).kind}".`;
  const { warmupSteps, decayEverySteps, gamma } = schedule;
  if (!Number.isInteger(warmupSteps) || warmupSteps < 0) {
    return `Warmup steps must be a whole number >= 0, got ${warmupSteps}.`;
  }
  if (!Number.isInteger(decayEverySteps) || decayEverySteps < 1) {
    return `The decay interval must be a whole number of steps >= 1, got ${decayEverySteps}.`;
  }
  if (!(gamma > 0 && gamma <= 1)) return `The decay factor gamma must be in (0, 1], got ${gamma}.`;
  return null;
}
