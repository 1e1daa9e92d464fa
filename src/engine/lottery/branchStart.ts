// Where each variant's round starts: which weights, and which learning rate. This is the whole
// difference between the variants; everything else (masks held, steps, evaluation) is shared.
import { applyMasks, type Mask } from '../pruning/mask';
import type { TrainSpec, WeightArray } from '../spec/types';
import { replayScheduleFrom } from './replaySchedule';
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

/** The spec a variant's round trains with: as many steps as it retrains, the learning rate it
 * starts at (replayed from k for the rewinding variants, small and constant for fine-tuning). */
export function roundSpec(base: TrainSpec, settings: ResolvedLotterySettings, variant: VariantId): { spec: TrainSpec; steps: number } {
  const steps = retrainSteps(variant, settings.stepsPerRound, settings.rewindStep);
  let rate: Pick<TrainSpec, 'learningRate' | 'schedule'> = base;
  if (variant === 'rewind_k' || variant === 'lr_rewind') {
    const replay = replayScheduleFrom(base, settings.rewindStep);
    if (typeof replay === 'string') throw new Error(replay);
    rate = replay;
  } else if (variant === 'finetune') {
    rate = { learningRate: settings.fineTuneLearningRate, schedule: { kind: 'constant' } };
  }
  return { spec: trainingSpec(base, settings, steps, rate), steps };
}

/** A Trainer spec long enough for `steps` (the Trainer counts whole epochs; the run stops early). */
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
