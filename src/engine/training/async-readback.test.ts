// The non-blocking readbacks the training session uses (WebGPU's blocking readback loses the
// device on some adapters: README, WebGPU) give exactly what the blocking ones give.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToyDataset } from '../datasets/toy2d';
import type { Dataset, TrainSpec } from '../spec/types';
import { evaluateNetwork, evaluateNetworkAsync } from './evaluate';
import { Trainer } from './trainer';

let circle: Dataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  circle = generateToyDataset('circle', { seed: 0 });
});

const spec: TrainSpec = {
  dataset: 'circle',
  model: 'mlp_2d',
  hidden: [8, 8],
  epochs: 2,
  batchSize: 10,
  optimizer: 'adam',
  learningRate: 0.03,
  schedule: { kind: 'constant' },
  seed: 3,
  evalEverySteps: 50,
  checkpointSteps: [],
};

describe('non-blocking readbacks', () => {
  it('progress, evaluation and weights read without blocking equal the blocking reads', async () => {
    const before = tf.memory().numTensors;
    const a = new Trainer(spec, circle);
    const b = new Trainer(spec, circle);
    for (let i = 0; i < 3; i++) {
      a.runSteps(7);
      b.runSteps(7);
      expect(await a.takeProgressAsync()).toEqual(b.takeProgress());
    }
    expect(await evaluateNetworkAsync(a.network, circle.test, circle.featureShape)).toEqual(
      evaluateNetwork(b.network, circle.test, circle.featureShape),
    );
    expect(await a.network.getWeightsAsync()).toEqual(b.network.getWeights());
    // Nothing ran since the last read: NaN, as the blocking read says.
    expect((await a.takeProgressAsync()).loss).toBeNaN();
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the step-0 checkpoint from the weights drawn in JS, equal to reading them back', () => {
    const trainer = new Trainer(spec, circle);
    expect(trainer.checkpoints.get(0)).toEqual(trainer.network.getWeights());
    // A copy: training does not change it, and changing it does not change the network's record.
    trainer.runSteps(5);
    expect(trainer.checkpoints.get(0)).toEqual(trainer.network.initialWeights);
    expect(trainer.checkpoints.get(0)).not.toEqual(trainer.network.getWeights());
    trainer.checkpoints.get(0)![0].values[0] += 1;
    expect(trainer.checkpoints.get(0)![0].values[0]).not.toBe(trainer.network.initialWeights[0].values[0]);
    trainer.dispose();
  });
});
