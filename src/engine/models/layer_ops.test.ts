// The hand-written gradients must equal tfjs's own. Both are run on the cpu backend, which
// has every gradient kernel, so the reference is tfjs's automatic differentiation.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { conv2dWithOwnGradient } from './conv_op';
import { denseLayer } from './dense_op';
import type { Activation } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => rng.normal()), shape);
}

/** Gradients of sum(f(x, w, b) * probe) with respect to x, w and b. */
function grads(f: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor, x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, probe: tf.Tensor): Float32Array[] {
  return tf.tidy(() => {
    const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(f(xx, ww, bb), probe)));
    return g([x, w, b]).map((t) => t.dataSync() as Float32Array);
  });
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i])));
  expect(worst).toBeLessThan(1e-4);
}

describe('denseLayer', () => {
  it.each<[Activation]>([['relu'], ['linear']])('matches tfjs gradients with %s', (activation) => {
    const x = randomTensor([5, 7], 1);
    const w = randomTensor([7, 3], 2);
    const b = randomTensor([3], 3);
    const probe = randomTensor([5, 3], 4);
    const reference = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => {
      const z = tf.add(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D), bb);
      return activation === 'relu' ? tf.relu(z) : z;
    };
    const [dx, dw, db] = grads(reference, x, w, b, probe);
    const own = grads((xx, ww, bb) => denseLayer(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, activation, true), x, w, b, probe);
    [dx, dw, db].forEach((g, i) => expectClose(own[i], g));
    // Without an input gradient the kernel and bias gradients are unchanged.
    const noInput = tf.tidy(() =>
      tf.grads((ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(denseLayer(x as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, activation, false), probe)))([w, b]).map((t) => t.dataSync() as Float32Array),
    );
    expectClose(noInput[0], dw);
    expectClose(noInput[1], db);
    tf.dispose([x, w, b, probe]);
  });
});

describe('conv2dWithOwnGradient', () => {
  it.each<['same' | 'valid', Activation]>([
    ['same', 'relu'],
    ['valid', 'relu'],
    ['valid', 'linear'],
  ])('matches tfjs gradients with %s padding and %s', (pad, activation) => {
    const before = tf.memory().numTensors;
    const x = randomTensor([2, 9, 8, 3], 5);
    const w = randomTensor([5, 5, 3, 4], 6);
    const b = randomTensor([4], 7);
    const outShape = pad === 'same' ? [2, 9, 8, 4] : [2, 5, 4, 4];
    const probe = randomTensor(outShape, 8);
    const reference = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
      tf.fused.conv2d({ x: xx as tf.Tensor4D, filter: ww as tf.Tensor4D, strides: 1, pad, bias: bb, activation });
    const expected = grads(reference, x, w, b, probe);
    const own = grads((xx, ww, bb) => conv2dWithOwnGradient(xx as tf.Tensor4D, ww as tf.Tensor4D, bb as tf.Tensor1D, pad, activation, true), x, w, b, probe);
    expected.forEach((g, i) => expectClose(own[i], g));
    tf.dispose([x, w, b, probe]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
