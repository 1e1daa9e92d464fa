// How many source training images each task pretrains on, known before any data is loaded, so
// the "Pretraining" choice can name its cost. Kept free of tfjs for the page's controls; the unit
// test (sourceImages.test.ts) counts them from the MNIST labels, so the numbers cannot drift.
import { PRETRAINING_INFO, type PretrainingId } from './pretraining';
import type { TransferTaskId } from './tasks';

/** The whole source training split: the digits 0-4 among MNIST's 55,000 training images (the
 * last 5,000 of the file are the validation set), or all 55,000 for the Fashion-MNIST task. */
export const SOURCE_TRAIN_IMAGES: Record<TransferTaskId, number> = { digits: 28_076, fashion: 55_000 };

/** Images a pretraining choice uses on a task: the first N of its source, or every one. */
export function pretrainImages(task: TransferTaskId, pretraining: PretrainingId): number {
  const limit = PRETRAINING_INFO[pretraining].sourceImages;
  return limit === null ? SOURCE_TRAIN_IMAGES[task] : Math.min(limit, SOURCE_TRAIN_IMAGES[task]);
}
