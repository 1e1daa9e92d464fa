// A transfer task: a source to pretrain on and a target to learn from few labels, each with
// its own classes numbered from 0. Built from datasets already in memory (no copies of the
// pixels beyond the selected rows).
import type { FashionMnist } from '../datasets/fashionMnist';
import { FASHION_CLASS_NAMES } from '../datasets/registry';
import type { Dataset, Split } from '../spec/types';
import { createRng, deriveSeed, shuffleInPlace } from '../random';
import { gatherRows } from '../datasets/stratified';

export interface TaskSide {
  train: Split;
  test: Split;
  numClasses: number;
  /** Names of the classes, in label order, e.g. ["5", "6", ...]. */
  classNames: string[];
}

/** The tasks the Transfer view offers. */
export const TRANSFER_TASK_IDS = ['digits', 'fashion'] as const;
export type TransferTaskId = (typeof TRANSFER_TASK_IDS)[number];
/** The task a request or a link that names none gets. */
export const DEFAULT_TRANSFER_TASK: TransferTaskId = 'digits';

/** What the page names each task by, before its data is loaded. */
export const TRANSFER_TASK_INFO: Record<TransferTaskId, { label: string; source: string; target: string; targetClasses: readonly string[] }> = {
  digits: { label: 'MNIST digits 0-4 → digits 5-9', source: 'MNIST digits 0-4', target: 'digits 5-9', targetClasses: ['5', '6', '7', '8', '9'] },
  fashion: {
    label: 'MNIST digits → Fashion-MNIST',
    source: 'all ten MNIST digits',
    target: 'Fashion-MNIST clothes',
    targetClasses: FASHION_CLASS_NAMES,
  },
};

/** The target side also holds a validation split: training images never drawn as labelled
 * examples, on which every setting of the lab (learning rates, cut point, pretraining passes) is
 * chosen (selection.ts), so the test split is only ever measured, never chosen on. */
export interface TargetSide extends TaskSide {
  validation: Split;
}

/** Fashion-MNIST keeps this share of the training images it loads for validation (the last ones:
 * the file interleaves the classes, so they are balanced); the labels are drawn from the rest. */
export const FASHION_VALIDATION_FRACTION = 0.2;

export interface TransferTask {
  id: TransferTaskId;
  /** One line for the page, e.g. "MNIST digits 0-4 → digits 5-9". */
  label: string;
  /** Values per example (784 for 28x28 images); source and target must agree. */
  featureSize: number;
  source: TaskSide;
  target: TargetSide;
}

/** The rows of `split` whose label is in `classes`, relabelled by their position in it. */
export function selectClasses(split: Split, classes: readonly number[], featureSize: number): Split {
  const index = new Map(classes.map((c, i) => [c, i]));
  const rows: number[] = [];
  for (let i = 0; i < split.count; i++) if (index.has(split.y[i])) rows.push(i);
  return gatherRows(split, rows, featureSize, (label) => index.get(label)!);
}

/**
 * `n` labelled examples drawn from `split`, as evenly over the classes as `n` allows (a class
 * with too few rows gives its share to the others), in a seeded order. A larger `n` with the
 * same seed keeps every example a smaller one chose, so points on a curve are nested.
 */
export function labeledSubset(split: Split, n: number, numClasses: number, featureSize: number, seed: number): Split {
  if (!Number.isInteger(n) || n < 1) throw new Error(`The number of labelled examples must be a whole number of at least 1, got ${n}.`);
  if (n > split.count) throw new Error(`Asked for ${n} labelled examples, but the target training set holds only ${split.count}.`);
  const rng = createRng(deriveSeed(seed, 'transfer/labeled'));
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < split.count; i++) byClass[split.y[i]].push(i);
  byClass.forEach((rows) => shuffleInPlace(rows, rng));
  // Round robin over the classes: the first n of this order are as balanced as possible.
  const rows: number[] = [];
  for (let depth = 0; rows.length < n; depth++) {
    for (const cls of byClass) if (depth < cls.length && rows.length < n) rows.push(cls[depth]);
  }
  return gatherRows(split, rows, featureSize);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** MNIST digits 0-4 as the source, digits 5-9 as the target (labels 0-4 there). The target's
 * validation split is its digits among MNIST's 5,000 validation images (the last of the training
 * file), which no side trains on. */
export function digitsTask(mnist: Dataset, sourceDigits = range(0, 4), targetDigits = range(5, 9)): TransferTask {
  const featureSize = mnist.featureShape.reduce((a, b) => a * b, 1);
  const side = (digits: number[]): TargetSide => ({
    train: selectClasses(mnist.train, digits, featureSize),
    validation: selectClasses(mnist.validation, digits, featureSize),
    test: selectClasses(mnist.test, digits, featureSize),
    numClasses: digits.length,
    classNames: digits.map(String),
  });
  const span = (d: number[]) => `${d[0]}-${d[d.length - 1]}`;
  return {
    id: 'digits',
    label: `MNIST digits ${span(sourceDigits)} → digits ${span(targetDigits)}`,
    featureSize,
    source: side(sourceDigits),
    target: side(targetDigits),
  };
}

/**
 * All ten MNIST digits as the source, the ten Fashion-MNIST classes as the target: strokes
 * learned on handwriting, reused for photos of clothes. The splits are views (no copy): every
 * class is kept and the labels are already 0-9 on both sides; the last fifth of the loaded
 * Fashion training images is the target's validation split.
 */
export function fashionTask(mnist: Dataset, fashion: FashionMnist): TransferTask {
  const featureSize = mnist.featureShape.reduce((a, b) => a * b, 1);
  const fashionSize = fashion.featureShape.reduce((a, b) => a * b, 1);
  if (featureSize !== fashionSize) throw new Error(`MNIST gives ${featureSize} values per image, Fashion-MNIST ${fashionSize}: the two must agree.`);
  return {
    id: 'fashion',
    label: TRANSFER_TASK_INFO.fashion.label,
    featureSize,
    source: { train: mnist.train, test: mnist.test, numClasses: mnist.numClasses, classNames: range(0, mnist.numClasses - 1).map(String) },
    target: { ...splitTail(fashion.train, FASHION_VALIDATION_FRACTION, fashionSize), test: fashion.test, numClasses: fashion.numClasses, classNames: [...fashion.classNames] },
  };
}

/** The first rows train, the last `fraction` (rounded down to whole rounds of the ten classes) validate. */
function splitTail(split: Split, fraction: number, featureSize: number): { train: Split; validation: Split } {
  const held = Math.floor((split.count * fraction) / 10) * 10;
  const cut = split.count - held;
  const rows = (from: number, to: number): Split => ({ x: split.x.subarray(from * featureSize, to * featureSize), y: split.y.subarray(from, to), count: to - from });
  return { train: rows(0, cut), validation: rows(cut, split.count) };
}
