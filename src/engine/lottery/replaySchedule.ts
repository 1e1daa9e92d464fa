// Weight rewinding to k and learning-rate rewinding replay the trunk's learning-rate schedule
// from step k. The Trainer always counts its schedule from its own step 0, so the replay is
// expressed as a shifted schedule: an equal rate at every step, not an approximation. A step
// schedule can be shifted exactly only to a step where a decay interval begins; other k are
// refused with a sentence (a `startStep` option on the Trainer would lift that limit).
import type { LrSchedule, TrainSpec } from '../spec/types';

export interface ReplayedRate {
  learningRate: number;
  schedule: LrSchedule;
}

/** The base rate and schedule whose step t has the rate of `spec`'s step t + k, or an error
 * sentence when no schedule of the Trainer's kinds can say that. */
export function replayScheduleFrom(spec: Pick<TrainSpec, 'learningRate' | 'schedule'>, k: number): ReplayedRate | string {
  const { learningRate, schedule } = spec;
  if (k === 0 || schedule.kind === 'constant') return { learningRate, schedule };
  const { warmupSteps, decayEverySteps, gamma } = schedule;
  if (gamma === 1 && k >= warmupSteps) return { learningRate, schedule: { kind: 'constant' } };
  if (k < warmupSteps) {
    return (
      `Rewinding to iteration ${k} would restart the learning rate inside its ${warmupSteps}-step warmup, ` +
      'which this schedule cannot replay; choose k = 0, k at least the warmup, or a constant learning rate.'
    );
  }
  const offset = (k - warmupSteps) % decayEverySteps;
  if (offset !== 0) {
    const before = k - offset;
    return (
      `Rewinding to iteration ${k} lands ${offset} steps into a learning-rate decay interval, which this schedule ` +
      `cannot replay; choose k = ${before} or k = ${before + decayEverySteps}, or a constant learning rate.`
    );
  }
  const decaysDone = (k - warmupSteps) / decayEverySteps;
  return {
    learningRate: learningRate * Math.pow(gamma, decaysDone),
    schedule: { kind: 'step', warmupSteps: 0, decayEverySteps, gamma },
  };
}
