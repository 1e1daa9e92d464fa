// The three optimizers a run can use, and the two things tfjs makes awkward about them:
// changing the learning rate mid-run (schedules, rewinding) and disposing them completely.
import * as tf from '@tensorflow/tfjs';
import type { OptimizerId } from '../spec/types';
import { OPTIMIZER_IDS } from './optimizerIds';
import { WasmAdam, wasmAdamKernel } from './wasm_adam';

export { OPTIMIZER_IDS, OPTIMIZER_LABELS } from './optimizerIds';

export function createOptimizer(id: OptimizerId, learningRate: number): tf.Optimizer {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`The learning rate must be a positive number, got ${learningRate}.`);
  }
  switch (id) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      // Default betas (0.9, 0.999); epsilon is the backend's (1e-7, or 1e-4 on float16 WebGL).
      // On wasm the same update in one pass per parameter, bit for bit (wasm_adam.ts).
      return wasmAdamKernel() ? new WasmAdam(learningRate) : tf.train.adam(learningRate);
    default:
      throw new Error(`Unknown optimizer "${String(id)}"; choose one of ${OPTIMIZER_IDS.join(', ')}.`);
  }
}

// Optimizer defines Symbol.hasInstance as "has minimize()", so `instanceof` cannot tell the
// classes apart; the serialisation class name can ('SGD', 'Momentum', 'Adam').
type LearningRateHolder = { learningRate: number; setLearningRate?: (lr: number) => void };

export function setLearningRate(opt: tf.Optimizer, learningRate: number): void {
  const name = opt.getClassName();
  const holder = opt as unknown as LearningRateHolder;
  if (name === 'SGD' || name === 'Momentum') {
    // Both multiply by a cached -lr scalar that only setLearningRate rebuilds.
    holder.setLearningRate!(learningRate);
  } else if (name === 'Adam') {
    // Adam reads its protected `learningRate` number on every step.
    holder.learningRate = learningRate;
  } else {
    throw new Error(`Cannot change the learning rate of a ${name} optimizer.`);
  }
}

export function getLearningRate(opt: tf.Optimizer): number {
  return (opt as unknown as LearningRateHolder).learningRate;
}

/**
 * Frees the optimizer and all its state. MomentumOptimizer.dispose() in tfjs 4.22 forgets
 * the learning-rate scalar its SGD parent keeps, so that one is freed by hand.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  if (opt.getClassName() === 'Momentum') tf.SGDOptimizer.prototype.dispose.call(opt);
}
