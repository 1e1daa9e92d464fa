// MNIST digits -> Fashion-MNIST on the real converted files (public/data/fashion-mnist): the task
// has the ten clothing classes, and a short seeded run learns them far above chance. Runs on the
// wasm backend in Node like transfer.test.ts (the cpu backend needs minutes for convolutions).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallFashionMnist } from '../../../test/fashionMnist';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { FASHION_MNIST } from '../datasets/registry';
import { adaptToTarget, fashionTask, pretrainSource, TRANSFER_DEFAULTS, TRANSFER_TASK_INFO, type TransferConfig, type TransferTask } from '.';

useWasmBackend();

let task: TransferTask;

beforeAll(() => {
  // 3,000 MNIST images of all ten digits to pretrain on; Fashion: the first 2,000 training images
  // (200 per class, the file interleaves them: 1,600 to draw labels from, the last 400 to
  // validate on) and 2,000 test images.
  const mnist = smallMnist({ validationSize: 1000, trainLimit: 3000, testLimit: 1000 });
  task = fashionTask(mnist, smallFashionMnist({ trainLimit: 2000, testLimit: 2000, strictCounts: true }));
});

// Two passes over 2,400 source images (80 steps) keep this to seconds.
const config: TransferConfig = { ...TRANSFER_DEFAULTS, pretrain: { ...TRANSFER_DEFAULTS.pretrain, epochs: 2, limit: 2400 } };

describe('MNIST digits -> Fashion-MNIST', () => {
  it('pretrains on the ten digits and learns the ten clothing classes', () => {
    expect(task.id).toBe('fashion');
    expect(task.label).toBe(TRANSFER_TASK_INFO.fashion.label);
    expect(task.source.numClasses).toBe(10);
    expect(task.source.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(task.target.numClasses).toBe(10);
    expect(task.target.classNames).toEqual([...FASHION_MNIST.classNames]);
    expect(task.target.test.count).toBe(2000);
    const perClass = (y: Uint8Array) => Array.from({ length: 10 }, (_, c) => y.filter((l) => l === c).length);
    expect(perClass(task.target.train.y)).toEqual(Array(10).fill(160));
    expect(perClass(task.target.validation.y)).toEqual(Array(10).fill(40));
    // Disjoint: the validation images are the training file's last 400, the labels come from the rest.
    expect(task.target.validation.x.byteOffset).toBe(task.target.train.x.byteOffset + task.target.train.x.byteLength);
  });

  it('a short seeded run reaches real accuracy, far above the 10% of chance, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const pretrained = await pretrainSource(task, config);
    expect(pretrained.sourceAccuracy).toBeGreaterThan(0.8);
    const frozen = await adaptToTarget(task, pretrained, 'frozen', 100, config);
    const again = await adaptToTarget(task, pretrained, 'frozen', 100, config);
    console.info(`fashion: source ${(100 * pretrained.sourceAccuracy).toFixed(1)}% in ${pretrained.ms} ms; frozen, 100 labels: ${(100 * frozen.accuracy).toFixed(1)}% in ${frozen.ms} ms`);
    expect(frozen.testCount).toBe(2000);
    expect(frozen.validationCount).toBe(400);
    expect(frozen.validationAccuracy).toBeGreaterThan(0.45);
    // Chance is 10%; 100 labels of clothes measured 60-70% here.
    expect(frozen.accuracy).toBeGreaterThan(0.45);
    expect(again.accuracy).toBe(frozen.accuracy);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
