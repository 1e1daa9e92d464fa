// The non-blocking readbacks the training session uses (WebGPU's blocking readback loses the
// device on some adapters: README, WebGPU) give exactly what the blocking ones give.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { circleOnCpu, circleSpec } from '../../../test/circle';
import type { Dataset } from '../spec/types';
import { evaluateNetwork, evaluateNetworkAsync } from './evaluate';
import { Trainer } from './trainer';

let circle: Dataset;

beforeAll(async () => {
  circle = await circleOnCpu();
});

const spec = circleSpec({ epochs: 2 });

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
