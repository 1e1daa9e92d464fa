// Running training loss and accuracy kept on the device, so a training step never waits for
// a readback; one read per report gets both numbers.
import * as tf from '@tensorflow/tfjs';
import { countCorrect } from './loss';

export interface AccumulatedMetrics {
  /** Mean of the per-batch mean losses; NaN when no batch ran. */
  loss: number;
  /** Fraction of examples classified correctly; NaN when no batch ran. */
  accuracy: number;
}

export class MetricAccumulator {
  private lossSum: tf.Scalar | null = null;
  private correctSum: tf.Scalar | null = null;
  private batches = 0;
  private examples = 0;

  /** Adds one batch. Takes ownership of `loss`; `logits` and `labels` stay the caller's. */
  add(loss: tf.Scalar, logits: tf.Tensor2D, labels: tf.Tensor1D): void {
    const correct = countCorrect(logits, labels);
    this.lossSum = this.accumulate(this.lossSum, loss);
    this.correctSum = this.accumulate(this.correctSum, correct);
    this.batches++;
    this.examples += labels.shape[0];
  }

  /** Reads and resets. */
  take(): AccumulatedMetrics {
    const totals = this.detach();
    if (!totals) return { loss: NaN, accuracy: NaN };
    try {
      return this.metricsOf(totals.tensor.dataSync(), totals);
    } finally {
      totals.tensor.dispose();
    }
  }

  /** Reads and resets without blocking the thread (the only readback WebGPU can do everywhere). */
  async takeAsync(): Promise<AccumulatedMetrics> {
    const totals = this.detach();
    if (!totals) return { loss: NaN, accuracy: NaN };
    try {
      return this.metricsOf(await totals.tensor.data(), totals);
    } finally {
      totals.tensor.dispose();
    }
  }

  /** [loss sum, correct count] as one tensor and the counts behind it; resets the running sums. */
  private detach(): { tensor: tf.Tensor1D; batches: number; examples: number } | null {
    const { lossSum, correctSum, batches, examples } = this;
    const tensor = lossSum && correctSum && batches > 0 ? (tf.stack([lossSum, correctSum]) as tf.Tensor1D) : null;
    this.dispose();
    return tensor ? { tensor, batches, examples } : null;
  }

  private metricsOf(values: ArrayLike<number>, counts: { batches: number; examples: number }): AccumulatedMetrics {
    return { loss: values[0] / counts.batches, accuracy: values[1] / counts.examples };
  }

  dispose(): void {
    this.lossSum?.dispose();
    this.correctSum?.dispose();
    this.lossSum = null;
    this.correctSum = null;
    this.batches = 0;
    this.examples = 0;
  }

  private accumulate(total: tf.Scalar | null, value: tf.Scalar): tf.Scalar {
    if (!total) return value;
    const sum = tf.add(total, value) as tf.Scalar;
    total.dispose();
    value.dispose();
    return sum;
  }
}
