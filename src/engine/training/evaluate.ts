// Loss and accuracy of a network on a split, in batches small enough for any device and with
// a single readback at the end.
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../spec/types';
import type { Network } from '../models/network';
import { countCorrect, summedSoftmaxCrossEntropy } from './loss';

/** Rows per forward pass: large enough to amortise kernel launches, small enough for WebGL. */
export const EVAL_BATCH = 2000;

export interface SplitMetrics {
  /** Mean cross-entropy per example; NaN for an empty split. */
  loss: number;
  /** Fraction correct, 0..1; NaN for an empty split. */
  accuracy: number;
}

export function evaluateNetwork(
  network: Network,
  split: Split,
  featureShape: number[],
  limit?: number,
): SplitMetrics {
  const count = Math.min(split.count, limit ?? split.count);
  if (!(count > 0)) return { loss: NaN, accuracy: NaN };
  const totals = evaluationTotals(network, split, featureShape, count);
  try {
    return metricsOf(totals.dataSync(), count);
  } finally {
    totals.dispose();
  }
}

/** The same, read without blocking the thread (the only readback WebGPU can do everywhere). */
export async function evaluateNetworkAsync(network: Network, split: Split, featureShape: number[]): Promise<SplitMetrics> {
  if (!(split.count > 0)) return { loss: NaN, accuracy: NaN };
  const totals = evaluationTotals(network, split, featureShape, split.count);
  try {
    return metricsOf(await totals.data(), split.count);
  } finally {
    totals.dispose();
  }
}

function metricsOf(totals: ArrayLike<number>, count: number): SplitMetrics {
  return { loss: totals[0] / count, accuracy: totals[1] / count };
}

/** [loss sum, correct count] over the first `count` rows, left on the device. */
function evaluationTotals(network: Network, split: Split, featureShape: number[], count: number): tf.Tensor1D {
  const featureSize = featureShape.reduce((a, b) => a * b, 1);
  let totals: tf.Tensor1D | null = null; // [loss sum, correct count]
  for (let start = 0; start < count; start += EVAL_BATCH) {
    const end = Math.min(count, start + EVAL_BATCH);
    const previous: tf.Tensor1D | null = totals;
    totals = tf.tidy(() => {
      const rows = split.x.subarray(start * featureSize, end * featureSize);
      const x = tf.tensor(rows, [end - start, ...featureShape], 'float32');
      const labels = tf.tensor1d(Int32Array.from(split.y.subarray(start, end)), 'int32');
      const logits = network.predict(x);
      const loss = summedSoftmaxCrossEntropy(logits, labels);
      const batchTotals = tf.stack([loss, countCorrect(logits, labels)]) as tf.Tensor1D;
      return previous ? (tf.add(previous, batchTotals) as tf.Tensor1D) : batchTotals;
    });
    previous?.dispose();
  }
  return totals!;
}
