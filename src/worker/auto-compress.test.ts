// Auto-compress in the worker, on tfjs's cpu backend in Node with a small 2-D data set: the found
// model becomes the lab's model for exactly its settings (download = the file measured, Look
// inside works), other per-layer settings are refused in a sentence, Cancel and a cleared lab
// stop the search, and every tensor is given back.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateToyDataset } from '../engine/datasets/toy2d';
import { defaultSpecFor } from '../engine/spec/defaults';
import type { WeightArray } from '../engine/spec/types';
import { Trainer } from '../engine/training/trainer';
import { autoCompressor } from './auto-compress';
import { CompressionLab } from './compression-lab';

const spec = { ...defaultSpecFor('circle'), seed: 3, epochs: 3 };
const data = generateToyDataset('circle', { seed: 3, countPerSplit: 600 });
let weights: WeightArray[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const trainer = new Trainer(spec, data);
  trainer.runSteps(Infinity);
  weights = trainer.network.getWeights();
  trainer.dispose();
});

describe('auto-compress in the worker', () => {
  it('hands the found model to the lab for exactly its settings', async () => {
    const before = tf.memory().numTensors;
    const lab = new CompressionLab();
    await lab.adopt(spec, data, weights);
    const seen: number[] = [];
    const { result, point } = await autoCompressor(lab).run({ budgetPoints: 2, maxRounds: 2, preset: 'quick' }, { onCandidate: (c) => seen.push(c.bytes), onProgress: () => undefined });
    expect(seen.length).toBe(result.candidates.length);
    expect(seen.length).toBeGreaterThan(1);
    expect(point.autoCompressed).toEqual({ budgetPoints: 2, rounds: result.roundsRun, preset: 'quick', polished: 0 });
    expect(point.encodedBytes).toBe(result.best.bytes);
    expect(point.accuracy).toBe(result.testAccuracy);
    // The download is the file the search measured; Look inside reads the same model.
    expect(lab.encoded(point.settings).length).toBe(point.encodedBytes);
    expect(lab.inspect(point.settings).layers.length).toBeGreaterThan(0);
    // Other per-layer settings were never found here: a sentence, not another model's file.
    const other = { ...point.settings, byTensor: { ...point.settings.byTensor } };
    other.byTensor![Object.keys(other.byTensor!)[0]] = { scheme: 'none', granularity: 'tensor', bits: 32 };
    expect(() => lab.encoded(other)).toThrow(/Press Auto-compress first/);
    lab.clear();
    expect(() => lab.encoded(point.settings)).toThrow(/Train a model first/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Cancel stops the search with a sentence, and the lab keeps no auto model', async () => {
    const before = tf.memory().numTensors;
    const lab = new CompressionLab();
    await lab.adopt(spec, data, weights);
    const auto = autoCompressor(lab);
    const run = auto.run({ budgetPoints: 2, maxRounds: 5, preset: 'quick' }, { onCandidate: () => auto.cancel(), onProgress: () => undefined });
    await expect(run).rejects.toThrow(/cancelled/);
    // A second search may start once the first one ended.
    const again = auto.run({ budgetPoints: 2, maxRounds: 0, preset: 'quick' }, { onCandidate: () => undefined, onProgress: () => undefined });
    await expect(again).resolves.toBeTruthy();
    lab.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});
