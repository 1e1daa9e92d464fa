// The optimizers a run can use, by id and by name: plain data, so the page (spec checks, link
// fields, script exports) reads them without loading TensorFlow.js (optimizers.ts builds them).
import type { OptimizerId } from '../spec/types';

export const OPTIMIZER_IDS: OptimizerId[] = ['sgd', 'momentum', 'adam'];

export const OPTIMIZER_LABELS: Record<OptimizerId, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum 0.9',
  adam: 'Adam',
};
