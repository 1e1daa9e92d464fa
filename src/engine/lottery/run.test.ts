import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import { generateToyDataset } from '../datasets/toy2d';
import { applyMasks, countKept, type Mask } from '../pruning/mask';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { jaccard } from './maskStats';
import { plannedKept } from './rates';
import { chartRows, type LotteryRoundResult } from './results';
import { createLotteryRun, restoreLotteryRun, type LotteryRun } from './run';
import { driveLotteryRun, runLottery } from './runLottery';
import type { LotterySettingsInput } from './settings';
import { VARIANT_IDS, VARIANTS, type VariantId } from './variants';

// The cpu backend trains this narrow LeNet at ~12 ms per batch of 20, and evaluation is a good part
// of a round's cost, so the splits are small: 1,000 training images, 500 validation, 500 test.
let mnist: Dataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  mnist = smallMnist({ validationSize: 500, trainLimit: 1000, testLimit: 500 });
});

// A narrow LeNet-300-100: kernels 784x60, 60x20, 20x10.
const spec: TrainSpec = {
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [60, 20],
  epochs: 1,
  batchSize: 20,
  optimizer: 'adam',
  learningRate: 1.2e-3,
  schedule: { kind: 'constant' },
  seed: 3,
  evalEverySteps: 10,
  checkpointSteps: [],
};

const allVariants: LotterySettingsInput = {
  rounds: 3,
  itersPerRound: 12,
  rewindStep: 3,
  evalEverySteps: 6,
  variants: [...VARIANT_IDS],
};

/** Trains to the end of the unit in progress, so the next round is set up and not yet trained. */
function finishUnit(run: LotteryRun): void {
  const p = run.progress();
  run.runSteps(p.unitSteps - p.step);
}

/** Runs until round `round` of `variant` is the unit in progress, at its step 0. */
function advanceTo(run: LotteryRun, round: number, variant: VariantId): void {
  for (let guard = 0; guard < 100; guard++) {
    const p = run.progress();
    if (p.round === round && p.variant === variant && p.step === 0) return;
    finishUnit(run);
  }
  throw new Error(`never reached round ${round} of ${variant}`);
}

const kernels = (ws: WeightArray[]) => ws.filter((w) => w.shape.length === 2);
const biases = (ws: WeightArray[]) => ws.filter((w) => w.shape.length === 1);
const sameBits = (a: Float32Array, b: Float32Array) =>
  a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
const sameWeights = (a: WeightArray[], b: WeightArray[]) => a.length === b.length && a.every((w, i) => sameBits(w.values, b[i].values));
const isSubset = (inner: Mask[], outer: Mask[]) => inner.every((m, l) => m.keep.every((k, i) => k === 0 || outer[l].keep[i] === 1));

describe('a lottery run', () => {
  it('prunes each layer to (1 - p)^r, nests the masks, and starts every variant where it should', () => {
    const before = tf.memory().numTensors;
    const run = createLotteryRun(spec, mnist, allVariants);
    try {
      expect(run.settings.variants).toEqual(VARIANT_IDS);
      expect(run.progress()).toMatchObject({ phase: 'trunk', round: 0, name: 'Dense', stepsDone: 0 });
      // 12 trunk steps + 3 rounds x (12 + 9 + 9 + 9 + 12 + 12): the k-variants retrain from step k.
      expect(run.progress().totalSteps).toBe(12 + 3 * 63);

      finishUnit(run);
      const trunk = run.snapshot().trunk!;
      expect(sameWeights(trunk.init, trunk.rewind)).toBe(false);

      for (let round = 1; round <= 3; round++) {
        advanceTo(run, round, 'rewind_init');
        const ticket = run.masksOf('rewind_init', round)!;
        // Rewinding restores the step-0 values exactly where weights survive, and 0 elsewhere.
        const start = run.currentWeights();
        expect(sameWeights(start, applyMasks(trunk.init, ticket))).toBe(true);
        expect(sameWeights(biases(start), biases(trunk.init))).toBe(true);
        ticket.forEach((m, l) => {
          const p = l === ticket.length - 1 ? 0.1 : 0.2;
          expect(countKept(m)).toBe(plannedKept(m.keep.length, p, round));
          expect(Math.abs(countKept(m) - m.keep.length * Math.pow(1 - p, round))).toBeLessThanOrEqual(1);
        });

        advanceTo(run, round, 'rewind_k');
        expect(sameWeights(run.currentWeights(), applyMasks(trunk.rewind, run.masksOf('rewind_k', round)!))).toBe(true);

        // LR rewinding keeps the weights its previous round ended with (the trunk's in round 1).
        const previous = round === 1 ? trunk.final : run.snapshot().finals.lr_rewind!;
        advanceTo(run, round, 'lr_rewind');
        expect(sameWeights(run.currentWeights(), applyMasks(previous, run.masksOf('lr_rewind', round)!))).toBe(true);

        // Random reinit: the ticket's mask, other values.
        advanceTo(run, round, 'random_reinit');
        const reinit = run.currentWeights();
        expect(jaccard(run.masksOf('random_reinit', round)!, ticket)).toBe(1);
        kernels(reinit).forEach((w, l) => {
          expect(w.values.every((v, i) => ticket[l].keep[i] === 1 || v === 0)).toBe(true);
          expect(w.values.filter((v) => v !== 0).length).toBe(countKept(ticket[l]));
          expect(sameBits(w.values, applyMasks(trunk.init, ticket)[2 * l].values)).toBe(false);
        });

        // Random pruning: the ticket's per-layer counts, other positions, rewound to init.
        advanceTo(run, round, 'random_prune');
        const random = run.masksOf('random_prune', round)!;
        random.forEach((m, l) => expect(countKept(m)).toBe(countKept(ticket[l])));
        expect(jaccard(random[0], ticket[0])).toBeLessThan(0.9);
        expect(sameWeights(run.currentWeights(), applyMasks(trunk.init, random))).toBe(true);
      }
      while (!run.done) run.runSteps(1000);

      // Masks only shrink from round to round, for every chain.
      for (const v of VARIANT_IDS) {
        for (let round = 2; round <= 3; round++) expect(isSubset(run.masksOf(v, round)!, run.masksOf(v, round - 1)!)).toBe(true);
      }
      const results = run.results();
      expect(results).toHaveLength(1 + 3 * 6);
      expect(results[0]).toMatchObject({ variant: 'dense', name: 'Dense', round: 0, percentRemaining: 100 });
      for (const r of results) {
        expect(r.testAccuracy).toBeGreaterThan(15); // 12 batches of 20 (25-45%): above chance (10%), far from trained
        expect(r.earlyStopTestAccuracy).toBeGreaterThan(0);
        expect(r.earlyStopStep).toBeGreaterThan(r.startStep);
        expect(r.earlyStopStep).toBeLessThanOrEqual(r.startStep + r.steps);
        expect(r.curve.length).toBeGreaterThanOrEqual(2); // validation every 6 steps of 9 or 12
      }
      const names = new Set(chartRows(results).map((row) => row.variant));
      expect([...names]).toEqual(['Dense', ...VARIANT_IDS.map((v) => VARIANTS[v].name)]);
      expect([...names]).toEqual(['Dense', 'Rewind to init', 'Rewind to iteration k', 'LR rewinding', 'Fine-tuning', 'Random reinit', 'Random pruning']);
    } finally {
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resumes from a snapshot (taken mid-round, stored as IndexedDB would) to the same results', async () => {
    const settings: LotterySettingsInput = { rounds: 3, itersPerRound: 10, evalEverySteps: 5, scope: 'global' };
    const before = tf.memory().numTensors;
    const uninterrupted = await runLottery(spec, mnist, settings, { sliceMs: 5 });

    const first = createLotteryRun(spec, mnist, settings);
    advanceTo(first, 2, 'random_reinit');
    first.runSteps(7); // past an evaluation: the resumed round must not keep any of it
    const saved = structuredClone(first.snapshot());
    const partial = first.results();
    first.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const resumed = restoreLotteryRun(saved, mnist);
    expect(resumed.results()).toEqual(partial);
    expect(resumed.progress()).toMatchObject({ round: 2, variant: 'random_reinit', step: 0 });
    const rounds: LotteryRoundResult[] = [];
    const results = await driveLotteryRun(resumed, { onRound: (r) => rounds.push(r) });
    resumed.dispose();
    expect(rounds.map((r) => `${r.round}:${r.variant}`)).toEqual(['2:random_reinit', '2:random_prune', '3:rewind_init', '3:random_reinit', '3:random_prune']);
    expect(results).toEqual(uninterrupted);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('streams rounds, cancels with an AbortError and leaks nothing', async () => {
    const circle = generateToyDataset('circle', { seed: 0 });
    const toy: TrainSpec = { ...spec, dataset: 'circle', model: 'mlp_2d', hidden: [8, 8], batchSize: 10, learningRate: 0.03 };
    const before = tf.memory().numTensors;
    const seen: string[] = [];
    const fractions: number[] = [];
    const results = await runLottery(toy, circle, { rounds: 2, itersPerRound: 30, evalEverySteps: 10, variants: ['random_prune'] }, {
      sliceMs: 1,
      onRound: (r) => seen.push(`${r.round}:${r.name}`),
      onProgress: (p) => fractions.push(p.fraction),
    });
    // A control brings the ticket along: it is cut from the ticket's masks.
    expect(seen).toEqual(['0:Dense', '1:Rewind to init', '1:Random pruning', '2:Rewind to init', '2:Random pruning']);
    expect(results).toHaveLength(5);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(tf.memory().numTensors).toBe(before);

    const controller = new AbortController();
    const aborted = runLottery(toy, circle, { rounds: 2, itersPerRound: 30 }, {
      signal: controller.signal,
      onRound: () => controller.abort(),
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses settings it cannot honour, with a sentence', () => {
    expect(() => createLotteryRun(spec, mnist, { rounds: 0 })).toThrow(/rounds/);
    expect(() => createLotteryRun(spec, mnist, { perRoundRate: { hidden: 1, output: 0.1 } })).toThrow(/hidden-layer pruning rate/);
    expect(() => createLotteryRun(spec, mnist, { itersPerRound: 10, rewindStep: 10 })).toThrow(/rewind iteration k/);
    expect(() => createLotteryRun(spec, mnist, { itersPerRound: 10, epochsPerRound: 1 })).toThrow(/not both/);
    expect(() => createLotteryRun(spec, mnist, { itersPerRound: 10, rewindStep: 0, variants: ['rewind_k'] })).toThrow(/same as "Rewind to init"/);
    const before = tf.memory().numTensors;
    expect(() => restoreLotteryRun({ format: 'lottery-run', version: 0 } as never, mnist)).toThrow(/another version/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
