import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { circleOnCpu, circleSpec } from '../../../test/circle';
import type { Dataset, EvalMetrics, ProgressMetrics, TrainSpec } from '../spec/types';
import { train } from './trainer';

let circle: Dataset;

beforeAll(async () => {
  circle = await circleOnCpu();
});

const spec = (over: Partial<TrainSpec> = {}): TrainSpec => circleSpec({ seed: 4, evalEverySteps: 40, ...over });

describe('train', () => {
  it('runs to the end, evaluating every evalEverySteps and at each epoch end', async () => {
    const before = tf.memory().numTensors;
    const evals: EvalMetrics[] = [];
    const progress: ProgressMetrics[] = [];
    const result = await train(spec(), circle, {
      onEval: (e) => evals.push(e),
      onProgress: (p) => progress.push(p),
      sliceMs: 5,
    });
    expect(result.steps).toBe(150);
    expect(evals.map((e) => e.step)).toEqual([40, 50, 80, 100, 120, 150]);
    expect(result.final).toEqual(evals[evals.length - 1]);
    expect(result.final.validationAccuracy).toBeGreaterThan(0.8);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1].step).toBe(150);
    for (let i = 1; i < progress.length; i++) expect(progress[i].step).toBeGreaterThan(progress[i - 1].step);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same result for the same seed', async () => {
    const a = await train(spec({ epochs: 1 }), circle, {});
    const b = await train(spec({ epochs: 1 }), circle, { sliceMs: 1 });
    expect(b.final).toEqual(a.final);
  });

  it('rejects with an AbortError when aborted, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let reports = 0;
    const run = train(spec({ epochs: 50 }), circle, {
      signal: controller.signal,
      sliceMs: 2,
      onProgress: () => {
        if (++reports === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let progressed = false;
    await expect(train(spec(), circle, { signal: controller.signal, onProgress: () => (progressed = true) })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(progressed).toBe(false);
  });

  it('rejects a spec it cannot train without leaking', async () => {
    const before = tf.memory().numTensors;
    await expect(train(spec({ batchSize: 0 }), circle, {})).rejects.toThrow(/batch size/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
