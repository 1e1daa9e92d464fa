// A run continued elsewhere (the worker moves to WebAssembly when the WebGL context is lost):
// weights copied over plus fastForward(step) must go on exactly as the uninterrupted run would,
// batch for batch. Plain SGD has no optimizer state, so the two runs must agree to the bit.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { circleOnCpu, circleSpec } from '../../../test/circle';
import type { Dataset } from '../spec/types';
import { Trainer } from './trainer';

let circle: Dataset;

beforeAll(async () => {
  circle = await circleOnCpu();
});

const spec = circleSpec({ optimizer: 'sgd', learningRate: 0.1 });

describe('Trainer.fastForward', () => {
  it('continues with the same batches and weights as the uninterrupted run, across an epoch boundary', () => {
    const before = tf.memory().numTensors;
    const whole = new Trainer(spec, circle);
    const first = new Trainer(spec, circle);
    // 70 steps: past the first epoch (50 steps), so the next epoch's shuffle is skipped too.
    whole.runSteps(70);
    first.runSteps(70);
    const moved = new Trainer(spec, circle);
    moved.network.setWeights(first.network.getWeights());
    moved.fastForward(70);
    expect(moved.step).toBe(70);

    whole.runSteps(40);
    moved.runSteps(40);
    whole.takeProgress();
    expect(moved.takeProgress().step).toBe(110);
    const a = whole.network.getWeights();
    const b = moved.network.getWeights();
    for (let i = 0; i < a.length; i++) expect(Array.from(b[i].values)).toEqual(Array.from(a[i].values));

    for (const t of [whole, first, moved]) t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the end of the run', () => {
    const trainer = new Trainer(spec, circle);
    trainer.fastForward(10_000);
    expect(trainer.step).toBe(trainer.totalSteps);
    expect(trainer.done).toBe(true);
    trainer.dispose();
  });
});
