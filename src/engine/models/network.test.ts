import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelId } from '../spec/types';
import { MODELS } from './registry';
import { createNetwork } from './network';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const MNIST_SHAPE = [28, 28, 1];
const cases: [ModelId, number[], number, number][] = [
  ['lenet_300_100', MNIST_SHAPE, 10, 266610],
  ['lenet5', MNIST_SHAPE, 10, 61706],
  ['mlp_2d', [2], 2, 114],
];

describe('createNetwork', () => {
  it.each(cases)('%s gives logits [batch, classes] and has the expected parameter count', (id, shape, classes, count) => {
    const before = tf.memory().numTensors;
    const net = createNetwork(id, MODELS[id].defaultHidden, shape, classes, 0);
    expect(net.countParams()).toBe(count);
    const x = tf.zeros([3, ...shape]);
    const logits = net.predict(x);
    expect(logits.shape).toEqual([3, classes]);
    // predict frees its intermediates: only x and the logits are new.
    expect(tf.memory().numTensors).toBe(before + net.params.length + 2);
    tf.dispose([x, logits]);
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names parameters by layer kind and index with tfjs shapes', () => {
    const lenet5 = createNetwork('lenet5', [6, 16, 120, 84], MNIST_SHAPE, 10, 0);
    expect(lenet5.params.map((p) => [p.name, p.variable.shape, p.kind, p.layerIndex])).toEqual([
      ['conv_0/kernel', [5, 5, 1, 6], 'kernel', 0],
      ['conv_0/bias', [6], 'bias', 0],
      ['conv_1/kernel', [5, 5, 6, 16], 'kernel', 2],
      ['conv_1/bias', [16], 'bias', 2],
      ['dense_0/kernel', [400, 120], 'kernel', 5],
      ['dense_0/bias', [120], 'bias', 5],
      ['dense_1/kernel', [120, 84], 'kernel', 6],
      ['dense_1/bias', [84], 'bias', 6],
      ['dense_2/kernel', [84, 10], 'kernel', 7],
      ['dense_2/bias', [10], 'bias', 7],
    ]);
    lenet5.dispose();
  });

  it('draws Glorot-normal kernels and zero biases, identical for one seed', () => {
    const weightsFor = (seed: number) => {
      const net = createNetwork('lenet_300_100', [300, 100], MNIST_SHAPE, 10, seed);
      const weights = net.getWeights();
      net.dispose();
      return weights;
    };
    const [a, b, c] = [weightsFor(7), weightsFor(7), weightsFor(8)];
    expect(a).toEqual(b);
    expect(a[0].values).not.toEqual(c[0].values);
    const kernel = a[0].values;
    let sq = 0;
    let sum = 0;
    for (const v of kernel) {
      sq += v * v;
      sum += v;
    }
    expect(Math.abs(sum / kernel.length)).toBeLessThan(0.001);
    expect(Math.sqrt(sq / kernel.length) / Math.sqrt(2 / (784 + 300))).toBeCloseTo(1, 2);
    expect(a[1].values.every((v) => v === 0)).toBe(true);
  });

  it('refuses widths its model does not allow', () => {
    expect(() => createNetwork('lenet_300_100', [300], MNIST_SHAPE, 10, 0)).toThrow(/exactly 2 hidden layer widths/);
  });
});

describe('getWeights and setWeights', () => {
  it('round-trips copies, in both directions', () => {
    const net = createNetwork('mlp_2d', [4], [2], 2, 0);
    const weights = net.getWeights();
    expect(weights.map((w) => [w.name, w.shape])).toEqual([
      ['dense_0/kernel', [2, 4]],
      ['dense_0/bias', [4]],
      ['dense_1/kernel', [4, 2]],
      ['dense_1/bias', [2]],
    ]);
    weights[0].values[0] = 123; // editing the copy leaves the network alone
    expect(net.getWeights()[0].values[0]).not.toBe(123);

    const edited = net.getWeights();
    edited[1].values.fill(0.5);
    net.setWeights(edited);
    edited[1].values.fill(9); // nor does editing the array after setWeights
    expect(Array.from(net.getWeights()[1].values)).toEqual([0.5, 0.5, 0.5, 0.5]);
    net.dispose();
  });

  it('explains a mismatch in count, name, shape or length', () => {
    const net = createNetwork('mlp_2d', [4], [2], 2, 0);
    const w = net.getWeights();
    expect(() => net.setWeights(w.slice(1))).toThrow('setWeights got 3 arrays, but this network has 4 parameters.');
    expect(() => net.setWeights([{ ...w[0], name: 'conv_0/kernel' }, ...w.slice(1)])).toThrow(
      'setWeights: array 0 is "conv_0/kernel", expected "dense_0/kernel".',
    );
    expect(() => net.setWeights([{ ...w[0], shape: [4, 2] }, ...w.slice(1)])).toThrow(
      'setWeights: "dense_0/kernel" has shape [4, 2], expected [2, 4].',
    );
    expect(() => net.setWeights([{ ...w[0], values: new Float32Array(7) }, ...w.slice(1)])).toThrow(/holds 7 values/);
    net.dispose();
  });
});
