// The transfer lab on real MNIST: pretrain on digits 0-4, learn digits 5-9 from 100 labels.
// Runs on tfjs's wasm backend in Node (as determinism.test.ts does): the plain-JavaScript cpu
// backend needs minutes for the convolutions this lab pretrains.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { adaptSteps, adaptToTarget, digitsTask, labeledSubset, pretrainLimit, pretrainSource, TRANSFER_DEFAULTS, type TransferConfig, type TransferResult, type TransferTask } from '.';

useWasmBackend();

let task: TransferTask;

beforeAll(() => {
  // The page's split (55,000 training images: 28,076 of digits 0-4 to pretrain on) and the whole
  // test set (4,861 images of digits 5-9 to measure the target on).
  task = digitsTask(smallMnist({ validationSize: 5000, trainLimit: 60000, testLimit: 10000 }));
});

// The page's "Full" pretraining: every source image, three passes (about 35 s here).
const config: TransferConfig = { ...TRANSFER_DEFAULTS, pretrain: { ...TRANSFER_DEFAULTS.pretrain, limit: pretrainLimit('full') } };

describe('labelled subsets', () => {
  it('are class-balanced, seeded and nested', () => {
    const count = (split: { y: Uint8Array; count: number }) => Array.from({ length: 5 }, (_, c) => split.y.filter((l) => l === c).length);
    const small = labeledSubset(task.target.train, 100, 5, task.featureSize, 3);
    expect(count(small)).toEqual([20, 20, 20, 20, 20]);
    const again = labeledSubset(task.target.train, 100, 5, task.featureSize, 3);
    expect(again.x).toEqual(small.x);
    const larger = labeledSubset(task.target.train, 1000, 5, task.featureSize, 3);
    const key = (s: typeof small, i: number) => s.x.subarray(i * 784, (i + 1) * 784).join();
    const inLarger = new Set(Array.from({ length: larger.count }, (_, i) => key(larger, i)));
    expect(Array.from({ length: small.count }, (_, i) => inLarger.has(key(small, i))).every(Boolean)).toBe(true);
    expect(() => labeledSubset(task.target.train, 0, 5, task.featureSize, 3)).toThrow(/at least 1/);
  });
});

describe('digits 0-4 -> digits 5-9 from 100 labels', () => {
  // Each method gets the same steps and its best rate of this grid, so neither is handicapped
  // by a rate that suits the other.
  const RATES = [1e-3, 3e-3];
  const best = async (method: 'scratch' | 'frozen', pretrained: Awaited<ReturnType<typeof pretrainSource>>, labels = 100) => {
    const runs: TransferResult[] = [];
    for (const learningRate of RATES) runs.push(await adaptToTarget(task, pretrained, method, labels, { ...config, adapt: { ...config.adapt, learningRate } }));
    const top = runs.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    return { runs, best: top, rate: RATES[runs.indexOf(top)] };
  };

  // The issue: with 100 labels the frozen extractor beats scratch by at least 5 points. Measured
  // for seed 0 with the full pretraining (Node, wasm): 94.0% frozen against 86.8% from scratch.
  // It is not a margin every seed keeps: over seeds 0-4 `npm run reproduce -- transfer
  // --source-images 60000` gives +7.2 / +3.3 / +4.4 / +4.3 / +7.0 (mean +5.2), and with the quick
  // pretraining (6,000 images) +2.9 on average: features learned from more source data transfer
  // better. With 10 labels (two per digit) the gap is mostly which ten examples were drawn: seed 0
  // gives scratch 75.6%, frozen 73.7% here; over seeds 0-4 frozen is ahead by 3.4 points on average.
  it('the frozen pretrained extractor beats training from scratch by 5 points at a twentieth of the compute, seeded, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const pretrained = await pretrainSource(task, config);
    expect(pretrained.sourceAccuracy).toBeGreaterThan(0.97);
    expect(pretrained.images).toBe(task.source.train.count);
    expect(pretrained.images).toBe(28076);
    const scratch = await best('scratch', pretrained);
    const frozen = await best('frozen', pretrained);
    const summary = [...scratch.runs, ...frozen.runs].map((r, i) => `${r.method} lr ${RATES[i % 2]} ${(100 * r.accuracy).toFixed(1)}% ${(r.flops / 1e9).toFixed(2)} GFLOP ${r.ms} ms`);
    console.info(`source ${(100 * pretrained.sourceAccuracy).toFixed(1)}% in ${pretrained.ms} ms; ${summary.join('; ')}`);

    // Measured on every test image of digits 5-9, with equal steps.
    expect(task.target.test.count).toBe(4861);
    for (const r of [scratch.best, frozen.best]) {
      expect(r.testCount).toBe(task.target.test.count);
      expect(r.steps).toBe(adaptSteps(100, config).steps);
      expect(r.accuracy).toBeGreaterThan(0.85); // 5 classes: chance is 20%
    }
    expect(frozen.best.accuracy).toBeGreaterThanOrEqual(scratch.best.accuracy + 0.05);
    // Only the head trains and the extractor runs once per example.
    expect(frozen.best.flops).toBeLessThan(scratch.best.flops / 20);
    expect(frozen.best.trainedParams).toBeLessThan(scratch.best.trainedParams);

    // Seeded: the same run gives the same number.
    const repeat = await adaptToTarget(task, pretrained, 'frozen', 100, { ...config, adapt: { ...config.adapt, learningRate: frozen.rate } });
    expect(repeat.accuracy).toBe(frozen.best.accuracy);
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);
});
