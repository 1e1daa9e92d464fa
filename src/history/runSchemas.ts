// One valibot schema per kind of run the History keeps (training, lottery, transfer): types,
// ranges, finite numbers and bounded lengths all the way down, so whatever passes is a run the
// page can draw. The results file (./resultsSchema) checks each of its runs with these.
import * as v from 'valibot';
import { DATASET_IDS } from '../engine/datasets/registry';
import { MODEL_IDS } from '../engine/models/registry';
import { VARIANT_IDS } from '../engine/lottery/variants';
import { EXTRACTOR_SPARSITY_STOPS } from '../engine/transfer/extractorSparsity';
import { PRETRAINING_IDS } from '../engine/transfer/pretraining';
import { TRANSFER_TASK_IDS } from '../engine/transfer/tasks';
import { LOTTERY_ROWS } from '../url/lotteryFields';
import { SPEC_ROWS } from '../url/specFields';
import { MAX_LABELS } from '../worker/transfer-protocol';
import { MAX_RUN_TIME_MS } from './dates';
import type { RunKind, RunRecord } from './types';

const MAX_CURVE_POINTS = 5000;

/**
 * The largest value of each number a run holds, each what the page can produce and draw: a bound
 * only as large as the code needs, so a file cannot bring a value no formatter or chart expects
 * (createdAt 8640000000000001 was an Invalid Date that threw in the History list and the CSV).
 */
export const RUN_LIMITS = {
  /** 31 December 9999 (src/history/dates.ts). */
  createdAt: MAX_RUN_TIME_MS,
  /** The link's epoch range (the share link's table). */
  epochs: SPEC_ROWS.epochs.limits.max,
  /** 200 epochs of 55,000 images at batch 1. */
  steps: 200 * 55_000,
  /** Ten years. */
  seconds: 10 * 365 * 24 * 3600,
  /** The engine computes in float32: no loss it reports is larger. */
  loss: 3.4028234663852886e38,
  /** Accuracy curves are in percent. */
  percent: 100,
  /** A model file's length is a 32-bit count (docs/FORMAT.md). */
  bytes: 2 ** 32,
  fineTunedEpochs: 1000,
  /** The link's seed range. */
  seed: SPEC_ROWS.seed.limits.max,
  /** The lottery link's largest round count. */
  rounds: LOTTERY_ROWS.rounds.limits.max,
  /** The most labels a transfer run measures (the worker refuses more). */
  labels: MAX_LABELS,
  /** Test images of the largest target (MNIST's 10,000). */
  testImages: 10_000,
  /** Training images of the largest source (MNIST's and Fashion-MNIST's 60,000). */
  trainImages: 60_000,
  /** Training FLOPs of a transfer run: 5,000 labels of fine-tuning is under a TFLOP; a PFLOP is
   * far beyond anything the page trains, and formats as a number. */
  flops: 1e15,
} as const;

const between = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const fraction = between(0, 1);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const curve = (value: v.GenericSchema<number>) =>
  v.pipe(v.array(v.object({ epoch: between(0, RUN_LIMITS.epochs), value })), v.maxLength(MAX_CURVE_POINTS));
const percentCurve = curve(between(0, RUN_LIMITS.percent));
const lossValue = between(-RUN_LIMITS.loss, RUN_LIMITS.loss);
/** A lottery round validates every few dozen steps: a few hundred points at most. */
const MAX_ROUND_CURVE_POINTS = 1000;
const MAX_LAYERS = 32;

const pointSchema = v.object({
  method: text(40),
  sparsity: fraction,
  bits: v.picklist([1, 2, 3, 4, 5, 6, 7, 8, 16, 32]),
  encodedBytes: whole(1, RUN_LIMITS.bytes),
  accuracy: fraction,
  fineTunedEpochs: v.optional(whole(1, RUN_LIMITS.fineTunedEpochs)),
});

const picklist = (values: readonly string[]) => v.picklist(values as unknown as [string, ...string[]]);
const SPARSITY_STOPS = v.picklist(EXTRACTOR_SPARSITY_STOPS as unknown as [number, ...number[]]);

/** What every kind of run has. */
const common = {
  id: text(100),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  createdAt: between(0, RUN_LIMITS.createdAt),
  link: text(4096),
  backend: v.nullable(text(20)),
  status: v.picklist(['done', 'cancelled']),
  seconds: between(0, RUN_LIMITS.seconds),
  imported: v.optional(v.boolean()),
};

/** A training run; its "kind" is optional, as version 1 and runs kept before kinds wrote none. */
export const trainingRunSchema = v.object({
  ...common,
  kind: v.optional(v.literal('training'), 'training'),
  dataset: picklist(DATASET_IDS),
  model: picklist(MODEL_IDS),
  epochs: whole(1, RUN_LIMITS.epochs),
  steps: whole(0, RUN_LIMITS.steps),
  testAccuracy: v.nullable(fraction),
  validationAccuracy: v.nullable(fraction),
  curves: v.object({ loss: curve(between(-RUN_LIMITS.loss, RUN_LIMITS.loss)), trainAccuracy: percentCurve, validationAccuracy: percentCurve, testAccuracy: percentCurve }),
  denseBytes: v.nullable(whole(1, RUN_LIMITS.bytes)),
  points: v.pipe(v.array(pointSchema), v.maxLength(2000)),
});

const lotteryRoundSchema = v.object({
  variant: picklist(['dense', ...VARIANT_IDS]),
  round: whole(0, RUN_LIMITS.rounds),
  percentRemaining: between(0, 100),
  accuracy: fraction,
  earlyStopAccuracy: fraction,
  earlyStopStep: whole(0, RUN_LIMITS.steps),
  steps: whole(0, RUN_LIMITS.steps),
  startStep: whole(0, RUN_LIMITS.steps),
  curve: v.pipe(
    v.array(v.object({ step: whole(0, RUN_LIMITS.steps), trainLoss: lossValue, validationLoss: lossValue, validationAccuracy: between(0, RUN_LIMITS.percent) })),
    v.maxLength(MAX_ROUND_CURVE_POINTS),
  ),
  layers: v.pipe(
    v.array(v.object({ name: text(100), kept: whole(0, RUN_LIMITS.bytes), total: whole(0, RUN_LIMITS.bytes), percentRemaining: between(0, 100) })),
    v.maxLength(MAX_LAYERS),
  ),
  overlap: v.nullable(v.object({ against: v.picklist(['one-shot', 'ticket']), jaccard: fraction, chance: fraction })),
});

export const lotteryRunSchema = v.object({
  ...common,
  kind: v.literal('lottery'),
  seed: whole(0, RUN_LIMITS.seed),
  plannedRounds: whole(1, RUN_LIMITS.rounds),
  // The dense trunk and every round of every variant.
  rounds: v.pipe(v.array(lotteryRoundSchema), v.maxLength(1 + RUN_LIMITS.rounds * VARIANT_IDS.length)),
});

const transferResultSchema = v.object({
  method: v.picklist(['scratch', 'frozen', 'finetune']),
  labeled: whole(1, RUN_LIMITS.labels),
  accuracy: fraction,
  testCount: whole(1, RUN_LIMITS.testImages),
  validationAccuracy: fraction,
  validationCount: whole(0, RUN_LIMITS.trainImages),
  steps: whole(0, RUN_LIMITS.steps),
  flops: between(0, RUN_LIMITS.flops),
  ms: between(0, RUN_LIMITS.seconds * 1000),
  trainedParams: whole(0, RUN_LIMITS.bytes),
  extractorSparsity: SPARSITY_STOPS,
});

export const transferRunSchema = v.object({
  ...common,
  kind: v.literal('transfer'),
  task: picklist(TRANSFER_TASK_IDS),
  pretraining: picklist(PRETRAINING_IDS),
  seed: whole(0, RUN_LIMITS.seed),
  extractorSparsity: SPARSITY_STOPS,
  labels: whole(1, RUN_LIMITS.labels),
  // Three methods, dense and pruned, at each of a few label counts: a run measures at most 20.
  results: v.pipe(v.array(transferResultSchema), v.maxLength(200)),
});

export const KIND_SCHEMAS: Record<RunKind, v.GenericSchema<unknown, RunRecord>> = {
  training: trainingRunSchema as v.GenericSchema<unknown, RunRecord>,
  lottery: lotteryRunSchema as v.GenericSchema<unknown, RunRecord>,
  transfer: transferRunSchema as v.GenericSchema<unknown, RunRecord>,
};
