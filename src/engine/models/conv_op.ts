// A stride-1 2-D convolution layer that can be trained on every backend. The wasm backend of
// tfjs 4.22 registers no Conv2DBackpropFilter kernel, so tf.conv2d cannot be differentiated
// there. Where that kernel is missing, the filter gradient is computed with a plain forward
// convolution instead (the input, channels-first, convolved with the output gradient), which
// every backend has. Elsewhere tfjs's own gradient is used unchanged.
import * as tf from '@tensorflow/tfjs';
import type { Activation } from './types';

type Padding = 'same' | 'valid';

function forward(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D,
  pad: Padding,
  activation: Activation,
): tf.Tensor4D {
  return tf.fused.conv2d({ x, filter, strides: 1, pad, bias, activation });
}

/**
 * dL/dfilter[i, j, c, f] = sum over b, y, x of xPadded[b, y + i, x + j, c] * dz[b, y, x, f]:
 * a valid convolution of xPadded as [c, h, w, b] with dz as a filter [y, x, b, f].
 */
function filterGradient(x: tf.Tensor4D, dz: tf.Tensor4D, kernelSize: number, pad: Padding): tf.Tensor4D {
  let padded = x;
  if (pad === 'same') {
    // TensorFlow's 'same' at stride 1: k - 1 rows in all, the odd one at the bottom/right.
    const before = Math.floor((kernelSize - 1) / 2);
    const after = kernelSize - 1 - before;
    padded = tf.pad(x, [[0, 0], [before, after], [before, after], [0, 0]]);
  }
  const channelsFirst = tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D;
  const dzAsFilter = tf.transpose(dz, [1, 2, 0, 3]) as tf.Tensor4D;
  const g = tf.conv2d(channelsFirst, dzAsFilter, 1, 'valid'); // [c, kh, kw, f]
  return tf.transpose(g, [1, 2, 0, 3]) as tf.Tensor4D;
}

function backward(
  dy: tf.Tensor4D,
  y: tf.Tensor4D,
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  pad: Padding,
  activation: Activation,
  withInputGrad: boolean,
): tf.Tensor[] {
  const dz: tf.Tensor4D = activation === 'relu' ? tf.mul(dy, tf.step(y)) : dy;
  const dFilter = filterGradient(x, dz, filter.shape[0], pad);
  const dBias = tf.sum(dz, [0, 1, 2]);
  if (!withInputGrad) return [dFilter, dBias];
  const dx = tf.conv2dTranspose(dz, filter, x.shape, 1, pad);
  return [dx, dFilter, dBias];
}

let filterGradKernelCache: { backend: string; registered: boolean } | null = null;

function backendHasFilterGradient(): boolean {
  const backend = tf.getBackend();
  if (filterGradKernelCache?.backend !== backend) {
    filterGradKernelCache = { backend, registered: tf.getKernel('Conv2DBackpropFilter', backend) != null };
  }
  return filterGradKernelCache.registered;
}

/** act(conv2d(x, filter, stride 1, pad) + bias), x [batch, h, w, c], filter [k, k, c, f]. */
export function conv2dLayer(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D,
  pad: Padding,
  activation: Activation,
  inputNeedsGradient: boolean,
): tf.Tensor4D {
  if (backendHasFilterGradient()) return forward(x, filter, bias, pad, activation);
  return conv2dWithOwnGradient(x, filter, bias, pad, activation, inputNeedsGradient);
}

/** The same layer, always with the gradient above (exported so tests can compare the two). */
export function conv2dWithOwnGradient(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D,
  pad: Padding,
  activation: Activation,
  inputNeedsGradient: boolean,
): tf.Tensor4D {
  const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
    const [y, xSaved, f] = saved as tf.Tensor4D[];
    return backward(dy, y, xSaved, f, pad, activation, inputNeedsGradient);
  };
  if (inputNeedsGradient) {
    const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [xIn, f, b, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
      const y = forward(xIn, f, b, pad, activation);
      save([y, xIn, f]);
      return { value: y, gradFunc };
    });
    return op(x, filter, bias) as tf.Tensor4D;
  }
  // Data input: x enters through the closure, so tfjs does not ask for its gradient.
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [f, b, save] = args as [tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
    const y = forward(x, f, b, pad, activation);
    save([y, x, f]);
    return { value: y, gradFunc };
  });
  return op(filter, bias) as tf.Tensor4D;
}
