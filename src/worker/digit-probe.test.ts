// The digit pad's worker side on tfjs's cpu backend in Node, on a 2-D set (the probe does not
// care how many values an image has): probabilities from both models, a test image by number,
// the gallery against a direct count, and every tensor given back.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToyDataset } from '../engine/datasets/toy2d';
import { defaultSpecFor } from '../engine/spec/defaults';
import { createNetwork } from '../engine/models/network';
import type { WeightArray } from '../engine/spec/types';
import { CompressionLab } from './compression-lab';
import type { CompressionSettings } from './compression-protocol';
import { DigitProbe } from './digit-probe';

const spec = { ...defaultSpecFor('circle'), seed: 5 };
const data = generateToyDataset('circle', { seed: 5, countPerSplit: 3000 });
let weights: WeightArray[];

const settings = (sparsity: number, bits: number): CompressionSettings => ({
  pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 5 },
  quantization: bits === 32 ? { scheme: 'none', granularity: 'tensor', bits } : { scheme: 'symmetric', granularity: 'tensor', bits },
});

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const network = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  weights = network.getWeights();
  network.dispose();
});

describe('DigitProbe', () => {
  it('answers both models, follows the settings, and gives every tensor back on clear', async () => {
    const before = tf.memory().numTensors;
    const lab = new CompressionLab();
    await lab.adopt(spec, data, weights);
    const labTensors = tf.memory().numTensors;
    const probe = new DigitProbe();
    const point = Float32Array.from([0.3, -0.2]);

    const same = probe.probabilities(lab.compared(settings(0, 32)), point);
    expect(same.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(Array.from(same.compressed)).toEqual(Array.from(same.reference));

    const pruned = probe.probabilities(lab.compared(settings(0.9, 2)), point);
    expect(Array.from(pruned.reference)).toEqual(Array.from(same.reference));
    expect(Array.from(pruned.compressed)).not.toEqual(Array.from(same.reference));
    // Back to the dense settings: the reused network holds the dense weights again.
    const again = probe.probabilities(lab.compared(settings(0, 32)), point);
    expect(Array.from(again.compressed)).toEqual(Array.from(same.compressed));

    const digit = probe.testDigit(lab.compared(settings(0.9, 2)), 7);
    expect(Array.from(digit.pixels)).toEqual(Array.from(data.test.x.subarray(14, 16)));
    expect(digit.label).toBe(data.test.y[7]);
    expect(() => probe.testDigit(lab.compared(settings(0.9, 2)), data.test.count)).toThrow(/numbered 0 to 2,999/);
    expect(() => probe.probabilities(lab.compared(settings(0.9, 2)), new Float32Array(3))).toThrow(/2 pixel values; this one has 3/);

    probe.clear();
    expect(tf.memory().numTensors).toBe(labTensors);
    lab.clear();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lists exactly the test points the compressed model gets wrong and the reference right', async () => {
    const lab = new CompressionLab();
    await lab.adopt(spec, data, weights);
    const before = tf.memory().numTensors;
    const probe = new DigitProbe();
    const s = settings(0.95, 2);
    const gallery = (await probe.missGallery(lab.compared(s)))!;

    // The same count, straight from two networks.
    const classes = (w: WeightArray[]) => {
      const n = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
      n.setWeights(w);
      const c = tf.tidy(() => tf.argMax(n.predict(tf.tensor2d(data.test.x, [data.test.count, 2])), 1).dataSync());
      n.dispose();
      return c;
    };
    const ref = classes(weights);
    const comp = classes(lab.compared(s).compressed());
    let expected = 0;
    for (let i = 0; i < data.test.count; i++) if (ref[i] === data.test.y[i] && comp[i] !== data.test.y[i]) expected++;
    expect(expected).toBeGreaterThan(0);
    expect(gallery.total).toBe(expected);
    expect(gallery.tested).toBe(data.test.count);
    for (const m of gallery.shown) expect([m.reference, m.compressed, m.label]).toEqual([ref[m.index], comp[m.index], data.test.y[m.index]]);

    // A second request supersedes the first, which answers null.
    const [first, second] = await Promise.all([probe.missGallery(lab.compared(settings(0.5, 4))), probe.missGallery(lab.compared(s))]);
    expect(first).toBeNull();
    expect(second?.total).toBe(expected);
    probe.clear();
    expect(tf.memory().numTensors).toBe(before);
    lab.clear();
  });
});
