// The image counts the Pretraining choice shows come from the same MNIST split the page pretrains on.
import { describe, expect, it } from 'vitest';
import { buildMnistDataset } from '../datasets/mnist';
import { readIdx } from '../../../test/mnist';
import { pretrainImages, SOURCE_TRAIN_IMAGES } from './sourceImages';
import { selectClasses } from './tasks';

describe('source training images per task', () => {
  it('match the digits 0-4 and all digits of the 55,000-image MNIST training split', () => {
    const [trainImages, trainLabels, testImages, testLabels] = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map(readIdx);
    // The page's loader: buildMnistDataset with its default 5,000-image validation set.
    const mnist = buildMnistDataset({ trainImages, trainLabels, testImages, testLabels });
    expect(SOURCE_TRAIN_IMAGES.fashion).toBe(mnist.train.count);
    expect(SOURCE_TRAIN_IMAGES.digits).toBe(selectClasses(mnist.train, [0, 1, 2, 3, 4], 784).count);
  });

  it('are the first 6,000 for the quick choice and every one for the full', () => {
    expect(pretrainImages('digits', 'quick')).toBe(6000);
    expect(pretrainImages('fashion', 'quick')).toBe(6000);
    expect(pretrainImages('digits', 'full')).toBe(SOURCE_TRAIN_IMAGES.digits);
    expect(pretrainImages('fashion', 'full')).toBe(SOURCE_TRAIN_IMAGES.fashion);
  });
});
