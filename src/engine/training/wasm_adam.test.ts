// The fused Adam on wasm must be tf.train.adam, bit for bit: a link trained before it gives the
// same weights after it. Two LeNet-300-100s from one seed take the same 30 MNIST batches, one
// with each optimizer (with a learning-rate change halfway, as schedules do), and every weight
// is compared bit for bit after every step.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { createNetwork } from '../models/network';
import { createRng } from '../random';
import type { Dataset } from '../spec/types';
import { BatchSampler } from './batcher';
import { meanSoftmaxCrossEntropy } from './loss';
import { createOptimizer, disposeOptimizer, setLearningRate } from './optimizers';
import { WasmAdam } from './wasm_adam';

useWasmBackend();

let data: Dataset;
beforeAll(() => {
  data = smallMnist({ validationSize: 100, trainLimit: 1800, testLimit: 100, strictCounts: false });
});

const sameBits = (a: Float32Array, b: Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('WasmAdam', () => {
  it('is what createOptimizer gives for Adam on wasm', () => {
    const opt = createOptimizer('adam', 1e-3);
    // tf.Optimizer's Symbol.hasInstance accepts anything with minimize(), so the class is compared.
    expect(opt.constructor).toBe(WasmAdam);
    expect(opt.getClassName()).toBe('Adam');
    disposeOptimizer(opt);
  });

  it('gives the weights of tf.train.adam bit for bit, step after step, and frees its tensors', () => {
    const tensorsBefore = tf.memory().numTensors;
    const nets = [0, 1].map(() => createNetwork('lenet_300_100', [300, 100], data.featureShape, data.numClasses, 11));
    const opts = [tf.train.adam(1.2e-3), createOptimizer('adam', 1.2e-3)];
    const sampler = new BatchSampler(data.train, data.featureShape, data.numClasses, 60, createRng(3));
    let compared = 0;
    for (let step = 0; step < 30; step++) {
      if (step === 15) opts.forEach((o) => setLearningRate(o, 4e-4));
      const batch = sampler.next();
      nets.forEach((net, k) => {
        const vars = net.params.map((p) => p.variable);
        // Inside a tidy, as transfer/fit.ts calls it: the optimizer's own state must outlive it.
        tf.tidy(() => {
          opts[k].minimize(() => meanSoftmaxCrossEntropy(net.predict(batch.x), batch.oneHot), false, vars);
        });
      });
      tf.dispose([batch.x, batch.oneHot, batch.labels]);
      const [a, b] = nets.map((n) => n.getWeights());
      a.forEach((w, i) => {
        if (!sameBits(w.values, b[i].values)) throw new Error(`${w.name} differs after step ${step + 1}`);
        compared++;
      });
    }
    // The weights moved: the comparison is not of two untouched initialisations.
    const init = createNetwork('lenet_300_100', [300, 100], data.featureShape, data.numClasses, 11);
    expect(sameBits(init.getWeights()[0].values, nets[0].getWeights()[0].values)).toBe(false);
    expect(compared).toBe(30 * 6);
    init.dispose();
    opts.forEach(disposeOptimizer);
    nets.forEach((n) => n.dispose());
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
