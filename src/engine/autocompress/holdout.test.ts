import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { createNetwork } from '../models/network';
import type { Split } from '../spec/types';
import { evaluateNetwork } from '../training/evaluate';
import { correctness, halfIndices, pairedDrop, splitValidation, withinHeldOutBudget } from './holdout';

useWasmBackend();

describe('the validation split in a search half and a held-out half', () => {
  it('gives two disjoint halves that cover every image, the same for the same seed', () => {
    const { search, holdout } = halfIndices(5000, 7);
    expect(search.length).toBe(2500);
    expect(holdout.length).toBe(2500);
    const all = new Set([...search, ...holdout]);
    expect(all.size).toBe(5000);
    expect(Math.min(...all)).toBe(0);
    expect(Math.max(...all)).toBe(4999);
    expect(halfIndices(5000, 7)).toEqual({ search, holdout });
    // Another seed, other halves; and not simply the first and the last 2,500 images.
    const other = halfIndices(5000, 8).search;
    expect([...other].filter((i) => !new Set(search).has(i)).length).toBeGreaterThan(1000);
    expect(search[search.length - 1]).toBeGreaterThan(2500);
    // An odd count: the search half takes the odd image.
    const odd = halfIndices(5, 1);
    expect([odd.search.length, odd.holdout.length]).toEqual([3, 2]);
  });

  it('copies each half\'s images and labels from the rows it names', () => {
    const count = 9;
    const featureShape = [2];
    const validation: Split = { x: Float32Array.from({ length: 2 * count }, (_, i) => Math.floor(i / 2) + (i % 2) / 10), y: Uint8Array.from({ length: count }, (_, i) => (i * 3) % 10), count };
    const halves = splitValidation(validation, featureShape, 4);
    const rows = halfIndices(count, 4);
    for (const [half, index] of [[halves.search, rows.search], [halves.holdout, rows.holdout]] as const) {
      expect(half.count).toBe(index.length);
      index.forEach((row, i) => {
        expect([half.x[2 * i], half.x[2 * i + 1]]).toEqual([validation.x[2 * row], validation.x[2 * row + 1]]);
        expect(half.y[i]).toBe(validation.y[row]);
      });
    }
  });

  it('marks each image right or wrong as the accuracy counts it, freeing every tensor', () => {
    const data = smallMnist({ validationSize: 300, trainLimit: 300, testLimit: 10 });
    const network = createNetwork('lenet_300_100', [16, 10], data.featureShape, data.numClasses, 2);
    try {
      const before = tf.memory().numTensors;
      const right = correctness(network, data.validation, data.featureShape);
      expect(tf.memory().numTensors).toBe(before);
      expect(right.length).toBe(300);
      const accuracy = right.reduce((n, r) => n + r, 0) / right.length;
      expect(accuracy).toBeCloseTo(evaluateNetwork(network, data.validation, data.featureShape).accuracy, 9);
      expect(accuracy).toBeGreaterThan(0); // an untrained network still gets some right and some wrong
      expect(accuracy).toBeLessThan(1);
    } finally {
      network.dispose();
    }
  });

  it('measures the drop on paired images with the standard error of the mean paired difference', () => {
    const n = 1000;
    const reference = new Uint8Array(n).fill(1);
    const candidate = new Uint8Array(n).fill(1);
    for (let i = 0; i < 30; i++) candidate[i] = 0; // 30 only the reference gets right
    for (let i = 30; i < 40; i++) reference[i] = 0; // 10 only the candidate gets right
    for (let i = 40; i < 60; i++) reference[i] = candidate[i] = 0; // 20 both get wrong: no weight
    const drop = pairedDrop(reference, candidate);
    const d = Array.from(reference, (r, i) => r - candidate[i]);
    const mean = d.reduce((a, b) => a + b, 0) / n;
    const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(drop.dropPoints).toBeCloseTo(2, 9);
    expect(drop.standardErrorPoints).toBeCloseTo(100 * Math.sqrt(variance / n), 9);
    expect(pairedDrop(reference, reference)).toEqual({ dropPoints: 0, standardErrorPoints: 0 });
    expect(() => pairedDrop(reference, candidate.subarray(1))).toThrow(/1000 images with 999/);
  });

  it('lets a candidate qualify only when its drop plus one standard error is within the budget', () => {
    expect(withinHeldOutBudget({ dropPoints: 0.1, standardErrorPoints: 0.2 }, 0.3)).toBe(true);
    expect(withinHeldOutBudget({ dropPoints: 0.2, standardErrorPoints: 0.2 }, 0.3)).toBe(false);
    expect(withinHeldOutBudget({ dropPoints: -0.4, standardErrorPoints: 0.6 }, 0.3)).toBe(true);
  });
});
