import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { compressWeights, type CompressionSettings } from '../compression/compress';
import { createNetwork } from '../models/network';
import { isKernel } from '../pruning/mask';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { evaluateNetwork } from '../training/evaluate';
import { Trainer } from '../training/trainer';
import { clusterAssignments, keepsTrainedModel, shareWithinClusters, tuneCentroids } from './centroids';

useWasmBackend();

const spec: TrainSpec = {
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [32, 16],
  epochs: 2,
  batchSize: 60,
  optimizer: 'adam',
  learningRate: 1.2e-3,
  schedule: { kind: 'constant' },
  seed: 4,
  evalEverySteps: 1000,
  checkpointSteps: [],
};
const kmeans4: CompressionSettings = {
  pruning: { method: 'layerwise_magnitude', sparsity: 0.8, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
  quantization: { scheme: 'kmeans', granularity: 'tensor', bits: 2, clusters: 4 },
};

let data: Dataset;
let reference: WeightArray[];

beforeAll(() => {
  data = smallMnist({ validationSize: 500, trainLimit: 1200, testLimit: 100 });
  const trainer = new Trainer(spec, data);
  trainer.runSteps(Infinity);
  reference = trainer.network.getWeights();
  trainer.dispose();
});

const distinctKept = (w: WeightArray, keep: Uint8Array) => new Set(Array.from(w.values).filter((_, i) => keep[i] === 1)).size;

describe('trained quantization (centroids.ts)', () => {
  it('clusters kept weights by value and sets each cluster to its mean, pruned weights untouched', () => {
    const w: WeightArray = { name: 'dense_0/kernel', shape: [2, 3], values: Float32Array.from([0.5, 0.5, -1, 0, -1, 0.5]) };
    const b: WeightArray = { name: 'dense_0/bias', shape: [3], values: Float32Array.from([1, 2, 3]) };
    const masks = [{ name: 'dense_0/kernel', shape: [2, 3], keep: Uint8Array.from([1, 1, 1, 0, 1, 1]) }];
    const a = clusterAssignments([w, b], masks);
    expect(Array.from(a[0]!)).toEqual([0, 0, 1, -1, 1, 0]);
    expect(a[1]).toBeNull();
    w.values.set([0.4, 0.6, -1.2, 0, -0.8, 0.8]);
    shareWithinClusters([w, b], a);
    expect(Array.from(w.values)).toEqual(Array.from(Float32Array.from([0.6, 0.6, -1, 0, -1, 0.6])));
    expect(Array.from(b.values)).toEqual([1, 2, 3]);
  });

  it('trains the shared values, keeps the mask and at most K values per kernel, and k-means gives them back exactly', async () => {
    const before = tf.memory().numTensors;
    const start = compressWeights(spec.model, reference, kmeans4);
    const network = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
    const tuned = await tuneCentroids(
      { spec, data, network, weights: start.weights, masks: start.masks, epochs: 1, learningRate: 1e-3, schedule: { kind: 'constant' }, seed: 1, softTargets: null },
      20,
      () => performance.now(),
      async () => undefined,
    );
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tuned.filter(isKernel).forEach((w) => {
      const keep = start.masks.find((m) => m.name === w.name)!.keep;
      expect(w.values.every((v, i) => keep[i] === 1 || v === 0)).toBe(true);
      expect(distinctKept(w, keep)).toBeLessThanOrEqual(4);
    });
    // The values moved (not a no-op) ...
    const firstKernel = (ws: WeightArray[]) => ws.find(isKernel)!.values;
    expect(Array.from(firstKernel(tuned))).not.toEqual(Array.from(firstKernel(start.weights)));
    // ... and encoding the tuned weights at the same settings and masks stores them exactly.
    const again = compressWeights(spec.model, tuned, { ...kmeans4, pruning: { ...kmeans4.pruning, sparsity: 0 } }, { startMasks: start.masks });
    tuned.forEach((w, i) => {
      if (isKernel(w)) expect(Array.from(again.weights[i].values)).toEqual(Array.from(w.values));
    });
    expect(again.bytes.length).toBe(start.bytes.length);
    // Training the shared values on these 1,200 images lowers their loss.
    const lossOn = (ws: WeightArray[]) => {
      const net = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
      net.setWeights(ws);
      const { loss } = evaluateNetwork(net, data.train, data.featureShape);
      net.dispose();
      return loss;
    };
    expect(lossOn(again.weights)).toBeLessThan(lossOn(start.weights));
  }, 120_000);
});

describe('keepsTrainedModel', () => {
  // LeNet-5 seed 2's third polished mask under full-distill-tuned-close: the trained model two
  // images lower on the search half than the untrained one, both above the floor (98.46 - 0.15).
  const [trained, untrained, floor] = [0.9837, 0.9839, 0.9831];

  it("'not-worse' (and absent) keeps the untrained model on a two-image loss; 'above-floor' keeps the trained one", () => {
    expect(keepsTrainedModel(undefined, trained, untrained, floor)).toBe(false);
    expect(keepsTrainedModel('not-worse', trained, untrained, floor)).toBe(false);
    expect(keepsTrainedModel('above-floor', trained, untrained, floor)).toBe(true);
  });

  it('neither keeps a trained model below the floor, and both keep one that scores higher', () => {
    expect(keepsTrainedModel('above-floor', floor - 1e-4, untrained, floor)).toBe(false);
    expect(keepsTrainedModel('not-worse', floor - 1e-4, floor - 2e-4, floor)).toBe(false);
    expect(keepsTrainedModel('not-worse', untrained + 1e-4, untrained, floor)).toBe(true);
    expect(keepsTrainedModel('above-floor', untrained + 1e-4, untrained, floor)).toBe(true);
  });
});
