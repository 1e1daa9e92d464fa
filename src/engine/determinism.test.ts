// The promise behind a share link: the same seed on the same backend gives the same numbers.
// Trains LeNet-300-100 on real MNIST twice per backend (cpu and wasm, both in Node) with the
// seed of a link, in differently sized slices (the worker sizes its slices by the clock, so the
// slicing must not matter), and requires the same test accuracy to 4 decimals, bit-identical
// weights and byte-identical compressed files, including random pruning and k-means.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../test/mnist';
import { registerWasmPaths } from '../../test/wasmBackend';
import { compressWeights, type CompressionSettings } from './compression/compress';
import { MNIST_DEFAULTS } from './spec/defaults';
import type { Dataset, TrainSpec, WeightArray } from './spec/types';
import { Trainer } from './training/trainer';

registerWasmPaths();

let data: Dataset;
const SPEC: TrainSpec = { ...MNIST_DEFAULTS, hidden: [300, 100], epochs: 1, seed: 7 };

beforeAll(() => {
  // 1,500 training images: 25 batches of 60, enough for the weights to move far from init, and
  // quick on the plain-JavaScript cpu backend.
  data = smallMnist({ validationSize: 500, trainLimit: 1500, testLimit: 1000, strictCounts: false });
});

let backendBefore = '';
beforeAll(() => void (backendBefore = tf.getBackend()));
afterAll(async () => void (backendBefore && (await tf.setBackend(backendBefore))));

/** Bit-for-bit equality of two typed arrays (NaN and -0 included). */
const sameBits = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

interface Run {
  testAccuracy: number;
  weights: WeightArray[];
}

/** One run, trained in slices of the given sizes (the last one repeats until the end). */
function trainOnce(spec: TrainSpec, slices: number[]): Run {
  const trainer = new Trainer(spec, data);
  try {
    for (let i = 0; !trainer.done; i++) trainer.runSteps(slices[Math.min(i, slices.length - 1)]);
    return { testAccuracy: trainer.evaluate().testAccuracy, weights: trainer.network.getWeights() };
  } finally {
    trainer.dispose();
  }
}

const SETTINGS: CompressionSettings[] = [
  { pruning: { method: 'global_magnitude', sparsity: 0.9, includeFirstLayer: true, includeOutputLayer: true, seed: 7 }, quantization: { scheme: 'symmetric', granularity: 'channel', bits: 4 } },
  { pruning: { method: 'random', sparsity: 0.8, includeFirstLayer: true, includeOutputLayer: false, seed: 7 }, quantization: { scheme: 'kmeans', granularity: 'tensor', bits: 4 } },
];

function compressedBytes(weights: WeightArray[]): Uint8Array[] {
  return SETTINGS.map((s) => compressWeights('lenet_300_100', weights, s).bytes);
}

describe.each(['cpu', 'wasm'])('determinism on the %s backend', (backend) => {
  let first: Run;
  let second: Run;

  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const before = tf.memory().numTensors;
    first = trainOnce(SPEC, [1, 3, 25]);
    second = trainOnce(SPEC, [7]);
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);

  it('gives the same test accuracy to 4 decimals, and the same weights bit for bit', () => {
    expect(first.testAccuracy).toBeGreaterThan(0.7); // it really trained
    expect(second.testAccuracy.toFixed(4)).toBe(first.testAccuracy.toFixed(4));
    expect(second.weights.map((w) => w.name)).toEqual(first.weights.map((w) => w.name));
    second.weights.forEach((w, i) => expect(sameBits(w.values, first.weights[i].values), w.name).toBe(true));
  });

  it('compresses the two runs to byte-identical files (random masks and k-means included)', () => {
    const a = compressedBytes(first.weights);
    const b = compressedBytes(second.weights);
    a.forEach((bytes, i) => expect(sameBits(b[i], bytes), `setting ${i}`).toBe(true));
  });

  it('starts from other weights for another seed, so the comparison above can fail', () => {
    const initial = (seed: number) => {
      const trainer = new Trainer({ ...SPEC, seed }, data);
      const weights = trainer.checkpoints.get(0)!;
      trainer.dispose();
      return weights;
    };
    const [a, b] = [initial(7), initial(8)];
    expect(sameBits(a[0].values, initial(7)[0].values)).toBe(true);
    expect(sameBits(a[0].values, b[0].values)).toBe(false);
  });
});
