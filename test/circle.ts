// The two-feature "circle" task the training tests run on (tfjs's cpu backend: quick, and exact
// from run to run), and a small spec for it, so each test states only what it changes.
import * as tf from '@tensorflow/tfjs';
import { generateToyDataset } from '../src/engine/datasets/toy2d';
import { TOY_DEFAULTS } from '../src/engine/spec/defaults';
import type { Dataset, TrainSpec } from '../src/engine/spec/types';

/** The page's toy defaults (mlp_2d [8, 8], Adam 0.03, batches of 10, evaluated every 50 steps), 3 epochs, seed 3. */
export const circleSpec = (over: Partial<TrainSpec> = {}): TrainSpec => ({ ...TOY_DEFAULTS, dataset: 'circle', epochs: 3, seed: 3, ...over });

/** Switches tfjs to its cpu backend and draws the circle dataset (seed 0): for a beforeAll. */
export async function circleOnCpu(): Promise<Dataset> {
  await tf.setBackend('cpu');
  await tf.ready();
  return generateToyDataset('circle', { seed: 0 });
}
