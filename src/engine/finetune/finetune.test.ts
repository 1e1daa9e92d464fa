import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { compressWeights } from '../compression/compress';
import { createNetwork } from '../models/network';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import type { QuantizationSettings } from '../quantization/types';
import type { Dataset, TrainSpec } from '../spec/types';
import { evaluateNetwork } from '../training/evaluate';
import { Trainer } from '../training/trainer';
import { runCompressionStudy } from './compressionStudy';
import { fineTune, fineTuneSpec, wantsQuantizeAware } from './finetune';

let mnist: Dataset; // 2,000 training images, 1,000 validation, 1,000 test

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  mnist = smallMnist({ validationSize: 1000, trainLimit: 2000, testLimit: 1000 });
});

const spec: TrainSpec = {
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [64, 32],
  epochs: 3,
  batchSize: 60,
  optimizer: 'adam',
  learningRate: 1.2e-3,
  schedule: { kind: 'constant' },
  seed: 1,
  evalEverySteps: 50,
  checkpointSteps: [5],
};

const q = (scheme: QuantizationSettings['scheme'], bits: number, granularity: 'tensor' | 'channel' = 'tensor'): QuantizationSettings => ({
  scheme,
  granularity,
  bits,
});

describe('fine-tuning settings', () => {
  it('trains quantization-aware only for uniform quantization at 4 bits or fewer', () => {
    expect(wantsQuantizeAware(q('symmetric', 4))).toBe(true);
    expect(wantsQuantizeAware(q('affine', 2, 'channel'))).toBe(true);
    expect(wantsQuantizeAware(q('symmetric', 1))).toBe(true);
    expect(wantsQuantizeAware(q('symmetric', 5))).toBe(false);
    expect(wantsQuantizeAware(q('kmeans', 2))).toBe(false);
    expect(wantsQuantizeAware(q('float16', 16))).toBe(false);
    expect(wantsQuantizeAware(q('none', 32))).toBe(false);
    expect(wantsQuantizeAware(null)).toBe(false);
  });

  it('shortens the spec and drops its checkpoints', () => {
    expect(fineTuneSpec(spec, { epochs: 2 })).toEqual({ ...spec, epochs: 2, checkpointSteps: [] });
    expect(fineTuneSpec(spec, { epochs: 1, learningRate: 1e-4, seed: 9 })).toMatchObject({ learningRate: 1e-4, seed: 9 });
    expect(() => fineTuneSpec(spec, { epochs: 0 })).toThrow(/at least 1/);
  });
});

describe('fineTune', () => {
  it('recovers a 90%-pruned network with the mask held, quantization-aware at 4 bits', async () => {
    const network = createNetwork('lenet_300_100', [64, 32], [28, 28, 1], 10, 1);
    const trainer = new Trainer(spec, mnist, { network });
    trainer.runSteps(Infinity);
    const dense = trainer.evaluateSplit(mnist.test).accuracy;
    trainer.dispose();

    const quantization = q('symmetric', 4, 'channel');
    const pruning = { method: 'global_magnitude', sparsity: 0.9, includeFirstLayer: true, includeOutputLayer: true, seed: 0 } as const;
    const masks = globalMagnitudePrune(network.getWeights(), null, pruning);
    const before = tf.memory().numTensors;
    const { final, steps } = await fineTune(network, spec, mnist, { epochs: 2, masks, quantization }, { sliceMs: 5 });
    expect(steps).toBe(66);
    expect(tf.memory().numTensors).toBe(before);

    // The final evaluation measured the 4-bit network; compressing the float weights gives it.
    const compressed = compressWeights('lenet_300_100', network.getWeights(), { pruning, quantization }, { startMasks: masks });
    expect(compressed.sparsity).toBeCloseTo(0.9, 3);
    network.setWeights(compressed.weights);
    const accuracy = evaluateNetwork(network, mnist.test, mnist.featureShape).accuracy;
    expect(Math.abs(accuracy - final.testAccuracy)).toBeLessThanOrEqual(0.003);
    expect(accuracy).toBeGreaterThan(dense - 0.05);
    network.dispose();
  });
});

describe('runCompressionStudy', () => {
  it('produces every row with finite numbers and the checks of issue 3', () => {
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    const report = runCompressionStudy(mnist, { epochs: 1, fineTuneEpochs: 1, hidden: [16, 10], log: (l) => lines.push(l) });
    expect(tf.memory().numTensors).toBe(before);
    const ids = report.rows.map((r) => r.id);
    expect(ids[0]).toBe('dense');
    for (const id of ['ptq-sym-channel-4', 'ptq-kmeans-4', 'prune-98', 'ft-90', 'ft90-q4-tensor-raw', 'qat90-q2-channel']) {
      expect(ids).toContain(id);
    }
    for (const r of report.rows) {
      expect(Number.isFinite(r.testAccuracy) && Number.isFinite(r.ratio) && r.encodedBytes > 0).toBe(true);
    }
    const byId = new Map(report.rows.map((r) => [r.id, r]));
    expect(byId.get('ft90-q4-tensor')!.encodedBytes).toBeLessThan(byId.get('ft90-q4-tensor-raw')!.encodedBytes);
    expect(byId.get('prune-90')!.sparsity).toBeCloseTo(0.9, 3);
    expect(report.checks.map((c) => c.name)).toHaveLength(5);
    expect(lines.length).toBeGreaterThan(report.rows.length);
  });
});
