import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { compressWeights } from '../compression/compress';
import { decodeModel } from '../encoding/decode';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { Trainer } from '../training/trainer';
import { planOf } from './plans';
import { autoCompress } from './search';
import type { AutoCompressCandidate, AutoCompressSettings } from './types';

useWasmBackend();

let data: Dataset; // 1,200 training images, 500 validation, 500 test
let reference: WeightArray[];

const spec: TrainSpec = {
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [32, 16],
  epochs: 3,
  batchSize: 60,
  optimizer: 'adam',
  learningRate: 1.2e-3,
  schedule: { kind: 'constant' },
  seed: 3,
  evalEverySteps: 1000,
  checkpointSteps: [],
};
const settings: AutoCompressSettings = { budgetPoints: 2, preset: 'quick', seed: 5, maxRounds: 3 };

beforeAll(() => {
  data = smallMnist({ validationSize: 500, trainLimit: 1200, testLimit: 500 });
  const trainer = new Trainer(spec, data);
  trainer.runSteps(Infinity);
  reference = trainer.network.getWeights();
  trainer.dispose();
});

const bytesEqual = (a: Float32Array, b: Float32Array) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

describe('autoCompress', () => {
  it('streams candidates, keeps the smallest within the budget, and its file is the model it tested', async () => {
    const before = tf.memory().numTensors;
    const streamed: AutoCompressCandidate[] = [];
    const phases = new Set<string>();
    const { result, model } = await autoCompress({ spec, weights: reference, data }, settings, {
      onCandidate: (c) => streamed.push(c),
      onProgress: (p) => phases.add(p.phase),
      sliceMs: 5,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(streamed).toEqual(result.candidates);
    expect([...phases]).toEqual(expect.arrayContaining(['reference', 'prune', 'fine-tune', 'bits', 'test']));
    expect(result.roundsRun).toBe(3);

    const floor = result.reference.validationAccuracy - settings.budgetPoints / 100;
    const within = result.candidates.filter((c) => c.withinBudget);
    expect(within.length).toBeGreaterThan(0);
    for (const c of result.candidates) expect(c.withinBudget).toBe(c.validationAccuracy >= floor - 1e-9);
    expect(result.best.bytes).toBe(Math.min(...within.map((c) => c.bytes)));
    expect(result.best.sparsity).toBeGreaterThan(0.5); // three rounds of pruning happened
    expect(result.best.ratio).toBeCloseTo(result.reference.denseBytes / result.best.bytes, 9);

    // The file is the one measured, decodes to the weights tested, and the float weights with the
    // per-tensor settings and masks give it back byte for byte (what the page adopts).
    expect(model.bytes.length).toBe(result.best.bytes);
    decodeModel(model.bytes).weights.forEach((w, i) => expect(bytesEqual(w.values, model.weights[i].values)).toBe(true));
    const again = compressWeights(
      'lenet_300_100',
      model.floatWeights,
      { pruning: { method: 'layerwise_magnitude', sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: 0 }, quantization: model.byTensor['dense_0/kernel'], byTensor: model.byTensor },
      { startMasks: model.masks },
    );
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(model.bytes))).toBe(0);
    expect(result.best.layers.map((l) => l.name)).toEqual(['dense_0/kernel', 'dense_1/kernel', 'dense_2/kernel']);
    expect(result.testAccuracy).toBeGreaterThan(0.5);
  }, 120_000);

  it('is deterministic from its seed, and a time-limited search is rerun by its rounds', async () => {
    let clock = 0;
    const now = () => (clock += 7); // every reading of the clock takes 7 ms
    const limited = await autoCompress({ spec, weights: reference, data }, { ...settings, maxRounds: 20 }, { now, timeBudgetMs: 1500 });
    expect(limited.result.stoppedBy).toBe('time');
    expect(limited.result.roundsRun).toBeLessThan(20);
    const rerun = await autoCompress({ spec, weights: reference, data }, { ...settings, maxRounds: limited.result.roundsRun });
    expect(rerun.result.best.bytes).toBe(limited.result.best.bytes);
    expect(Buffer.compare(Buffer.from(rerun.model.bytes), Buffer.from(limited.model.bytes))).toBe(0);
    expect(rerun.result.testAccuracy).toBe(limited.result.testAccuracy);
    // The candidates of the rounds that ran are the same; the limited run may have measured a
    // few more in the round it dropped.
    const ran = (cs: AutoCompressCandidate[]) => cs.filter((c) => c.round <= limited.result.roundsRun).map((c) => [c.bytes, c.validationAccuracy]);
    expect(ran(limited.result.candidates).slice(0, rerun.result.candidates.length)).toEqual(ran(rerun.result.candidates));
  }, 120_000);

  it('stops at an abort within a slice and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const controller = { aborted: false };
    const run = autoCompress({ spec, weights: reference, data }, settings, {
      signal: controller,
      sliceMs: 5,
      onProgress: (p) => {
        if (p.phase === 'fine-tune') controller.aborted = true;
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says what is wrong with its settings', () => {
    expect(() => planOf({ ...settings, budgetPoints: -1 })).toThrow(/budget/);
    expect(() => planOf({ ...settings, preset: 'huge' as 'quick' })).toThrow(/no auto-compress preset "huge"/);
    expect(() => planOf({ ...settings, maxRounds: 1.5 })).toThrow(/rounds/);
    expect(planOf({ ...settings, maxRounds: 4 }).maxRounds).toBe(4);
  });
});
