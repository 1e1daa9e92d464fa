// Pruning the pretrained extractor before transfer: the exact share of each kernel goes, the
// largest weights survive, fine-tuning holds the pruned ones at exactly 0, and the same inputs
// give the same numbers, leaking no tensor. Small real MNIST on the wasm backend, as in
// transfer.test.ts, with a few dozen steps so the file runs in seconds.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { createRng } from '../random';
import { targetRemovals } from '../pruning/scope';
import { fitLayers } from './fit';
import { createNet, initialWeights, withClasses, withNewHead, type NetWeights } from './net';
import {
  adaptToTarget,
  digitsTask,
  labeledSubset,
  measureExtractorPruning,
  pretrainSource,
  pruneExtractor,
  TRANSFER_ARCHITECTURE,
  TRANSFER_DEFAULTS,
  type PretrainedModel,
  type TransferConfig,
  type TransferTask,
} from '.';

useWasmBackend();

const EXTRACTOR = TRANSFER_DEFAULTS.extractorLayers;

/** Pretrained-looking weights without training: Glorot draws from a seed, biases made non-zero. */
function someWeights(seed: number): NetWeights {
  const architecture = withClasses(TRANSFER_ARCHITECTURE, 5);
  const drawn = initialWeights(architecture, seed);
  const rng = createRng(seed + 1);
  return { architecture, kernels: drawn.kernels, biases: drawn.biases.map((b) => b.map(() => rng.next() - 0.5)) };
}

const magnitudes = (values: Float32Array, keep: Uint8Array, kept: 0 | 1) => Array.from(values).filter((_, i) => keep[i] === kept).map(Math.abs);

describe('pruneExtractor', () => {
  it('prunes exactly round(sparsity x size) of each extractor kernel, the smallest ones, and nothing else', () => {
    const weights = someWeights(7);
    const before = weights.kernels.map((k) => k.slice());
    for (const sparsity of [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99]) {
      const pruned = pruneExtractor(weights, EXTRACTOR, sparsity);
      expect(pruned.masks).toHaveLength(EXTRACTOR);
      expect(pruned.perLayer.map((l) => l.total)).toEqual([200, 3200]); // 5x5x1x8 and 5x5x8x16
      for (let layer = 0; layer < EXTRACTOR; layer++) {
        const { keep } = pruned.masks[layer];
        const total = keep.length;
        // Exact count per layer, so the small first convolution is pruned as hard as the second.
        expect(total - pruned.perLayer[layer].kept).toBe(targetRemovals(total, sparsity));
        // Every survivor is at least as large as every pruned weight.
        const kept = magnitudes(weights.kernels[layer], keep, 1);
        const gone = magnitudes(weights.kernels[layer], keep, 0);
        if (gone.length > 0 && kept.length > 0) expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...gone));
        // Pruned weights are +0 in the new kernel, survivors unchanged.
        const out = pruned.weights.kernels[layer];
        for (let i = 0; i < total; i++) expect(Object.is(out[i], keep[i] ? weights.kernels[layer][i] : 0)).toBe(true);
      }
      expect(pruned.kept).toBe(pruned.perLayer[0].kept + pruned.perLayer[1].kept);
      // The head and every bias are the pretrained ones.
      expect(pruned.weights.kernels.slice(EXTRACTOR)).toEqual(weights.kernels.slice(EXTRACTOR));
      expect(pruned.weights.biases).toEqual(weights.biases);
    }
    // The pretrained weights themselves are never touched.
    expect(weights.kernels).toEqual(before);
  });

  it('is deterministic and refuses a sparsity or an extractor it cannot honour', () => {
    const a = pruneExtractor(someWeights(3), EXTRACTOR, 0.9);
    const b = pruneExtractor(someWeights(3), EXTRACTOR, 0.9);
    expect(b.masks.map((m) => m.keep)).toEqual(a.masks.map((m) => m.keep));
    expect(b.weights.kernels).toEqual(a.weights.kernels);
    expect(() => pruneExtractor(someWeights(3), EXTRACTOR, 1)).toThrow(/from 0 to 0.99/);
    expect(() => pruneExtractor(someWeights(3), EXTRACTOR, -0.1)).toThrow(/from 0 to 0.99/);
    expect(() => pruneExtractor(someWeights(3), EXTRACTOR, Number.NaN)).toThrow(/from 0 to 0.99/);
    expect(() => pruneExtractor(someWeights(3), 4, 0.5)).toThrow(/1 to 3 layers/);
  });
});

let task: TransferTask;
beforeAll(() => {
  task = digitsTask(smallMnist({ validationSize: 1000, trainLimit: 3000, testLimit: 1000 }));
});

describe('fine-tuning a pruned extractor', () => {
  const fit = async (weights: NetWeights, heldMasks?: ReturnType<typeof pruneExtractor>['masks']) => {
    const net = createNet(weights);
    try {
      const rows = labeledSubset(task.target.train, 50, 5, task.featureSize, 0);
      await fitLayers(net, rows, { from: 0, steps: 15, batchSize: 16, learningRate: 3e-3, pretrainedBelow: EXTRACTOR, pretrainedLearningRate: 1e-3, seed: 5, heldMasks });
      return net.getWeights();
    } finally {
      net.dispose();
    }
  };

  it('keeps every pruned weight at exactly 0 while the kept ones train, and changes nothing when no mask is given', async () => {
    const start = tf.memory().numTensors;
    const pretrained = someWeights(11);
    const pruned = pruneExtractor(pretrained, EXTRACTOR, 0.9);
    const head = withNewHead(pruned.weights, EXTRACTOR, withClasses(TRANSFER_ARCHITECTURE, 5), 4);

    const held = await fit(head, pruned.masks);
    for (let layer = 0; layer < EXTRACTOR; layer++) {
      const { keep } = pruned.masks[layer];
      const after = held.kernels[layer];
      let moved = 0;
      for (let i = 0; i < keep.length; i++) {
        if (keep[i] === 0) expect(Object.is(after[i], 0)).toBe(true);
        else if (after[i] !== head.kernels[layer][i]) moved++;
      }
      // Training really ran on the survivors (weights reading a channel whose ReLU never fires get no gradient).
      expect(moved).toBeGreaterThan(0);
    }

    // Without held masks the same run moves the pruned weights off zero...
    const free = await fit(head);
    const revived = Array.from(free.kernels[1]).filter((w, i) => pruned.masks[1].keep[i] === 0 && w !== 0).length;
    expect(revived).toBeGreaterThan(0);
    // ...and all-kept masks give bit for bit the run without any, so absent means unchanged.
    const allKept = pruned.masks.map((m) => ({ ...m, keep: new Uint8Array(m.keep.length).fill(1) }));
    expect((await fit(head, allKept)).kernels).toEqual(free.kernels);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);
});

describe('transfer from a pruned extractor', () => {
  // One pass over 1,200 source images (20 steps) and 30 steps per target run: seconds, not minutes.
  const config: TransferConfig = {
    ...TRANSFER_DEFAULTS,
    pretrain: { ...TRANSFER_DEFAULTS.pretrain, epochs: 1, limit: 1200 },
    adapt: { ...TRANSFER_DEFAULTS.adapt, minSteps: 30, maxSteps: 30 },
  };
  let pretrained: PretrainedModel;

  it('measures the pruned network on the source task, carries the sparsity, repeats exactly, leaking nothing', async () => {
    const start = tf.memory().numTensors;
    pretrained = await pretrainSource(task, config);

    const dense = measureExtractorPruning(task, pretrained, EXTRACTOR, 0);
    // Nothing pruned: the same network, so the same accuracy to the last bit.
    expect(dense.sourceAccuracy).toBe(pretrained.sourceAccuracy);
    expect(dense.kept).toBe(dense.total);
    const report = measureExtractorPruning(task, pretrained, EXTRACTOR, 0.9);
    expect(report.total).toBe(3400);
    expect(report.kept).toBe(3400 - targetRemovals(200, 0.9) - targetRemovals(3200, 0.9));
    expect(report.denseSourceAccuracy).toBe(pretrained.sourceAccuracy);
    expect(report.sourceTestCount).toBe(task.source.test.count);
    expect(report.sourceAccuracy).toBeGreaterThanOrEqual(0);
    expect(report.sourceAccuracy).toBeLessThanOrEqual(1);
    // 98% of every convolution gone changes what the source head sees.
    expect(measureExtractorPruning(task, pretrained, EXTRACTOR, 0.98).sourceAccuracy).not.toBe(pretrained.sourceAccuracy);

    const prunedConfig = { ...config, extractorSparsity: 0.9 };
    const results = [];
    for (const method of ['scratch', 'frozen', 'finetune'] as const) results.push(await adaptToTarget(task, pretrained, method, 20, prunedConfig));
    expect(results.map((r) => r.extractorSparsity)).toEqual([0, 0.9, 0.9]);
    for (const r of results) expect(r.accuracy).toBeGreaterThan(0.2); // 5 classes: chance is 20%
    // Fine-tuning trains only the surviving extractor weights.
    const denseFinetune = await adaptToTarget(task, pretrained, 'finetune', 20, config);
    expect(denseFinetune.extractorSparsity).toBe(0);
    expect(denseFinetune.trainedParams - results[2].trainedParams).toBe(report.total - report.kept);
    // Scratch never reads the extractor: the same run with or without pruning.
    expect((await adaptToTarget(task, pretrained, 'scratch', 20, config)).accuracy).toBe(results[0].accuracy);
    // Seeded: the pruned runs repeat exactly.
    expect((await adaptToTarget(task, pretrained, 'frozen', 20, prunedConfig)).accuracy).toBe(results[1].accuracy);
    expect((await adaptToTarget(task, pretrained, 'finetune', 20, prunedConfig)).accuracy).toBe(results[2].accuracy);
    console.info(
      `source ${(100 * pretrained.sourceAccuracy).toFixed(1)}% dense, ${(100 * report.sourceAccuracy).toFixed(1)}% with the extractor 90% pruned; ` +
        `20 labels: ${results.map((r) => `${r.method} ${(100 * r.accuracy).toFixed(1)}%`).join(', ')}; dense fine-tuning ${(100 * denseFinetune.accuracy).toFixed(1)}%`,
    );
    expect(tf.memory().numTensors).toBe(start);
  }, 120_000);
});
