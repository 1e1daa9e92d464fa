// Softmax cross-entropy with the fewest ops tfjs allows. tf.losses.softmaxCrossEntropy also
// differentiates with respect to the labels and adds a weighting stage, about twice the
// kernels per step; at ~130 steps/s every kernel launch counts.
import * as tf from '@tensorflow/tfjs';

/** Mean over the batch of -log softmax(logits)[label], with a hand-written gradient. */
export function meanSoftmaxCrossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  const batch = logits.shape[0];
  // oneHot comes in through the closure, so the only input (and gradient) is the logits.
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const logProbs = tf.logSoftmax(z);
    save([logProbs]);
    const value = tf.mul(tf.sum(tf.mul(logProbs, oneHot)), -1 / batch) as tf.Scalar;
    // d loss / d logits = (softmax - oneHot) / batch
    const gradFunc = (dy: tf.Scalar, saved: tf.Tensor[]): tf.Tensor =>
      tf.mul(tf.sub(tf.exp(saved[0]), oneHot), tf.div(dy, batch));
    return { value, gradFunc };
  });
  return loss(logits) as tf.Scalar;
}

/** Sum over the batch of the cross-entropy, for evaluation (no gradient needed). */
export function summedSoftmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(labels, logits.shape[1]);
    return tf.sub(tf.sum(tf.logSumExp(logits, 1)), tf.sum(tf.mul(logits, oneHot))) as tf.Scalar;
  });
}

/** Number of rows whose largest logit is the label, as a float32 scalar. */
export function countCorrect(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')) as tf.Scalar);
}
