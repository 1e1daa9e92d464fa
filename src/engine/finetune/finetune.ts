// Fine-tuning a compressed network: keep training the trained (pruned) weights with the mask
// held, and with quantization-aware training when the bit width is low enough for rounding to
// hurt. What the "Fine-tune" button runs (in the worker, through `fineTune`) and what
// `npm run reproduce -- compression` runs (synchronously, through `createFineTuner`).
import type { Network } from '../models/network';
import type { Mask } from '../pruning/mask';
import type { QuantizationSettings } from '../quantization/types';
import type { Dataset, EvalMetrics, TrainSpec } from '../spec/types';
import { quantizeAwareProblem } from '../training/fake_quant';
import { train, Trainer, type TrainerOptions, type TrainOptions } from '../training/trainer';

/** At and below this many bits, fine-tuning trains quantization-aware (issue 3, item 6). */
export const QAT_MAX_BITS = 4;

/** Whether fine-tuning under `settings` should be quantization-aware: uniform (symmetric or
 * affine) quantization at QAT_MAX_BITS bits or fewer. */
export function wantsQuantizeAware(settings: QuantizationSettings | null | undefined): boolean {
  if (!settings) return false;
  if (settings.scheme !== 'symmetric' && settings.scheme !== 'affine') return false;
  return settings.bits <= QAT_MAX_BITS && quantizeAwareProblem(settings) === null;
}

export interface FineTuneSettings {
  /** Epochs of fine-tuning (whole passes over the training split). */
  epochs: number;
  /** The pruning masks to hold; null or absent trains every weight. */
  masks?: Mask[] | null;
  /** The quantization the model will be compressed with. Fine-tuning is quantization-aware when
   * wantsQuantizeAware(quantization), unless `quantizeAware` says otherwise. */
  quantization?: QuantizationSettings | null;
  /** Force quantization-aware training on or off (default: wantsQuantizeAware(quantization)). */
  quantizeAware?: boolean;
  /** Default: the training spec's learning rate (a fresh optimizer; the schedule replays from
   * step 0, which is learning-rate rewinding for a step schedule). */
  learningRate?: number;
  /** Default: the training spec's seed. */
  seed?: number;
}

/** The spec a fine-tuning run trains with: the original one, shortened, without checkpoints. */
export function fineTuneSpec(base: TrainSpec, settings: FineTuneSettings): TrainSpec {
  if (!(Number.isInteger(settings.epochs) && settings.epochs >= 1)) {
    throw new Error(`Fine-tuning takes a whole number of epochs of at least 1, got ${settings.epochs}.`);
  }
  return {
    ...base,
    epochs: settings.epochs,
    learningRate: settings.learningRate ?? base.learningRate,
    seed: settings.seed ?? base.seed,
    checkpointSteps: [],
  };
}

/** The Trainer options of a fine-tuning run on `network` (which stays the caller's). */
export function fineTuneTrainerOptions(network: Network, settings: FineTuneSettings): TrainerOptions {
  const qat = settings.quantizeAware ?? wantsQuantizeAware(settings.quantization);
  if (qat && !settings.quantization) throw new Error('Quantization-aware fine-tuning needs quantization settings.');
  return {
    network,
    masks: settings.masks ?? null,
    quantizeAware: qat ? { settings: settings.quantization! } : null,
  };
}

/** A synchronous fine-tuning trainer (for scripts and tests); dispose it when done. The network's
 * pruned weights are set to 0 at once. */
export function createFineTuner(network: Network, base: TrainSpec, data: Dataset, settings: FineTuneSettings): Trainer {
  return new Trainer(fineTuneSpec(base, settings), data, fineTuneTrainerOptions(network, settings));
}

/**
 * Fine-tunes `network` in place, in slices that yield to the event loop (abortable, with
 * progress and evaluations as `train` gives them). Afterwards the network holds the float
 * weights; with quantization-aware training, compressWeights(settings.quantization) turns them
 * into the model the final evaluation measured.
 */
export async function fineTune(
  network: Network,
  base: TrainSpec,
  data: Dataset,
  settings: FineTuneSettings,
  opts: Omit<TrainOptions, 'trainer'> = {},
): Promise<{ final: EvalMetrics; steps: number }> {
  return train(fineTuneSpec(base, settings), data, { ...opts, trainer: fineTuneTrainerOptions(network, settings) });
}
