// Running training loss and accuracy kept on the device, so a training step never waits for
// a readback; one dataSync per report reads both numbers.
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
    let result: AccumulatedMetrics = { loss: NaN, accuracy: NaN };
    if (this.lossSum && this.correctSum && this.batches > 0) {
      const { lossSum, correctSum } = this;
      const [loss, correct] = tf.tidy(() => tf.stack([lossSum, correctSum]).dataSync());
      result = { loss: loss / this.batches, accuracy: correct / this.examples };
    }
    this.dispose();
    return result;
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
