// The WebAssembly kernels, run from the compressed file, must predict what tfjs predicts with
// the same compressed weights: the same class for >= 99.9% of the 10,000 test images (only the
// order of float additions differs) and the same accuracy to 0.02 pt.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIEF_HIDDEN, BRIEF_SETTINGS, BRIEF_TRAIN_LIMIT, trainBriefly } from '../../../test/briefModel';
import { loadKernels } from '../../../test/kernels';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { compressWeights } from '../compression/compress';
import { createNetwork } from '../models/network';
import type { Dataset, ModelId, WeightArray } from '../spec/types';
import { KernelNetwork } from './kernelNetwork';
import type { KernelExports } from './types';

useWasmBackend();
let data: Dataset;
let kernels: KernelExports;
beforeAll(async () => {
  data = smallMnist({ trainLimit: BRIEF_TRAIN_LIMIT });
  kernels = await loadKernels();
});

function tfjsClasses(model: ModelId, hidden: number[], weights: WeightArray[]): Int32Array {
  const network = createNetwork(model, hidden, data.featureShape, data.numClasses, 0);
  network.setWeights(weights);
  const out = new Int32Array(data.test.count);
  for (let start = 0; start < data.test.count; start += 1000) {
    const classes = tf.tidy(() => tf.argMax(network.predict(tf.tensor(data.test.x.subarray(start * 784, (start + 1000) * 784), [1000, 28, 28, 1])), 1));
    out.set(classes.dataSync(), start);
    classes.dispose();
  }
  network.dispose();
  return out;
}

describe('WebAssembly kernels on the compressed layout', () => {
  for (const model of ['lenet_300_100', 'lenet5'] as const) {
    it(`predict what tfjs predicts for ${model}`, () => {
      const before = tf.memory().numTensors;
      const hidden = BRIEF_HIDDEN[model];
      const weights = trainBriefly(data, model, [...hidden]);
      const nets: { net: KernelNetwork; first: Int32Array }[] = [];
      const float32 = { pruning: { ...BRIEF_SETTINGS[model][Object.keys(BRIEF_SETTINGS[model])[0]].pruning, sparsity: 0 }, quantization: { scheme: 'none', granularity: 'tensor', bits: 32 } } as const;
      for (const [name, settings] of [...Object.entries(BRIEF_SETTINGS[model]), ['dense float32 (denseF32 for the dense layers)', float32] as const]) {
        const result = compressWeights(model, weights, settings);
        const expected = tfjsClasses(model, [...hidden], result.weights);
        const net = new KernelNetwork(kernels, result.bytes);
        const got = new Int32Array(data.test.count);
        for (let start = 0; start < data.test.count; start += 100) got.set(net.classify(data.test.x.subarray(start * 784, (start + 100) * 784), 100), start);
        nets.push({ net, first: got.slice(0, 300) });
        let same = 0;
        let tfjsRight = 0;
        let kernelRight = 0;
        for (let i = 0; i < got.length; i++) {
          same += got[i] === expected[i] ? 1 : 0;
          tfjsRight += expected[i] === data.test.y[i] ? 1 : 0;
          kernelRight += got[i] === data.test.y[i] ? 1 : 0;
        }
        console.log(`${model}, ${name}: ${same} of 10,000 the same; tfjs ${tfjsRight}, kernels ${kernelRight} right`);
        expect(same / got.length).toBeGreaterThanOrEqual(0.999);
        expect(Math.abs(tfjsRight - kernelRight)).toBeLessThanOrEqual(2);
        expect(tfjsRight).toBeGreaterThan(5000);
      }
      // Networks on one kernels instance share its memory: each still answers as it did alone.
      for (const { net, first } of nets) expect(net.classify(data.test.x.subarray(0, 300 * 784), 300)).toEqual(first);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
