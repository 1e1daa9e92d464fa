// Where each variant's round starts: which weights, which learning rate, and which step of the
// trunk's data order and schedule. This is the whole difference between the variants; everything
// else (masks held, evaluation) is shared.
import { applyMasks, type Mask } from '../pruning/mask';
import type { TrainSpec, WeightArray } from '../spec/types';
import { learningRateAt } from '../training/schedule';
import type { ResolvedLotterySettings } from './settings';
import { retrainSteps, type VariantId } from './variants';

/** The weights a round may start from. */
export interface StartSources {
  /** Trunk step 0. */
  init: WeightArray[];
  /** Trunk step k (equal to init when k = 0). */
  rewind: WeightArray[];
  /** The weights this variant ended its previous round with (the trunk's final weights in round 1). */
  previousFinal: WeightArray[];
  /** A fresh initialization from another seed (random reinit only). */
  reinit?: WeightArray[];
}

/** The starting weights of a round, pruned positions at exactly 0. */
export function startWeights(variant: VariantId, sources: StartSources, masks: Mask[]): WeightArray[] {
  switch (variant) {
    case 'rewind_init':
    case 'random_prune':
      return applyMasks(sources.init, masks);
    case 'rewind_k':
      return applyMasks(sources.rewind, masks);
    case 'lr_rewind':
    case 'finetune':
      return applyMasks(sources.previousFinal, masks);
    case 'random_reinit':
      if (!sources.reinit) throw new Error('Random reinit needs a fresh initialization to start from.');
      return applyMasks(sources.reinit, masks);
  }
}

/** How a variant's round trains: its spec (learning rate and schedule) and the steps of the
 * trunk's clock it covers. The rewound variants cover steps k..T-1 (Renda, Frankle & Carbin 2020,
 * section 2: each retrains for t = T - k, weight rewinding "to T - t"), the others 0..T-1. A
 * round at step s sees the trunk's batch s and (through the Trainer's schedule) the trunk's rate
 * at s, as OpenLTH's branches do (training/train.py skips the batches and lr_schedule steps
 * before start_step). */
export interface RoundPlan {
  spec: TrainSpec;
  /** The trunk step the round starts at (k for rewind_k, lr_rewind and finetune, else 0). */
  startStep: number;
  /** Steps trained: stepsPerRound - startStep. */
  steps: number;
}

export function roundPlan(base: TrainSpec, settings: ResolvedLotterySettings, variant: VariantId): RoundPlan {
  const steps = retrainSteps(variant, settings.stepsPerRound, settings.rewindStep);
  const startStep = settings.stepsPerRound - steps;
  // Weight rewinding to k and LR rewinding replay the original schedule from k: the Trainer reads
  // the rate of its own step, and it is fast-forwarded to k. Fine-tuning (Renda et al.: "the
  // final learning rate of the original training schedule", as Han et al. 2015) trains at the
  // rate of the trunk's last step, held constant. With a constant schedule the two coincide.
  const rate: Pick<TrainSpec, 'learningRate' | 'schedule'> =
    variant === 'finetune' ? { learningRate: finalLearningRate(base, settings.stepsPerRound), schedule: { kind: 'constant' } } : base;
  return { spec: trainingSpec(base, settings, settings.stepsPerRound, rate), startStep, steps };
}

/** The rate of the last step of a round of `stepsPerRound` under `spec`'s schedule. */
export function finalLearningRate(spec: Pick<TrainSpec, 'learningRate' | 'schedule'>, stepsPerRound: number): number {
  return learningRateAt(spec.learningRate, spec.schedule, stepsPerRound - 1);
}

/** A Trainer spec long enough for `steps` of the trunk's clock (the Trainer counts whole epochs;
 * the run stops early). */
export function trainingSpec(
  base: TrainSpec,
  settings: ResolvedLotterySettings,
  steps: number,
  rate: Pick<TrainSpec, 'learningRate' | 'schedule'> = base,
  checkpointSteps: number[] = [],
): TrainSpec {
  return {
    ...base,
    learningRate: rate.learningRate,
    schedule: rate.schedule,
    epochs: Math.max(1, Math.ceil(steps / settings.stepsPerEpoch)),
    evalEverySteps: settings.evalEverySteps,
    checkpointSteps,
  };
}
