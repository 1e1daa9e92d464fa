// The transfer lab on real MNIST: pretrain on digits 0-4, learn digits 5-9 from 100 labels.
// Runs on tfjs's wasm backend in Node (as determinism.test.ts does): the plain-JavaScript cpu
// backend needs minutes for the convolutions this lab pretrains.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { adaptSteps, adaptToTarget, digitsTask, labeledSubset, pretrainLimit, pretrainSource, TRANSFER_DEFAULTS, type TransferConfig, type TransferResult, type TransferTask } from '.';

const GOAL_POINTS = 5;

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

describe('validation split', () => {
  it('holds the target digits of MNIST\'s validation images, none of which a label is drawn from', () => {
    // digits 5-9 among the last 5,000 training images (the page's validation split)
    const mnist = smallMnist({ validationSize: 5000, trainLimit: 10, testLimit: 10 });
    const expected = Array.from(mnist.validation.y).filter((l) => l >= 5).length;
    expect(task.target.validation.count).toBe(expected);
    expect(task.target.validation.count).toBeGreaterThan(2000);
    const key = (x: Float32Array, i: number) => x.subarray(i * 784, (i + 1) * 784).join();
    const held = new Set(Array.from({ length: task.target.validation.count }, (_, i) => key(task.target.validation.x, i)));
    const labelled = labeledSubset(task.target.train, 5000, 5, task.featureSize, 0);
    expect(Array.from({ length: labelled.count }, (_, i) => held.has(key(labelled.x, i))).filter(Boolean)).toEqual([]);
  });
});

describe('digits 0-4 -> digits 5-9 from 100 labels', () => {
  // The issue: with 100 labels the frozen extractor beats scratch by at least 5 points. Every rate
  // here is TRANSFER_DEFAULTS, chosen on the validation split (selection.ts); this test used to pick
  // each method's best of {1e-3, 3e-3} on the test set itself. The chosen rates for scratch and the
  // new head are the ones that won on test before (3e-3), so seed 0 with the full pretraining still
  // gives 94.0% frozen against 86.8% from scratch (+7.2; npm run reproduce -- transfer
  // --source-images 60000, reports/transfer-full.json). It is not a margin every seed keeps, nor
  // the quick pretraining: see the README's Results, written from that report.
  it('the frozen pretrained extractor beats training from scratch at a twentieth of the compute, seeded, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const pretrained = await pretrainSource(task, config);
    expect(pretrained.sourceAccuracy).toBeGreaterThan(0.97);
    expect(pretrained.images).toBe(task.source.train.count);
    expect(pretrained.images).toBe(28076);
    const scratch = await adaptToTarget(task, pretrained, 'scratch', 100, config);
    const frozen = await adaptToTarget(task, pretrained, 'frozen', 100, config);
    const line = (r: TransferResult) => `${r.method} ${(100 * r.accuracy).toFixed(1)}% (validation ${(100 * r.validationAccuracy).toFixed(1)}%) ${(r.flops / 1e9).toFixed(2)} GFLOP ${r.ms} ms`;
    console.info(`source ${(100 * pretrained.sourceAccuracy).toFixed(1)}% in ${pretrained.ms} ms; ${line(scratch)}; ${line(frozen)}`);

    // Measured on every test image of digits 5-9, with equal steps.
    expect(task.target.test.count).toBe(4861);
    for (const r of [scratch, frozen]) {
      expect(r.testCount).toBe(task.target.test.count);
      expect(r.validationCount).toBe(task.target.validation.count);
      expect(r.steps).toBe(adaptSteps(100, config).steps);
      expect(r.accuracy).toBeGreaterThan(0.85); // 5 classes: chance is 20%
    }
    expect(frozen.accuracy).toBeGreaterThanOrEqual(scratch.accuracy + GOAL_POINTS / 100);
    // Only the head trains and the extractor runs once per example.
    expect(frozen.flops).toBeLessThan(scratch.flops / 20);
    expect(frozen.trainedParams).toBeLessThan(scratch.trainedParams);

    // Seeded: the same run gives the same number.
    const repeat = await adaptToTarget(task, pretrained, 'frozen', 100, config);
    expect(repeat.accuracy).toBe(frozen.accuracy);
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);
});
