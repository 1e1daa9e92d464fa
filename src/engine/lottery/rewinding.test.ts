// The rewound variants as their papers define them: weight rewinding to k and learning-rate
// rewinding (Frankle et al. 2020; Renda, Frankle & Carbin 2020) and fine-tuning (Renda et al.,
// after Han et al. 2015) all retrain for T - k steps on batches k..T-1 of the trunk's data order,
// as OpenLTH's branches do; fine-tuning at the final learning rate of the original schedule.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../../test/mnist';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { learningRateAt } from '../training/schedule';
import { Trainer } from '../training/trainer';
import { createLotteryRun, type LotteryRun } from './run';
import { resolveLotterySettings } from './settings';
import type { VariantId } from './variants';

let mnist: Dataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  mnist = smallMnist({ validationSize: 200, trainLimit: 1000, testLimit: 200 });
});

// A narrow LeNet-300-100 (784-40-20-10), 50 batches of 20 an epoch; SGD with momentum, the rate
// halved every 10 steps, so a step's rate says where in the schedule it is.
const stepSpec: TrainSpec = {
  dataset: 'mnist',
  model: 'lenet_300_100',
  hidden: [40, 20],
  epochs: 1,
  batchSize: 20,
  optimizer: 'momentum',
  learningRate: 0.05,
  schedule: { kind: 'step', warmupSteps: 0, decayEverySteps: 10, gamma: 0.5 },
  seed: 4,
  evalEverySteps: 15,
  checkpointSteps: [],
};
const constantSpec: TrainSpec = { ...stepSpec, optimizer: 'adam', learningRate: 1.2e-3, schedule: { kind: 'constant' } };
const T = 30;
// k = 5 lands inside a decay interval: the Trainer replays the schedule from any step.
const K = 5;

function advanceTo(run: LotteryRun, round: number, variant: VariantId): void {
  for (let guard = 0; guard < 100; guard++) {
    const p = run.progress();
    if (p.round === round && p.variant === variant && p.step === 0) return;
    run.runSteps(p.unitSteps - p.step);
  }
  throw new Error(`never reached round ${round} of ${variant}`);
}

const sameWeights = (a: WeightArray[], b: WeightArray[]) =>
  a.length === b.length && a.every((w, i) => w.values.every((v, j) => Object.is(v, b[i].values[j])));

describe('rewound branches', () => {
  it('continue the trunk at iteration k: its batches k..T-1, its schedule from k (fine-tuning at its final rate)', () => {
    const before = tf.memory().numTensors;
    const run = createLotteryRun(stepSpec, mnist, { rounds: 1, itersPerRound: T, rewindStep: K, evalEverySteps: 15, variants: ['rewind_k', 'lr_rewind', 'finetune'] });
    try {
      const finalRate = learningRateAt(stepSpec.learningRate, stepSpec.schedule, T - 1);
      expect(finalRate).toBeCloseTo(0.05 * 0.25, 12);
      for (const variant of ['rewind_k', 'lr_rewind', 'finetune'] as const) {
        advanceTo(run, 1, variant);
        expect(run.progress().unitSteps).toBe(T - K);
        const start = run.currentWeights();
        // 8 steps from k = 5 cross the decay at step 10.
        run.runSteps(8);
        const branch = run.currentWeights();

        // The same start, continued by a Trainer that skips the trunk's first k batches.
        const rate = variant === 'finetune' ? { learningRate: finalRate, schedule: { kind: 'constant' as const } } : stepSpec;
        const trainer = new Trainer({ ...stepSpec, ...rate }, mnist, { masks: run.masksOf(variant, 1) });
        trainer.network.setWeights(start);
        trainer.fastForward(K);
        trainer.runSteps(8);
        const expected = trainer.network.getWeights();
        trainer.dispose();
        expect(sameWeights(branch, expected), `${variant} continues the trunk's order and rate at k`).toBe(true);
      }
      while (!run.done) run.runSteps(100);
      for (const r of run.results().slice(1)) {
        expect(r.startStep).toBe(K);
        expect(r.steps).toBe(T - K);
        // Early stopping is read on the trunk's clock: iterations k+1..T.
        expect(r.earlyStopStep).toBeGreaterThan(K);
        expect(r.earlyStopStep).toBeLessThanOrEqual(T);
      }
    } finally {
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with a constant rate LR rewinding and fine-tuning are the same run; a step decay tells them apart', () => {
    const settings = { rounds: 1, itersPerRound: T, rewindStep: K, evalEverySteps: 15, variants: ['lr_rewind', 'finetune'] as VariantId[] };
    const outcome = (spec: TrainSpec) => {
      const run = createLotteryRun(spec, mnist, settings);
      while (!run.done) run.runSteps(100);
      const weights = run.snapshot().finals;
      const results = run.results();
      run.dispose();
      return { weights, results };
    };
    const constant = outcome(constantSpec);
    expect(sameWeights(constant.weights.lr_rewind!, constant.weights.finetune!)).toBe(true);
    const step = outcome(stepSpec);
    expect(sameWeights(step.weights.lr_rewind!, step.weights.finetune!)).toBe(false);
  });
});

describe('the rewind iteration k', () => {
  it('is at least 1 by default, so rewinding to k never silently equals rewinding to init', () => {
    // 2% of 20 steps rounds to 0.
    expect(resolveLotterySettings(stepSpec, mnist, { itersPerRound: 20 }).rewindStep).toBe(1);
    expect(resolveLotterySettings(stepSpec, mnist, { itersPerRound: 500 }).rewindStep).toBe(10);
  });

  it('refuses k = 0 for "Rewind to iteration k", with a sentence saying why', () => {
    expect(() => resolveLotterySettings(stepSpec, mnist, { itersPerRound: 20, rewindStep: 0, variants: ['rewind_k'] })).toThrow(
      /k = 0.*same as "Rewind to init"/,
    );
    // A one-step round has no iteration to rewind to but 0.
    expect(() => resolveLotterySettings(stepSpec, mnist, { itersPerRound: 1, variants: ['rewind_k'] })).toThrow(/same as "Rewind to init"/);
    // LR rewinding and fine-tuning from k = 0 are well defined: T steps from the trained weights.
    expect(resolveLotterySettings(stepSpec, mnist, { itersPerRound: 20, rewindStep: 0, variants: ['lr_rewind', 'finetune'] }).rewindStep).toBe(0);
  });
});
