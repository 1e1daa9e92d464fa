import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { circleOnCpu, circleSpec } from '../../../test/circle';
import { createNetwork } from '../models/network';
import type { Dataset, TrainSpec } from '../spec/types';
import { learningRateAt } from './schedule';
import { Trainer } from './trainer';

let circle: Dataset;
let mnist: Dataset; // 2,000 training images, 1,000 validation, 1,000 test

beforeAll(async () => {
  circle = await circleOnCpu();
  mnist = smallMnist({ validationSize: 1000, trainLimit: 2000, testLimit: 1000 });
});

const toySpec = (over: Partial<TrainSpec> = {}): TrainSpec => circleSpec({ epochs: 5, seed: 1, ...over });

const mnistSpec = (over: Partial<TrainSpec> = {}): TrainSpec => ({
  ...toySpec(),
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [64, 32],
  batchSize: 60,
  learningRate: 1.2e-3,
  ...over,
});

/** Weights after `steps` batches, run in chunks of `chunk`; the trainer is disposed. */
function weightsAfter(spec: TrainSpec, data: Dataset, steps: number, chunk = steps) {
  const trainer = new Trainer(spec, data);
  for (let done = 0; done < steps; ) done += trainer.runSteps(Math.min(chunk, steps - done));
  const weights = trainer.network.getWeights();
  trainer.dispose();
  return weights;
}

describe('Trainer bookkeeping', () => {
  it('drops the last partial batch of an epoch and stops at the last step', () => {
    const trainer = new Trainer(toySpec({ batchSize: 60, epochs: 2 }), circle);
    expect(trainer.stepsPerEpoch).toBe(8); // floor(500 / 60)
    expect(trainer.totalSteps).toBe(16);
    expect(trainer.runSteps(10)).toBe(10);
    expect(trainer.runSteps(10)).toBe(6);
    expect(trainer.done).toBe(true);
    expect(trainer.runSteps(1)).toBe(0);
    expect(trainer.step).toBe(16);
    trainer.dispose();
    expect(() => trainer.runSteps(1)).toThrow(/disposed/);
  });

  it('reports mean loss, accuracy and the learning rate of the last step, then resets', () => {
    const schedule = { kind: 'step', warmupSteps: 5, decayEverySteps: 4, gamma: 0.5 } as const;
    const trainer = new Trainer(toySpec({ schedule }), circle);
    trainer.runSteps(12);
    const p = trainer.takeProgress();
    expect(p.step).toBe(12);
    expect(p.epoch).toBeCloseTo(12 / 50, 12);
    expect(p.totalSteps).toBe(250);
    expect(p.loss).toBeGreaterThan(0);
    expect(p.trainAccuracy).toBeGreaterThanOrEqual(0);
    expect(p.trainAccuracy).toBeLessThanOrEqual(1);
    expect(p.learningRate).toBe(learningRateAt(0.03, schedule, 11));
    expect(p.learningRate).toBeCloseTo(0.015, 12); // one decay: floor((11 - 5) / 4) = 1
    const empty = trainer.takeProgress();
    expect(Number.isNaN(empty.loss) && Number.isNaN(empty.trainAccuracy)).toBe(true);
    trainer.dispose();
  });

  it('keeps checkpoints at step 0 and after each listed step', () => {
    const spec = toySpec({ checkpointSteps: [3, 7, 100_000] });
    const trainer = new Trainer(spec, circle);
    trainer.runSteps(2);
    trainer.runSteps(8);
    expect([...trainer.checkpoints.keys()].sort((a, b) => a - b)).toEqual([0, 3, 7]);
    const init = createNetwork('mlp_2d', [8, 8], [2], 2, spec.seed);
    expect(trainer.checkpoints.get(0)).toEqual(init.getWeights());
    init.dispose();
    // Each checkpoint equals what an independent run reaches at that step.
    expect(trainer.checkpoints.get(3)).toEqual(weightsAfter(spec, circle, 3));
    expect(trainer.checkpoints.get(7)).toEqual(weightsAfter(spec, circle, 7));
    expect(trainer.checkpoints.get(7)).not.toEqual(trainer.checkpoints.get(3));
    trainer.dispose();
  });

  it('refuses specs it cannot train, with a sentence', () => {
    expect(() => new Trainer(toySpec({ model: 'lenet5', hidden: [6, 16, 120, 84] }), circle)).toThrow(
      'LeNet-5 cannot train on Circle: it is built for the MNIST digits.',
    );
    expect(() => new Trainer(toySpec({ batchSize: 501 }), circle)).toThrow(/larger than the training set \(500 examples\)/);
    expect(() => new Trainer(toySpec({ dataset: 'xor' }), circle)).toThrow(/asks for the dataset "xor"/);
    expect(() => new Trainer(toySpec({ hidden: [64] }), circle)).toThrow(/between 1 and 32/);
  });
});

describe('Trainer determinism', () => {
  it.each(['adam', 'momentum', 'sgd'] as const)('gives identical weights for one seed (%s), however steps are chunked', (optimizer) => {
    const spec = toySpec({ optimizer, learningRate: 0.05 });
    const a = weightsAfter(spec, circle, 60);
    expect(weightsAfter(spec, circle, 60, 7)).toEqual(a);
    expect(weightsAfter({ ...spec, seed: 2 }, circle, 60)[0].values).not.toEqual(a[0].values);
  });

  it('gives identical LeNet-300-100 weights for one seed on MNIST', () => {
    const a = weightsAfter(mnistSpec(), mnist, 5);
    expect(weightsAfter(mnistSpec(), mnist, 5)).toEqual(a);
    expect(weightsAfter(mnistSpec({ seed: 2 }), mnist, 5)[0].values).not.toEqual(a[0].values);
  });
});

describe('Trainer learning', () => {
  it('separates the circle: loss falls and validation accuracy passes 90%', () => {
    const trainer = new Trainer(toySpec({ epochs: 30 }), circle);
    trainer.runSteps(50);
    const first = trainer.takeProgress();
    trainer.runSteps(Infinity);
    const last = trainer.takeProgress();
    expect(last.loss).toBeLessThan(first.loss * 0.5);
    const metrics = trainer.evaluate();
    expect(metrics.step).toBe(1500);
    expect(metrics.epoch).toBe(30);
    expect(metrics.validationAccuracy).toBeGreaterThan(0.9);
    expect(metrics.testAccuracy).toBeGreaterThan(0.9);
    trainer.dispose();
  });

  it('learns MNIST digits: above 80% test accuracy after 130 steps on 2,000 images', () => {
    const trainer = new Trainer(mnistSpec({ epochs: 4 }), mnist);
    trainer.runSteps(10);
    const first = trainer.takeProgress();
    trainer.runSteps(Infinity);
    const last = trainer.takeProgress();
    expect(trainer.step).toBe(132); // 33 batches of 60 per epoch
    expect(last.loss).toBeLessThan(first.loss * 0.5);
    const test = trainer.evaluateSplit(mnist.test);
    expect(test.accuracy).toBeGreaterThan(0.8);
    expect(test.loss).toBeLessThan(0.7);
    const few = trainer.evaluateSplit(mnist.test, 10);
    expect(few.accuracy * 10).toBe(Math.round(few.accuracy * 10));
    trainer.dispose();
  });
});

describe('Trainer memory', () => {
  it.each(['adam', 'momentum', 'sgd'] as const)('frees every tensor on dispose (%s)', (optimizer) => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(toySpec({ optimizer, checkpointSteps: [2] }), circle);
    trainer.runSteps(5);
    trainer.takeProgress();
    trainer.runSteps(3); // leaves unread accumulators behind
    trainer.evaluate();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees every tensor of a LeNet-5 run too', () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(mnistSpec({ model: 'lenet5', hidden: [2, 4, 10, 10] }), mnist);
    trainer.runSteps(2);
    trainer.takeProgress();
    trainer.evaluateSplit(mnist.test, 100);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves a network it was given to its owner', () => {
    const network = createNetwork('mlp_2d', [8, 8], [2], 2, 5);
    const start = network.getWeights();
    const trainer = new Trainer(toySpec(), circle, { network });
    expect(trainer.network).toBe(network);
    trainer.runSteps(5);
    trainer.dispose();
    expect(network.getWeights()[0].values).not.toEqual(start[0].values); // trained, and still alive
    network.dispose();
  });
});
