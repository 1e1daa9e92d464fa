// MNIST from its four IDX files. The 5,000 validation images are the last ones of the training
// file, as in the Lottery Ticket paper, so test accuracy is never used to pick anything.
import type { Dataset, Split } from '../spec/types';
import { DatasetError, parseIdx } from './idx';

/** The file names the app serves (gzip-compressed IDX, from scripts/prepare-data.mjs). */
export const MNIST_FILES = {
  trainImages: 'train-images.idx.gz',
  trainLabels: 'train-labels.idx.gz',
  testImages: 'test-images.idx.gz',
  testLabels: 'test-labels.idx.gz',
} as const;

/** Items in the real files; checked unless `strictCounts` is false (small fake files in tests). */
export const MNIST_COUNTS = { train: 60000, test: 10000 } as const;

export interface MnistFiles {
  trainImages: ArrayBuffer;
  trainLabels: ArrayBuffer;
  testImages: ArrayBuffer;
  testLabels: ArrayBuffer;
}

export interface MnistOptions {
  /** Images held out of the end of the training file. Default 5000. */
  validationSize?: number;
  /** Keep only the first N training images (fast tests, quick demos). */
  trainLimit?: number;
  /** Keep only the first N test images. */
  testLimit?: number;
  /** Require the real file sizes (60,000 and 10,000 items). Default true. */
  strictCounts?: boolean;
}

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const NUM_CLASSES = 10;
const REGENERATE = 'Run `npm install` to regenerate the data files.';

// Dividing by 255 through a table is both faster and identical on every platform.
const PIXEL_TO_FLOAT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

export function buildMnistDataset(files: MnistFiles, opts: MnistOptions = {}): Dataset {
  const strict = opts.strictCounts ?? true;
  const train = readPair(files.trainImages, files.trainLabels, 'train', strict ? MNIST_COUNTS.train : undefined);
  const test = readPair(files.testImages, files.testLabels, 'test', strict ? MNIST_COUNTS.test : undefined);

  const validationSize = opts.validationSize ?? 5000;
  if (!Number.isInteger(validationSize) || validationSize < 0 || validationSize >= train.count) {
    throw new DatasetError(
      `The validation set must hold between 0 and ${train.count - 1} images, got ${validationSize}.`,
    );
  }
  const trainCount = train.count - validationSize;
  return {
    id: 'mnist',
    featureShape: [SIDE, SIDE, 1],
    numClasses: NUM_CLASSES,
    train: toSplit(train, 0, limitCount(trainCount, opts.trainLimit, 'trainLimit')),
    validation: toSplit(train, trainCount, validationSize),
    test: toSplit(test, 0, limitCount(test.count, opts.testLimit, 'testLimit')),
  };
}

interface RawPair {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

function readPair(imagesBuf: ArrayBuffer, labelsBuf: ArrayBuffer, which: 'train' | 'test', count?: number): RawPair {
  const imagesName = which === 'train' ? MNIST_FILES.trainImages : MNIST_FILES.testImages;
  const labelsName = which === 'train' ? MNIST_FILES.trainLabels : MNIST_FILES.testLabels;
  const images = parseIdx(imagesBuf, { name: imagesName, dims: 3, count, itemShape: [SIDE, SIDE] });
  const labels = parseIdx(labelsBuf, { name: labelsName, dims: 1 });
  const n = images.dims[0];
  if (labels.dims[0] !== n) {
    throw new DatasetError(
      `${labelsName} holds ${labels.dims[0]} labels but ${imagesName} holds ${n} images; ` +
        `the two files do not belong together. ${REGENERATE}`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (labels.data[i] >= NUM_CLASSES) {
      throw new DatasetError(
        `${labelsName} has label ${labels.data[i]} at position ${i}, but digits are 0 to 9. ${REGENERATE}`,
      );
    }
  }
  return { images: images.data, labels: labels.data, count: n };
}

function limitCount(available: number, limit: number | undefined, option: string): number {
  if (limit === undefined) return available;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new DatasetError(`${option} must be a whole number of at least 1, got ${limit}.`);
  }
  return Math.min(available, limit);
}

// Copies (never views) so the decompressed file buffers can be garbage-collected.
function toSplit(raw: RawPair, start: number, count: number): Split {
  const x = new Float32Array(count * PIXELS);
  const src = raw.images.subarray(start * PIXELS, (start + count) * PIXELS);
  for (let i = 0; i < src.length; i++) x[i] = PIXEL_TO_FLOAT[src[i]];
  return { x, y: raw.labels.slice(start, start + count), count };
}
