// The compression lab's hold on a trained model, on tfjs's cpu backend in Node: adoptions that
// overlap (double-click "Download trained model", issue 16 item 8) or a reset during one leave
// exactly one evaluation network, every other tensor disposed.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToyDataset } from '../engine/datasets/toy2d';
import { defaultSpecFor } from '../engine/spec/defaults';
import { createNetwork } from '../engine/models/network';
import type { WeightArray } from '../engine/spec/types';
import { CompressionLab } from './compression-lab';

const spec = { ...defaultSpecFor('circle'), seed: 3 };
// Enough test points for several evaluation chunks, so a second request lands mid-measurement.
const data = generateToyDataset('circle', { seed: 3, countPerSplit: 5000 });
let weights: WeightArray[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const network = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  weights = network.getWeights();
  network.dispose();
});

/** Tensors one adopted model holds: its evaluation network. */
async function heldByOne(): Promise<number> {
  const before = tf.memory().numTensors;
  const lab = new CompressionLab();
  await lab.adopt(spec, data, weights);
  const held = tf.memory().numTensors - before;
  lab.clear();
  expect(tf.memory().numTensors).toBe(before);
  return held;
}

describe('CompressionLab adoption', () => {
  it('two overlapping adoptions keep one evaluation network and dispose the other', async () => {
    const one = await heldByOne();
    expect(one).toBeGreaterThan(0);
    const before = tf.memory().numTensors;
    const lab = new CompressionLab();
    const [first, second] = await Promise.all([lab.adopt(spec, data, weights), lab.adopt(spec, data, weights)]);
    expect(tf.memory().numTensors - before).toBe(one);
    // The newer one is kept; the older one gave way.
    expect(first).toBeNull();
    expect(second?.accuracy).toBeGreaterThan(0);
    expect(lab.baseline).toEqual(second);
    lab.clear();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a clear (Reset) during an adoption leaves no model and no tensor', async () => {
    const before = tf.memory().numTensors;
    const lab = new CompressionLab();
    const adopting = lab.adopt(spec, data, weights);
    lab.clear();
    const baseline = await adopting;
    expect(tf.memory().numTensors).toBe(before);
    expect(lab.hasModel).toBe(false);
    expect(baseline).toBeNull();
  });

  it('asked for a file before any model, says to train first', () => {
    const lab = new CompressionLab();
    expect(() => lab.inspect({} as never)).toThrow('Train a model first: there is nothing to look inside yet.');
  });
});
