// One line per dataset: what the UI shows and which family of models can train on it.
import type { DatasetId } from '../spec/types';

/** 'mnist' = 28x28 grey images in 10 classes; 'toy' = 2-D points in 2 classes. */
export type DatasetKind = 'mnist' | 'toy';

export interface DatasetInfo {
  id: DatasetId;
  label: string;
  /** One sentence for a tooltip. */
  description: string;
  kind: DatasetKind;
}

export const DATASETS: Record<DatasetId, DatasetInfo> = {
  mnist: {
    id: 'mnist',
    label: 'MNIST digits',
    description:
      'Handwritten digits 0-9 as 28x28 grey images: 55,000 to train on, 5,000 to validate, 10,000 to test.',
    kind: 'mnist',
  },
  circle: {
    id: 'circle',
    label: 'Circle',
    description: 'Points in an inner disc against points in a ring around it.',
    kind: 'toy',
  },
  xor: {
    id: 'xor',
    label: 'XOR',
    description: 'The class is the sign of x times y, so opposite quadrants share a class.',
    kind: 'toy',
  },
  gaussians: {
    id: 'gaussians',
    label: 'Two Gaussians',
    description: 'Two blobs of points that the noise setting widens until they overlap.',
    kind: 'toy',
  },
  spiral: {
    id: 'spiral',
    label: 'Spiral',
    description: 'Two interleaved spiral arms, the hardest of the 2-D sets.',
    kind: 'toy',
  },
};

export const DATASET_IDS: DatasetId[] = ['mnist', 'circle', 'xor', 'gaussians', 'spiral'];

export function isDatasetId(value: string): value is DatasetId {
  return Object.prototype.hasOwnProperty.call(DATASETS, value);
}

/** The ten Fashion-MNIST classes, in label order (Zalando's names). */
export const FASHION_CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/** A dataset the Transfer view learns as a target; not offered for training in the Train view. */
export interface TransferDatasetInfo {
  id: 'fashion-mnist';
  label: string;
  description: string;
  /** Folder under public/data holding its four gzip IDX files. */
  folder: string;
  classNames: readonly string[];
}

export const FASHION_MNIST: TransferDatasetInfo = {
  id: 'fashion-mnist',
  label: 'Fashion-MNIST',
  description:
    'Zalando\'s photos of clothes and shoes as 28x28 grey images in 10 classes (T-shirt/top to ankle boot): 60,000 to train on, 9,988 to test.',
  folder: 'fashion-mnist',
  classNames: FASHION_CLASS_NAMES,
};
