import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToyDataset } from '../engine/datasets/toy2d';
import { TOY_DEFAULTS } from '../engine/spec/defaults';
import type { TrainSpec } from '../engine/spec/types';
import { Trainer } from '../engine/training/trainer';
import type { CompressionSettings } from './compression-protocol';
import { compressedDecisionGrid, gridAgreement, gridBuffers, liveDecisionGrid, predictGrid } from './decision-grid';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const spec: TrainSpec = { ...TOY_DEFAULTS, dataset: 'circle', epochs: 15 };
const settings = (sparsity: number, bits = 32): CompressionSettings => ({
  pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
  quantization: bits === 32 ? { scheme: 'none', granularity: 'tensor', bits: 32 } : { scheme: 'symmetric', granularity: 'tensor', bits },
});

describe('decision grid', () => {
  it('draws the learned circle, agrees with itself dense and less when pruned, and leaks nothing', async () => {
    const data = generateToyDataset('circle', { seed: 0 });
    const before = tf.memory().numTensors;
    const trainer = new Trainer(spec, data);
    while (!trainer.done) trainer.runSteps(100);
    const weights = trainer.network.getWeights();

    const live = liveDecisionGrid(trainer.network, data, 32);
    expect(live.probabilities).toHaveLength(32 * 32);
    expect(live.points).toHaveLength(2 * data.test.count);
    expect(live.kernels.map((k) => k.shape)).toEqual([[2, 8], [8, 8], [8, 2]]);
    // The circle: class 1 (the inner disc) in the centre cell, class 0 in the corner.
    const centre = 16 * 32 + 16;
    expect(live.probabilities[centre]).toBeGreaterThan(0.5);
    expect(live.probabilities[0]).toBeLessThan(0.5);
    // Every buffer is its own, so transferring them cannot detach the dataset or the weights.
    const buffers = gridBuffers(live);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).not.toContain(data.test.x.buffer);

    const dense = compressedDecisionGrid(spec, data, weights, settings(0), 32);
    expect(dense.agreement).toBe(1);
    expect(gridAgreement(dense.probabilities, live.probabilities)).toBe(1);
    const pruned = compressedDecisionGrid(spec, data, weights, settings(0.9, 2), 32);
    const zeros = pruned.kernels.reduce((n, k) => n + k.values.filter((v) => v === 0).length, 0);
    expect(zeros).toBeGreaterThanOrEqual(Math.floor(0.9 * 96));
    expect(pruned.agreement).toBeLessThan(1);
    expect(Array.from(pruned.probabilities)).not.toEqual(Array.from(dense.probabilities));

    expect(() => predictGrid(trainer.network, 1000)).toThrow(/2 to 128 cells/);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
