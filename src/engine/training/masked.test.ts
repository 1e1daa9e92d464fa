import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { createNetwork, type Network } from '../models/network';
import { type Mask } from '../pruning/mask';
import { randomPrune } from '../pruning/randomPrune';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import { quantizeTensor } from '../quantization/quantize';
import type { QuantizationSettings } from '../quantization/types';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { fakeQuantize, QuantizeAware } from './fake_quant';
import { KernelMasks } from './masking';
import { train, Trainer } from './trainer';

let mnist: Dataset; // 2,000 training images, 1,000 validation, 1,000 test

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  mnist = smallMnist({ validationSize: 1000, trainLimit: 2000, testLimit: 1000 });
});

const spec = (over: Partial<TrainSpec> = {}): TrainSpec => ({
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [64, 32],
  epochs: 4,
  batchSize: 60,
  optimizer: 'adam',
  learningRate: 1.2e-3,
  schedule: { kind: 'constant' },
  seed: 1,
  evalEverySteps: 50,
  checkpointSteps: [],
  ...over,
});

const newNetwork = (seed = 1): Network => createNetwork('lenet_300_100', [64, 32], [28, 28, 1], 10, seed);

const prune = { includeFirstLayer: true, includeOutputLayer: true, seed: 3 };
const randomMasks = (weights: WeightArray[], sparsity: number): Mask[] => randomPrune(weights, null, { ...prune, sparsity });

/** Positions a mask prunes whose weight is not +0 (a -0 counts as a failure too). */
function nonZeroPruned(weights: WeightArray[], masks: Mask[]): number {
  let bad = 0;
  for (const m of masks) {
    const w = weights.find((x) => x.name === m.name)!;
    for (let i = 0; i < m.keep.length; i++) if (m.keep[i] === 0 && !Object.is(w.values[i], 0)) bad++;
  }
  return bad;
}

describe('masked training', () => {
  it('zeroes pruned weights at once and keeps them exactly 0 while the rest trains', () => {
    const network = newNetwork();
    // 80% of the hidden kernels, chosen at random from the init (harsh, but it learns).
    const masks = randomPrune(network.getWeights(), null, { ...prune, includeOutputLayer: false, sparsity: 0.8 });
    const trainer = new Trainer(spec(), mnist, { network, masks });
    expect(trainer.masked).toBe(true);
    expect(nonZeroPruned(network.getWeights(), masks)).toBe(0);
    expect(nonZeroPruned(trainer.checkpoints.get(0)!, masks)).toBe(0); // the step-0 checkpoint is masked too
    const start = network.getWeights();
    trainer.runSteps(10);
    const first = trainer.takeProgress();
    let last = first;
    for (let i = 0; i < 6; i++) {
      trainer.runSteps(20);
      last = trainer.takeProgress(); // the mean over these 20 steps
      expect(nonZeroPruned(network.getWeights(), masks)).toBe(0);
    }
    expect(last.loss).toBeLessThan(first.loss * 0.6);
    // Kept weights did move (not all: those on always-blank border pixels get no gradient).
    const end = network.getWeights();
    let kept = 0;
    let moved = 0;
    for (let i = 0; i < masks[1].keep.length; i++) {
      if (masks[1].keep[i] === 0) continue;
      kept++;
      if (end[2].values[i] !== start[2].values[i]) moved++;
    }
    expect(moved).toBeGreaterThan(kept * 0.9);
    expect(trainer.evaluateSplit(mnist.test).accuracy).toBeGreaterThan(0.65);
    trainer.dispose();
    network.dispose();
  });

  it('trains unmasked kernels freely and matches plain training when every weight is kept', () => {
    const plain = new Trainer(spec(), mnist);
    plain.runSteps(8);
    const allKept = newNetwork();
    const keepAll = randomMasks(allKept.getWeights(), 0);
    const masked = new Trainer(spec(), mnist, { network: allKept, masks: keepAll });
    masked.runSteps(8);
    expect(allKept.getWeights()).toEqual(plain.network.getWeights());
    plain.dispose();
    masked.dispose();
    allKept.dispose();

    // A mask on the first kernel only: the others have no zero forced on them.
    const network = newNetwork();
    const only = [randomMasks(network.getWeights(), 0.9)[0]];
    const trainer = new Trainer(spec(), mnist, { network, masks: only });
    trainer.runSteps(5);
    expect(nonZeroPruned(network.getWeights(), only)).toBe(0);
    trainer.dispose();
    network.dispose();
  });

  it('holds magnitude masks through train() and frees every tensor', async () => {
    const network = newNetwork();
    const masks = globalMagnitudePrune(network.getWeights(), null, { ...prune, sparsity: 0.9 });
    const before = tf.memory().numTensors;
    const { final } = await train(spec({ epochs: 2 }), mnist, { trainer: { network, masks }, sliceMs: 5 });
    expect(final.testAccuracy).toBeGreaterThan(0.5);
    expect(nonZeroPruned(network.getWeights(), masks)).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    network.dispose();
  });

  it('frees its mask tensors on dispose, owned network or not', () => {
    const before = tf.memory().numTensors;
    const owned = new Trainer(spec(), mnist, { masks: randomMasks(newNetworkWeights(), 0.5) });
    owned.runSteps(3);
    owned.evaluate();
    owned.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const network = newNetwork();
    const withNet = tf.memory().numTensors;
    const trainer = new Trainer(spec(), mnist, { network, masks: randomMasks(network.getWeights(), 0.5) });
    trainer.runSteps(3);
    trainer.takeProgress();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(withNet);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses masks that do not fit, with a sentence, and leaks nothing', () => {
    const before = tf.memory().numTensors;
    const masks = randomMasks(newNetworkWeights(), 0.5);
    const bad = (m: Mask) => () => new Trainer(spec(), mnist, { masks: [m] });
    expect(bad({ ...masks[0], name: 'dense_9/kernel' })).toThrow(/no parameter of that name/);
    expect(bad({ name: 'dense_0/bias', shape: [64], keep: new Uint8Array(64) })).toThrow(/biases are never pruned/);
    expect(bad({ ...masks[0], keep: masks[0].keep.subarray(1) })).toThrow(/entries, the kernel has/);
    expect(bad({ ...masks[0], shape: [64, 784] })).toThrow(/has shape/);
    expect(() => new Trainer(spec(), mnist, { masks: [masks[0], masks[0]] })).toThrow(/two masks/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

function newNetworkWeights(): WeightArray[] {
  const n = newNetwork();
  const w = n.getWeights();
  n.dispose();
  return w;
}

const SETTINGS: QuantizationSettings[] = [
  { scheme: 'symmetric', granularity: 'tensor', bits: 4 },
  { scheme: 'symmetric', granularity: 'channel', bits: 4 },
  { scheme: 'symmetric', granularity: 'channel', bits: 2 },
  { scheme: 'symmetric', granularity: 'tensor', bits: 1 },
  { scheme: 'symmetric', granularity: 'channel', bits: 1 },
  { scheme: 'affine', granularity: 'tensor', bits: 3 },
  { scheme: 'affine', granularity: 'channel', bits: 4 },
];

/** Largest quantization step of a quantized tensor (the scale, or the codebook's widest gap). */
const stepOf = (scales: Float32Array | undefined) => Math.max(...Array.from(scales ?? [0]));

describe('fake quantization', () => {
  it.each(SETTINGS)('matches the engine quantizer: $scheme $granularity $bits bits', (settings) => {
    const w = newNetworkWeights()[0]; // [784, 64]
    const masks = randomMasks([w], 0.7);
    for (const mask of [null, masks[0]]) {
      const variable = tf.variable(tf.tensor(w.values, w.shape));
      const km = mask ? new KernelMasks([{ name: w.name, variable, kind: 'kernel', layerIndex: 1 }], [mask]) : null;
      const fake = tf.tidy(() => fakeQuantize(variable, settings, km?.get(w.name)).dataSync().slice());
      const engine = quantizeTensor(w, mask?.keep ?? null, settings);
      const step = stepOf(engine.scales);
      let differ = 0;
      for (let i = 0; i < fake.length; i++) {
        if (mask && mask.keep[i] === 0) expect(fake[i]).toBe(0);
        const d = Math.abs(fake[i] - engine.dequantized[i]);
        // float32 on the device against float64 in JS: an exact tie may round the other way.
        if (d > step * 1e-5) differ++;
        expect(d).toBeLessThanOrEqual(step * 1.0001);
      }
      expect(differ).toBeLessThanOrEqual(2);
      km?.dispose();
      variable.dispose();
    }
  });

  it('swaps quantized kernels in for one call and restores the float ones bit for bit', () => {
    const network = newNetwork();
    const before = network.getWeights();
    const settings: QuantizationSettings = { scheme: 'symmetric', granularity: 'channel', bits: 2 };
    const qa = new QuantizeAware(network.params, settings, null);
    const inside = qa.withQuantizedKernels(() => network.getWeights());
    expect(network.getWeights()).toEqual(before);
    // Inside, kernels held at most 3 distinct values per column; biases were untouched.
    const k = inside[0];
    const column = new Set<number>();
    for (let r = 0; r < 784; r++) column.add(k.values[r * 64]);
    expect(column.size).toBeLessThanOrEqual(3);
    expect(inside[1].values).toEqual(before[1].values);
    expect(() =>
      qa.withQuantizedKernels(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(network.getWeights()).toEqual(before);
    network.dispose();
  });

  it('refuses schemes it cannot train through', () => {
    const network = newNetwork();
    const t = (settings: QuantizationSettings) => () => new Trainer(spec(), mnist, { network, quantizeAware: { settings } });
    expect(t({ scheme: 'kmeans', granularity: 'tensor', bits: 4 })).toThrow(/uniform quantization/);
    expect(t({ scheme: 'float16', granularity: 'tensor', bits: 16 })).toThrow(/uniform quantization/);
    expect(t({ scheme: 'symmetric', granularity: 'tensor', bits: 9 })).toThrow(/1 to 8 bits/);
    network.dispose();
  });
});

describe('quantization-aware training', () => {
  it('learns through 2-bit kernels, and its float weights quantize to what it evaluated', () => {
    const settings: QuantizationSettings = { scheme: 'symmetric', granularity: 'channel', bits: 2 };
    const network = newNetwork();
    const masks = globalMagnitudePrune(network.getWeights(), null, { ...prune, sparsity: 0.5 });
    const before = tf.memory().numTensors;
    const trainer = new Trainer(spec({ epochs: 6 }), mnist, { network, masks, quantizeAware: { settings } });
    trainer.runSteps(10);
    const first = trainer.takeProgress();
    trainer.runSteps(Infinity);
    const last = trainer.takeProgress();
    expect(last.loss).toBeLessThan(first.loss * 0.6);
    expect(nonZeroPruned(network.getWeights(), masks)).toBe(0);
    const qat = trainer.evaluateSplit(mnist.test); // measured on the quantized kernels
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);

    // The engine's quantizer on the trained float weights gives the network that was evaluated.
    const trained = network.getWeights();
    const quantized = trained.map((w) => {
      const mask = masks.find((m) => m.name === w.name);
      return mask ? { ...w, values: quantizeTensor(w, mask.keep, settings).dequantized } : w;
    });
    network.setWeights(quantized);
    const check = new Trainer(spec(), mnist, { network });
    const ptqOfQat = check.evaluateSplit(mnist.test);
    check.dispose();
    expect(Math.abs(ptqOfQat.accuracy - qat.accuracy)).toBeLessThanOrEqual(0.005);
    expect(qat.accuracy).toBeGreaterThan(0.75);

    // Plain training for as long, then the same 2-bit quantization, does clearly worse.
    const plainNet = newNetwork();
    const plain = new Trainer(spec({ epochs: 6 }), mnist, { network: plainNet, masks });
    plain.runSteps(Infinity);
    plainNet.setWeights(
      plainNet.getWeights().map((w) => {
        const mask = masks.find((m) => m.name === w.name);
        return mask ? { ...w, values: quantizeTensor(w, mask.keep, settings).dequantized } : w;
      }),
    );
    const ptq = plain.evaluateSplit(mnist.test);
    plain.dispose();
    expect(qat.accuracy).toBeGreaterThan(ptq.accuracy + 0.02);
    plainNet.dispose();
    network.dispose();
  });

  it('is deterministic and frees every tensor (with train())', async () => {
    const settings: QuantizationSettings = { scheme: 'symmetric', granularity: 'tensor', bits: 4 };
    const run = async () => {
      const network = newNetwork();
      await train(spec({ epochs: 1 }), mnist, { trainer: { network, quantizeAware: { settings } }, sliceMs: 5 });
      const w = network.getWeights();
      network.dispose();
      return w;
    };
    const before = tf.memory().numTensors;
    const a = await run();
    expect(await run()).toEqual(a);
    expect(tf.memory().numTensors).toBe(before);
  });
});
