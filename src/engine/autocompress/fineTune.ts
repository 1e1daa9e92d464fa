// Masked training of a candidate's weights, time-sliced like the rest of the search: the
// rounds' fine-tuning (constant rate) and the polish (a rate that falls each epoch) both run
// here. The network is the search's own training network; its weights are overwritten.
import type { Network } from '../models/network';
import type { Mask } from '../pruning/mask';
import type { Dataset, LrSchedule, TrainSpec, WeightArray } from '../spec/types';
import type { SoftTargets } from '../training/batcher';
import { Trainer } from '../training/trainer';
import { adaptSliceSize } from '../training/yield';

export interface FineTuneJob {
  spec: TrainSpec;
  data: Dataset;
  network: Network;
  weights: WeightArray[];
  masks: Mask[];
  epochs: number;
  learningRate: number;
  schedule: LrSchedule;
  seed: number;
  /** The reference's predictions to train towards as well as the labels (distill.ts). */
  softTargets: SoftTargets | null;
}

/** The job's weights set on its network, and a masked trainer for them (the caller disposes it). */
export function trainerFor(job: FineTuneJob): Trainer {
  job.network.setWeights(job.weights);
  return new Trainer(
    { ...job.spec, epochs: job.epochs, learningRate: job.learningRate, schedule: job.schedule, seed: job.seed, checkpointSteps: [] },
    job.data,
    { network: job.network, masks: job.masks, softTargets: job.softTargets },
  );
}

/** Trains and returns the weights; `pause` runs between slices (and may throw to stop). */
export async function fineTune(job: FineTuneJob, sliceMs: number, now: () => number, pause: () => Promise<void>): Promise<WeightArray[]> {
  const trainer = trainerFor(job);
  try {
    let perSlice = 1;
    while (!trainer.done) {
      const t0 = now();
      const ran = trainer.runSteps(perSlice);
      trainer.takeProgress(); // waits for the device, so the slice's time is real
      perSlice = adaptSliceSize(perSlice, ran, now() - t0, sliceMs);
      await pause();
    }
  } finally {
    trainer.dispose();
  }
  return job.network.getWeights();
}

/** Batches in one epoch of `data` at `batchSize`, as the batcher counts them (whole batches). */
export function stepsPerEpoch(data: Dataset, batchSize: number): number {
  return Math.max(1, Math.floor(data.train.count / batchSize));
}

/** Which of the accepted rounds (oldest first, each with its count of kept weights) a polish
 * retrains, newest first: the sparsest, then going back, the next that keeps at least `spacing`
 * times the weights of the last one picked, up to `count`. Spaced so the polished masks span a
 * range of sizes instead of the last few rounds' near-equal ones. */
export function polishPicks(kept: number[], count: number, spacing: number): number[] {
  const picks: number[] = [];
  for (let i = kept.length - 1; i >= 0 && picks.length < count; i--) {
    if (picks.length === 0 || kept[i] >= spacing * kept[picks[picks.length - 1]]) picks.push(i);
  }
  return picks;
}
