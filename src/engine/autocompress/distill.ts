// The reference model as a teacher: its class probabilities on every training image, computed
// once per search, become part of each fine-tuning target (training/batcher.ts SoftTargets).
// Distillation (Hinton, Vinyals & Dean 2015) trains a compressed model to agree with the
// reference, not only with the labels; here at temperature 1, where the mixed target keeps the
// plain cross-entropy and its gradient (the paper also softens both sides at a higher T).
// Agreeing on more images also narrows the held-out half's standard error of the drop, which
// is counted from the images the two models disagree on (holdout.ts pairedDrop).
import * as tf from '@tensorflow/tfjs';
import type { Network } from '../models/network';
import type { Dataset, Split, WeightArray } from '../spec/types';
import type { SoftTargets } from '../training/batcher';
import { EVAL_BATCH } from '../training/evaluate';

/** softmax(network(x)) for every image of `split`, row by row (count x classes). */
export function teacherProbabilities(network: Network, split: Split, featureShape: number[], numClasses: number): Float32Array {
  const featureSize = featureShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(split.count * numClasses);
  for (let start = 0; start < split.count; start += EVAL_BATCH) {
    const end = Math.min(split.count, start + EVAL_BATCH);
    const probabilities = tf.tidy(() => {
      const x = tf.tensor(split.x.subarray(start * featureSize, end * featureSize), [end - start, ...featureShape], 'float32');
      return tf.softmax(network.predict(x));
    });
    out.set(probabilities.dataSync(), start * numClasses);
    probabilities.dispose();
  }
  return out;
}

/** The reference (`weights`, set on `network`) as the teacher of every fine-tuning: its
 * probabilities on the training images, mixed in at `weight`. */
export function referenceTargets(network: Network, weights: WeightArray[], data: Dataset, weight: number): SoftTargets {
  network.setWeights(weights);
  return { probabilities: teacherProbabilities(network, data.train, data.featureShape, data.numClasses), weight };
}
