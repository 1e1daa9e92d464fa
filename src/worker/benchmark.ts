// Measures training throughput on the current backend with the real Trainer and real data:
// warm up (shader compile, wasm JIT), then time a fixed number of steps ending in a readback
// so queued GPU work is counted.
import { Trainer } from '../engine/training/trainer';
import { MNIST_DEFAULTS } from '../engine/spec/defaults';
import type { Dataset } from '../engine/spec/types';
import { wasmAdamKernel } from '../engine/training/wasm_adam';

export interface TrainingBenchmark {
  batchSize: number;
  steps: number;
  seconds: number;
  samplesPerSecond: number;
  /** Whether Adam ran as the fused wasm kernel (wasm_adam.ts) rather than tf.train.adam. */
  fusedAdam: boolean;
}

export function benchmarkTraining(data: Dataset, batchSize: number, seconds: number): TrainingBenchmark {
  const spec = { ...MNIST_DEFAULTS, batchSize, epochs: 100 };
  const trainer = new Trainer(spec, data);
  try {
    trainer.runSteps(5);
    trainer.takeProgress();
    let steps = 0;
    const t0 = performance.now();
    // Run in blocks until the time budget is spent; the readback closes every block.
    while (performance.now() - t0 < seconds * 1000) {
      steps += trainer.runSteps(10);
      trainer.takeProgress();
    }
    const elapsed = (performance.now() - t0) / 1000;
    return { batchSize, steps, seconds: elapsed, samplesPerSecond: (steps * batchSize) / elapsed, fusedAdam: wasmAdamKernel() !== null };
  } finally {
    trainer.dispose();
  }
}
