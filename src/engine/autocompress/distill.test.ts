import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { createNetwork } from '../models/network';
import { createRng } from '../random';
import type { Dataset } from '../spec/types';
import { BatchSampler } from '../training/batcher';
import { Trainer } from '../training/trainer';
import type { TrainSpec } from '../spec/types';
import { teacherProbabilities } from './distill';

let mnist: Dataset;
beforeAll(() => {
  mnist = smallMnist({ validationSize: 100, trainLimit: 300, testLimit: 100 });
});

describe('distillation targets', () => {
  it('gives each training image its softmax row, the same as the network predicts one by one', () => {
    const start = tf.memory().numTensors;
    const net = createNetwork('lenet_300_100', [32, 16], mnist.featureShape, mnist.numClasses, 3);
    const p = teacherProbabilities(net, mnist.train, mnist.featureShape, mnist.numClasses);
    expect(p.length).toBe(mnist.train.count * 10);
    const row = 257; // in the second evaluation batch or later, whatever EVAL_BATCH is
    const one = tf.tidy(() => tf.softmax(net.predict(tf.tensor(mnist.train.x.subarray(row * 784, (row + 1) * 784), [1, 784]))).dataSync());
    for (let c = 0; c < 10; c++) expect(p[row * 10 + c]).toBeCloseTo(one[c], 6);
    for (let i = 0; i < mnist.train.count; i++) expect(p.subarray(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('mixes the label with the teacher row of the same image, in the same order as without', () => {
    const teacher = new Float32Array(mnist.train.count * 10);
    // A teacher that puts all its weight on (label + 1) mod 10: any mix-up of rows shows.
    for (let i = 0; i < mnist.train.count; i++) teacher[i * 10 + ((mnist.train.y[i] + 1) % 10)] = 1;
    const plain = new BatchSampler(mnist.train, mnist.featureShape, 10, 50, createRng(7));
    const soft = new BatchSampler(mnist.train, mnist.featureShape, 10, 50, createRng(7), { probabilities: teacher, weight: 0.25 });
    for (let step = 0; step < 8; step++) {
      const a = plain.next();
      const b = soft.next();
      const labels = a.labels.dataSync();
      expect(Array.from(b.labels.dataSync())).toEqual(Array.from(labels));
      const targets = b.oneHot.dataSync();
      for (let i = 0; i < 50; i++) {
        const row = Array.from(targets.subarray(i * 10, i * 10 + 10));
        const expected = new Array(10).fill(0);
        expected[labels[i]] += 0.75;
        expected[(labels[i] + 1) % 10] += 0.25;
        row.forEach((v, c) => expect(v).toBeCloseTo(expected[c], 6));
      }
      tf.dispose([a.x, a.oneHot, a.labels, b.x, b.oneHot, b.labels]);
    }
  });

  it('trains a network towards the teacher: a student of a teacher that ignores the labels learns to agree with it', () => {
    const start = tf.memory().numTensors;
    // An untrained teacher disagrees with the labels on ~90% of the images, so agreeing with it
    // can only come from its targets.
    const teacher = createNetwork('lenet_300_100', [32, 16], mnist.featureShape, 10, 11);
    const probabilities = teacherProbabilities(teacher, mnist.train, mnist.featureShape, 10);
    const spec: TrainSpec = {
      dataset: 'mnist', model: 'lenet_300_100', hidden: [32, 16], epochs: 8, batchSize: 30, optimizer: 'adam',
      learningRate: 3e-3, schedule: { kind: 'constant' }, seed: 4, evalEverySteps: 1000, checkpointSteps: [],
    };
    const agreement = (weight: number) => {
      const trainer = new Trainer(spec, mnist, { softTargets: weight > 0 ? { probabilities, weight } : null });
      trainer.runSteps(Infinity);
      const agree = tf.tidy(() => {
        const x = tf.tensor(mnist.train.x, [mnist.train.count, 784]);
        return tf.mean(tf.cast(tf.equal(tf.argMax(trainer.network.predict(x), -1), tf.argMax(teacher.predict(x), -1)), 'float32')).dataSync()[0];
      });
      trainer.dispose();
      return agree;
    };
    const labelsOnly = agreement(0);
    const distilled = agreement(1);
    expect(labelsOnly).toBeLessThan(0.3);
    expect(distilled).toBeGreaterThan(labelsOnly + 0.3);
    teacher.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('refuses probabilities that do not match the split', () => {
    expect(() => new BatchSampler(mnist.train, mnist.featureShape, 10, 50, createRng(7), { probabilities: new Float32Array(10), weight: 0.5 })).toThrow(/Soft targets/);
    expect(() => new BatchSampler(mnist.train, mnist.featureShape, 10, 50, createRng(7), { probabilities: new Float32Array(mnist.train.count * 10), weight: 1.5 })).toThrow(/Soft targets/);
  });
});
