// A dense layer with a hand-written backward pass. Two reasons, both measured on the wasm
// backend (tfjs 4.22, batch 60, 784x300 kernel):
//  - a matMul with transposeA or transposeB runs ~12x slower there (12.6 ms against 1.1 ms);
//    transposing explicitly (0.04 ms for the batch) and multiplying plainly avoids it;
//  - tfjs computes the gradient of every op input, including the input images of the first
//    layer, which nothing needs; here that gradient is skipped.
// On WebGL a transposed multiply is free, so the flags are kept there.
import * as tf from '@tensorflow/tfjs';
import type { Activation } from './types';

function matMulT(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D {
  const backend = tf.getBackend();
  if (backend === 'webgl' || backend === 'webgpu') return tf.matMul(a, b, transposeA, transposeB);
  const left = transposeA ? (tf.transpose(a) as tf.Tensor2D) : a;
  const right = transposeB ? (tf.transpose(b) as tf.Tensor2D) : b;
  return tf.matMul(left, right);
}

function forward(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, activation: Activation): tf.Tensor2D {
  // Linear fusion works in gradient mode too; tfjs would unfuse a fused relu there anyway.
  const z = tf.fused.matMul({ a: x, b: kernel, bias }) as tf.Tensor2D;
  return activation === 'relu' ? (tf.relu(z) as tf.Tensor2D) : z;
}

function backward(
  dy: tf.Tensor2D,
  y: tf.Tensor2D,
  x: tf.Tensor2D,
  kernel: tf.Tensor2D,
  activation: Activation,
  withInputGrad: boolean,
): tf.Tensor[] {
  // relu'(z) is 1 where the output is positive, which y tells without keeping z.
  const dz: tf.Tensor2D = activation === 'relu' ? tf.mul(dy, tf.step(y)) : dy;
  const dKernel = matMulT(x, dz, true, false);
  const dBias = tf.sum(dz, 0);
  return withInputGrad ? [matMulT(dz, kernel, false, true), dKernel, dBias] : [dKernel, dBias];
}

/**
 * act(x · kernel + bias) for x [batch, in], kernel [in, out], bias [out]. With
 * `inputNeedsGradient` false (the first layer, fed with data), x is not differentiated.
 */
export function denseLayer(
  x: tf.Tensor2D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  activation: Activation,
  inputNeedsGradient: boolean,
): tf.Tensor2D {
  if (inputNeedsGradient) {
    const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [xIn, k, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
      const y = forward(xIn, k, b, activation);
      save([y, xIn, k]);
      return {
        value: y,
        gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) =>
          backward(dy, saved[0] as tf.Tensor2D, saved[1] as tf.Tensor2D, saved[2] as tf.Tensor2D, activation, true),
      };
    });
    return op(x, kernel, bias) as tf.Tensor2D;
  }
  // x enters through the closure, so tfjs sees only kernel and bias as inputs.
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [k, b, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const y = forward(x, k, b, activation);
    // Saved (kept) because x may be a reshape that the caller's tidy frees before backprop.
    save([y, x, k]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) =>
        backward(dy, saved[0] as tf.Tensor2D, saved[1] as tf.Tensor2D, saved[2] as tf.Tensor2D, activation, false),
    };
  });
  return op(kernel, bias) as tf.Tensor2D;
}
