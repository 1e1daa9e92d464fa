// Fashion-MNIST for the engine's unit tests, read from the gzip IDX files that
// scripts/prepare-data.mjs writes at install (Node only).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildFashionMnist, FASHION_FILES, type FashionOptions } from '../src/engine/datasets/fashionMnist';
import type { MnistFiles } from '../src/engine/datasets/mnist';

const dataDir = join(import.meta.dirname, '..', 'public', 'data', 'fashion-mnist');

/** The four converted files, decompressed, each its own ArrayBuffer. */
export function readFashionFiles(): MnistFiles {
  const read = (file: string): ArrayBuffer => {
    const path = join(dataDir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`node scripts/prepare-data.mjs\` (npm install runs it).`);
    const buf = gunzipSync(readFileSync(path));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };
  return {
    trainImages: read(FASHION_FILES.trainImages),
    trainLabels: read(FASHION_FILES.trainLabels),
    testImages: read(FASHION_FILES.testImages),
    testLabels: read(FASHION_FILES.testLabels),
  };
}

export function smallFashionMnist(opts: FashionOptions) {
  return buildFashionMnist(readFashionFiles(), opts);
}
