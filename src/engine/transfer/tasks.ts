// A transfer task: a source to pretrain on and a target to learn from few labels, each with
// its own classes numbered from 0. Built from datasets already in memory (no copies of the
// pixels beyond the selected rows).
import type { FashionMnist } from '../datasets/fashionMnist';
import { FASHION_CLASS_NAMES } from '../datasets/registry';
import type { Dataset, Split } from '../spec/types';
import { createRng, deriveSeed, shuffleInPlace } from '../random';

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

export interface TransferTask {
  id: TransferTaskId;
  /** One line for the page, e.g. "MNIST digits 0-4 → digits 5-9". */
  label: string;
  /** Values per example (784 for 28x28 images); source and target must agree. */
  featureSize: number;
  source: TaskSide;
  target: TaskSide;
}

/** The rows of `split` whose label is in `classes`, relabelled by their position in it. */
export function selectClasses(split: Split, classes: readonly number[], featureSize: number): Split {
  const index = new Map(classes.map((c, i) => [c, i]));
  const rows: number[] = [];
  for (let i = 0; i < split.count; i++) if (index.has(split.y[i])) rows.push(i);
  return gatherRows(split, rows, featureSize, (label) => index.get(label)!);
}

function gatherRows(split: Split, rows: readonly number[], featureSize: number, relabel = (l: number) => l): Split {
  const x = new Float32Array(rows.length * featureSize);
  const y = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    x.set(split.x.subarray(row * featureSize, (row + 1) * featureSize), i * featureSize);
    y[i] = relabel(split.y[row]);
  });
  return { x, y, count: rows.length };
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

/** MNIST digits 0-4 as the source, digits 5-9 as the target (labels 0-4 there). */
export function digitsTask(mnist: Dataset, sourceDigits = range(0, 4), targetDigits = range(5, 9)): TransferTask {
  const featureSize = mnist.featureShape.reduce((a, b) => a * b, 1);
  const side = (digits: number[]): TaskSide => ({
    train: selectClasses(mnist.train, digits, featureSize),
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
 * learned on handwriting, reused for photos of clothes. The splits are used as they are (no
 * copy): every class is kept and the labels are already 0-9 on both sides.
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
    target: { train: fashion.train, test: fashion.test, numClasses: fashion.numClasses, classNames: [...fashion.classNames] },
  };
}
