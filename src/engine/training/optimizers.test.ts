import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OptimizerId } from '../spec/types';
import { createOptimizer, disposeOptimizer, getLearningRate, OPTIMIZER_IDS, setLearningRate } from './optimizers';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** One step on loss = sum(v) from v = 1 (gradient 1); returns how far v moved. */
function firstStepSize(id: OptimizerId, rate: number, changeTo?: number): number {
  const v = tf.variable(tf.ones([3]));
  const opt = createOptimizer(id, rate);
  if (changeTo !== undefined) setLearningRate(opt, changeTo);
  opt.minimize(() => tf.sum(v), false, [v]);
  const moved = 1 - v.dataSync()[0];
  disposeOptimizer(opt);
  v.dispose();
  return moved;
}

describe('createOptimizer', () => {
  it('builds SGD, momentum 0.9 and Adam', () => {
    const names = OPTIMIZER_IDS.map((id) => {
      const opt = createOptimizer(id, 0.1);
      const name = opt.getClassName();
      disposeOptimizer(opt);
      return name;
    });
    expect(names).toEqual(['SGD', 'Momentum', 'Adam']);
    expect(() => createOptimizer('adam', 0)).toThrow(/positive/);
  });
});

describe('setLearningRate', () => {
  it.each(OPTIMIZER_IDS)('really changes the step size of %s', (id) => {
    // Each optimizer's first step on a gradient of 1 moves by the learning rate.
    expect(firstStepSize(id, 0.1)).toBeCloseTo(0.1, 4);
    expect(firstStepSize(id, 0.1, 0.5)).toBeCloseTo(0.5, 4);
    const opt = createOptimizer(id, 0.1);
    setLearningRate(opt, 0.02);
    expect(getLearningRate(opt)).toBe(0.02);
    disposeOptimizer(opt);
  });
});

describe('disposeOptimizer', () => {
  it.each(OPTIMIZER_IDS)('frees every tensor %s made, moment estimates included', (id) => {
    const v = tf.variable(tf.ones([4, 4]));
    const before = tf.memory().numTensors;
    const opt = createOptimizer(id, 0.1);
    for (let i = 0; i < 3; i++) opt.minimize(() => tf.sum(tf.square(v)), false, [v]);
    setLearningRate(opt, 0.05);
    opt.minimize(() => tf.sum(tf.square(v)), false, [v]);
    disposeOptimizer(opt);
    expect(tf.memory().numTensors).toBe(before);
    v.dispose();
  });
});
