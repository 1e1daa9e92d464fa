// The two-feature "circle" task the training tests run on (tfjs's cpu backend: quick, and exact
// from run to run), and a small spec for it, so each test states only what it changes.
import * as tf from '@tensorflow/tfjs';
import { generateToyDataset } from '../src/engine/datasets/toy2d';
import type { Dataset, TrainSpec } from '../src/engine/spec/types';

/** mlp_2d [8, 8], 3 epochs of Adam at 0.03 in batches of 10, seed 3, evaluated every 50 steps. */
export const circleSpec = (over: Partial<TrainSpec> = {}): TrainSpec => ({
  dataset: 'circle',
  model: 'mlp_2d',
  hidden: [8, 8],
  epochs: 3,
  batchSize: 10,
  optimizer: 'adam',
  learningRate: 0.03,
  schedule: { kind: 'constant' },
  seed: 3,
  evalEverySteps: 50,
  checkpointSteps: [],
  ...over,
});

/** Switches tfjs to its cpu backend and draws the circle dataset (seed 0): for a beforeAll. */
export async function circleOnCpu(): Promise<Dataset> {
  await tf.setBackend('cpu');
  await tf.ready();
  return generateToyDataset('circle', { seed: 0 });
}
