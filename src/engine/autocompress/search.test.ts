import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { useWasmBackend } from '../../../test/wasmBackend';
import { compressWeights } from '../compression/compress';
import { decodeModel } from '../encoding/decode';
import type { Dataset, Split, TrainSpec, WeightArray } from '../spec/types';
import { Trainer } from '../training/trainer';
import { sequencePasses, type Kept } from './choice';
import { polishPicks } from './fineTune';
import { halfIndices } from './holdout';
import { AUTO_COMPRESS_PLANS, planOf } from './plans';
import { autoCompress, type AutoCompressModel } from './search';
import type { AutoCompressCandidate, AutoCompressProgress, AutoCompressSettings } from './types';

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

/** `split` with a count of how often its images are read (evaluateNetwork reads `x` once per
 * batch of 2,000, so once per evaluation of these 500 test images). */
function counted(split: Split): { split: Split; reads: () => number } {
  let reads = 0;
  return {
    split: { get x() { reads++; return split.x; }, y: split.y, count: split.count },
    reads: () => reads,
  };
}

const bytesEqual = (a: Float32Array, b: Float32Array) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

/** What the page does to adopt a result: compress its float weights under its masks with its
 * per-tensor settings; the file it gets. */
function recompressed(model: AutoCompressModel): Uint8Array {
  const pruning = { method: 'layerwise_magnitude', sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: 0 } as const;
  return compressWeights('lenet_300_100', model.floatWeights, { pruning, quantization: model.byTensor['dense_0/kernel'], byTensor: model.byTensor }, { startMasks: model.masks }).bytes;
}

describe('autoCompress', () => {
  it('streams candidates, reads the test split only for the result, keeps the smallest that qualifies on the held-out half, and its file is the model it tested', async () => {
    const before = tf.memory().numTensors;
    const streamed: AutoCompressCandidate[] = [];
    const phases = new Set<string>();
    const test = counted(data.test);
    const { result, model } = await autoCompress({ spec, weights: reference, data: { ...data, test: test.split } }, settings, {
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
    // The test split is read twice: once for the result, once for the reference's accuracy.
    expect(test.reads()).toBe(2);
    expect(result.halves).toEqual({ search: 250, holdout: 250 });
    expect(result.reference.heldOutAccuracy).toBeGreaterThan(0.5);

    // Every candidate within the budget on the search half has a held-out drop, the others none;
    // the result is the smallest whose drop + one standard error is within the budget.
    for (const c of result.candidates) {
      expect(c.heldOut !== undefined).toBe(c.withinBudget);
      if (c.heldOut) expect(c.heldOut.qualifies).toBe(c.heldOut.dropPoints + c.heldOut.standardErrorPoints <= settings.budgetPoints + 1e-9);
    }
    const qualified = result.candidates.filter((c) => c.heldOut?.qualifies);
    expect(result.choice).toBe('held-out');
    expect(result.best.bytes).toBe(Math.min(...qualified.map((c) => c.bytes)));
    expect(result.best.bytes).toBeGreaterThanOrEqual(Math.min(...within.map((c) => c.bytes)));
    expect(result.best.sparsity).toBeGreaterThan(0.5); // three rounds of pruning happened
    expect(result.best.ratio).toBeCloseTo(result.reference.denseBytes / result.best.bytes, 9);

    // The file is the one measured, decodes to the weights tested, and the float weights with the
    // per-tensor settings and masks give it back byte for byte (what the page adopts).
    expect(model.bytes.length).toBe(result.best.bytes);
    decodeModel(model.bytes).weights.forEach((w, i) => expect(bytesEqual(w.values, model.weights[i].values)).toBe(true));
    expect(Buffer.compare(Buffer.from(recompressed(model)), Buffer.from(model.bytes))).toBe(0);
    expect(result.best.layers.map((l) => l.name)).toEqual(['dense_0/kernel', 'dense_1/kernel', 'dense_2/kernel']);
    expect(result.testAccuracy).toBeGreaterThan(0.5);
  }, 120_000);

  it('searches on its half alone: held-out labels change the choice\'s estimates, never the path', async () => {
    const one = { ...settings, maxRounds: 1 };
    const { holdout } = halfIndices(data.validation.count, one.seed);
    const y = data.validation.y.slice();
    for (const i of holdout) y[i] = (y[i] + 1) % 10; // every held-out label wrong
    const scrambled = { ...data, validation: { ...data.validation, y } };
    const [clean, broken] = await Promise.all([
      autoCompress({ spec, weights: reference, data }, one),
      autoCompress({ spec, weights: reference, data: scrambled }, one),
    ]);
    const path = (cs: AutoCompressCandidate[]) => cs.map((c) => [c.bytes, c.validationAccuracy, c.withinBudget]);
    expect(path(broken.result.candidates)).toEqual(path(clean.result.candidates));
    expect(broken.result.reference.validationAccuracy).toBe(clean.result.reference.validationAccuracy);
    expect(broken.result.reference.heldOutAccuracy).toBeLessThan(clean.result.reference.heldOutAccuracy - 0.5);
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

  it('polishes (full preset): accepted masks, the sparsest first, are retrained and their bits searched again', async () => {
    const before = tf.memory().numTensors;
    const phases: string[] = [];
    const progress: AutoCompressProgress[] = [];
    const full = { ...settings, preset: 'full' as const, maxRounds: 2 };
    const { result } = await autoCompress({ spec, weights: reference, data }, full, { onProgress: (p) => (phases.push(p.phase), progress.push(p)) });
    // The bar counts polished masks, not rounds, while polishing; the fraction only grows.
    const polishing = progress.filter((p) => p.phase === 'polish');
    const indices = [...new Set(polishing.map((p) => p.polish?.index))];
    expect(indices).toEqual(indices.map((_, i) => i));
    expect(polishing.every((p) => p.polish?.count === indices.length)).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.plan.polish).toEqual(AUTO_COMPRESS_PLANS.full.polish);
    const polished = result.candidates.filter((c) => c.stage === 'polish');
    expect(polished.length).toBeGreaterThan(0);
    expect(phases.indexOf('polish')).toBeGreaterThan(phases.lastIndexOf('fine-tune'));
    // Counted on after the rounds, one round number per polished mask, the sparsest first.
    const rounds = [...new Set(polished.map((c) => c.round))];
    expect(rounds).toEqual(rounds.map((_, i) => result.roundsRun + 1 + i));
    const acceptedRounds = [...new Set(result.candidates.filter((c) => c.round >= 1 && c.round <= result.roundsRun && c.withinBudget).map((c) => c.round))];
    const sparsityOf = (round: number) => result.candidates.find((c) => c.round === round && c.withinBudget)!.sparsity;
    const polishedSparsity = rounds.map((r) => polished.find((c) => c.round === r)!.sparsity);
    for (const r of rounds) expect(new Set(polished.filter((c) => c.round === r).map((c) => c.sparsity)).size).toBe(1);
    expect(polishedSparsity[0]).toBe(sparsityOf(acceptedRounds.at(-1)!));
    for (const s of polishedSparsity) expect(acceptedRounds.map(sparsityOf)).toContain(s);
    // Retrained weights, not the round's: the first polished candidate (the round's own bit
    // choice) is measured on different weights from the round's last accepted one.
    const first = polished[0];
    const roundLast = result.candidates.filter((c) => c.round === acceptedRounds.at(-1) && c.withinBudget).at(-1)!;
    expect([first.validationAccuracy, first.bytes]).not.toEqual([roundLast.validationAccuracy, roundLast.bytes]);
    // The quick preset (the page's, and its share links') has no polish.
    expect(planOf(settings).polish).toBeNull();
  }, 240_000);

  it('distils (quick-distill): the fine-tuning changes, and the choice walks the polished masks, then the last passing one\'s bits', async () => {
    const before = tf.memory().numTensors;
    const run = (preset: 'quick-polish' | 'quick-distill') => autoCompress({ spec, weights: reference, data }, { ...settings, preset, maxRounds: 4, budgetPoints: 5 });
    const plain = (await run('quick-polish')).result;
    const { result } = await run('quick-distill');
    expect(tf.memory().numTensors).toBe(before);
    expect(result.plan).toMatchObject({ distill: { weight: 0.5 }, polishChoice: 'sequence' });
    // Same reference and its bit search; from the first fine-tuning on, other weights.
    const firstTuned = (r: typeof result) => r.candidates.find((c) => c.round === 1)!;
    expect(result.candidates[0]).toEqual(plain.candidates[0]);
    expect([firstTuned(result).validationAccuracy, firstTuned(result).bytes]).not.toEqual([firstTuned(plain).validationAccuracy, firstTuned(plain).bytes]);
    // The fixed-sequence walk (choice.ts), rebuilt from the streamed candidates: one group per
    // polish (its round number), the sparsity telling how many weights its mask keeps.
    const polishRounds = [...new Set(result.candidates.filter((c) => c.round > result.roundsRun).map((c) => c.round))];
    expect(polishRounds.length).toBeGreaterThan(1);
    const groups = polishRounds.map((round) => {
      const inRound = result.candidates.filter((c) => c.round === round);
      return { keptWeights: 1 - inRound[0].sparsity, steps: inRound.filter((c) => c.stage === 'polish').map((c) => ({ candidate: c, measurement: { bytes: c.bytes } }) as unknown as Kept) };
    });
    const passed = sequencePasses(groups);
    // At this budget (5 pt on 250 held-out images) the sparser mask fails and the denser one's
    // bit steps pass: the walk goes through the denser mask's steps.
    expect(passed.length).toBeGreaterThan(1);
    const smallest = passed.reduce((m, k) => (k.measurement.bytes < m.measurement.bytes ? k : m));
    expect(result).toMatchObject({ choice: 'polished', best: { index: smallest.candidate.index } });
  }, 240_000);

  it('trains the shared values after a polish (full-distill-tuned), and the page gets back the file it tested', async () => {
    const before = tf.memory().numTensors;
    const tunedSettings = { ...settings, preset: 'full-distill-tuned' as const, maxRounds: 2, maxPolished: 1, budgetPoints: 5 };
    const phases: string[] = [];
    const { result, model } = await autoCompress({ spec, weights: reference, data }, tunedSettings, { sliceMs: 5, onProgress: (p) => phases.push(p.phase) });
    expect(tf.memory().numTensors).toBe(before);
    // The bar says when the shared values train: after the polish's retraining, before the test.
    expect(phases.indexOf('centroids')).toBeGreaterThan(phases.lastIndexOf('polish'));
    expect(phases.indexOf('centroids')).toBeLessThan(phases.indexOf('test'));
    expect(result.plan).toMatchObject({ polishChoice: 'final', polish: { centroids: { epochs: 2 } } });
    // The polish's last candidate is its bit search's result with the shared values trained:
    // the same settings and bytes as the step before it, other weights.
    const polished = result.candidates.filter((c) => c.stage === 'polish');
    const [searched, tuned] = polished.slice(-2);
    expect(tuned.bytes).toBe(searched.bytes);
    expect(tuned.layers).toEqual(searched.layers);
    expect(tuned.validationAccuracy).not.toBe(searched.validationAccuracy);
    // Here the tuned one scored higher on the search half, passed on the held-out half, and is
    // the result (the final model of the polish; the untuned step is not tested).
    expect(tuned.validationAccuracy).toBeGreaterThan(searched.validationAccuracy);
    expect(tuned.heldOut?.qualifies).toBe(true);
    expect(result).toMatchObject({ choice: 'polished', best: { index: tuned.index } });
    // The float weights the page adopts hold the trained shared values, and compress back to
    // the very file that was tested.
    expect(Buffer.compare(Buffer.from(recompressed(model)), Buffer.from(model.bytes))).toBe(0);
    expect(model.bytes.length).toBe(result.best.bytes);
  }, 240_000);

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

  it('a polished search cut short by time is rerun by its rounds and masks polished', async () => {
    const polished = { ...settings, preset: 'full' as const, maxRounds: 2 };
    let clock = 0;
    // Time runs out in the second mask's bit search (after its retraining): the first mask's
    // polish stays, the second's candidates so far are streamed but not chosen from.
    let seen = 0;
    const onProgress = (p: AutoCompressProgress) => {
      if (p.polish?.index === 1 && ++seen === 2) clock = 1e12;
    };
    const limited = await autoCompress({ spec, weights: reference, data }, polished, { now: () => clock, timeBudgetMs: 1e9, onProgress });
    expect(limited.result.stoppedBy).toBe('time');
    expect(limited.result.polishedRun).toBe(1);
    expect(limited.result.roundsRun).toBe(2);
    const rerun = await autoCompress({ spec, weights: reference, data }, { ...polished, maxRounds: limited.result.roundsRun, maxPolished: limited.result.polishedRun });
    expect(rerun.result.polishedRun).toBe(1);
    expect(limited.result.best.round).toBeLessThanOrEqual(limited.result.roundsRun + 1);
    expect(Buffer.compare(Buffer.from(rerun.model.bytes), Buffer.from(limited.model.bytes))).toBe(0);
    expect(rerun.result.testAccuracy).toBe(limited.result.testAccuracy);
    // Cut short in the rounds, nothing is polished, and the rerun polishes nothing either.
    expect(planOf({ ...polished, maxPolished: 0 }).polish).toBeNull();
    expect(planOf({ ...polished, maxPolished: 1 }).polish?.masks).toBe(1);
  }, 240_000);

  it('picks masks to polish from the sparsest back, each keeping at least `spacing` times the last', () => {
    expect(polishPicks([1000, 500, 400, 300, 250, 200], 4, 1.25)).toEqual([5, 4, 2, 1]); // 250 >= 1.25 x 200; then 400 >= 312.5
    expect(polishPicks([1000, 500, 400, 300, 250, 200], 2, 1.25)).toEqual([5, 4]);
    expect(polishPicks([300, 250, 200], 4, 2)).toEqual([2]);
    expect(polishPicks([], 4, 1.25)).toEqual([]);
    expect(polishPicks([5, 4, 3], 3, 1)).toEqual([2, 1, 0]);
  });

  it('says what is wrong with its settings', () => {
    expect(() => planOf({ ...settings, budgetPoints: -1 })).toThrow(/budget/);
    expect(() => planOf({ ...settings, preset: 'huge' as 'quick' })).toThrow(/no auto-compress preset "huge"/);
    expect(() => planOf({ ...settings, maxRounds: 1.5 })).toThrow(/rounds/);
    expect(planOf({ ...settings, maxRounds: 4 }).maxRounds).toBe(4);
  });
});
