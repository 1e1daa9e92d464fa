// Trained quantization (Deep Compression, Han et al. 2016, section 3.1): after k-means has
// given every kept weight of a kernel its cluster, the shared values are fine-tuned with the
// assignments held, so the network makes up for what clustering cost it. The paper sums the
// gradients of a cluster's weights and steps its centroid; here every training step is taken on
// the weights as usual (masked, Adam) and then each cluster is set back to the mean of its
// weights, i.e. the centroid moves by the mean of its members' steps (a simplification: with
// Adam's per-weight scaling this is not exactly the paper's update). Biases train freely and are
// rounded again when the file is encoded. Afterwards each kernel holds at most K distinct values,
// which k-means gives back exactly (quantization/kmeans.ts), so the file keeps the tuned values.
import { isKernel, type Mask } from '../pruning/mask';
import type { WeightArray } from '../spec/types';
import { trainerFor, type FineTuneJob } from './fineTune';

/** Per kernel (by index into the weights): each weight's cluster, -1 where pruned. */
export type Assignments = (Int32Array | null)[];

/** The clusters of quantized `weights` under `masks`: kept weights with equal values share one. */
export function clusterAssignments(weights: WeightArray[], masks: Mask[]): Assignments {
  return weights.map((w) => {
    if (!isKernel(w)) return null;
    const keep = masks.find((m) => m.name === w.name)?.keep ?? null;
    const ids = new Map<number, number>();
    const out = new Int32Array(w.values.length).fill(-1);
    for (let i = 0; i < w.values.length; i++) {
      if (keep !== null && keep[i] === 0) continue;
      const v = w.values[i];
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = ids.size));
      out[i] = id;
    }
    return out;
  });
}

/** Sets every cluster of every kernel to the mean of its weights (in place). */
export function shareWithinClusters(weights: WeightArray[], assignments: Assignments): void {
  weights.forEach((w, t) => {
    const a = assignments[t];
    if (!a) return;
    let clusters = 0;
    for (let i = 0; i < a.length; i++) if (a[i] >= clusters) clusters = a[i] + 1;
    const sum = new Float64Array(clusters);
    const count = new Uint32Array(clusters);
    for (let i = 0; i < a.length; i++) {
      if (a[i] < 0) continue;
      sum[a[i]] += w.values[i];
      count[a[i]]++;
    }
    for (let i = 0; i < a.length; i++) if (a[i] >= 0) w.values[i] = sum[a[i]] / count[a[i]];
  });
}

/** Trains the shared values of `job.weights` (quantized: their equal values are the clusters)
 * and returns the weights (each cluster one value); `pause` runs
 * between slices of about `sliceMs` (and may throw to stop). */
export async function tuneCentroids(job: FineTuneJob, sliceMs: number, now: () => number, pause: () => Promise<void>): Promise<WeightArray[]> {
  const assignments = clusterAssignments(job.weights, job.masks);
  const trainer = trainerFor(job);
  try {
    let sliceStart = now();
    while (!trainer.done) {
      trainer.runSteps(1);
      const weights = job.network.getWeights();
      shareWithinClusters(weights, assignments);
      job.network.setWeights(weights);
      if (now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = now();
      }
    }
  } finally {
    trainer.dispose();
  }
  return job.network.getWeights();
}

/** Whether a polish's trained-quantization model becomes the mask's final one (types.ts
 * `centroids.keep`): it must clear the polish's floor on the search half, and with 'not-worse'
 * also score at least what the model before it scored there. */
export function keepsTrainedModel(keep: 'not-worse' | 'above-floor' | undefined, trained: number, untrained: number, searchFloor: number): boolean {
  if (trained < searchFloor) return false;
  return keep === 'above-floor' || trained >= untrained;
}
