// The object the engine worker exposes through comlink. `EngineApi` is its type; the page
// imports only the type. Callbacks arrive as comlink proxies and receive plain data only.
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import { selectBackend } from './backend-select';
import { loadDataset } from './data-loader';
import type { BackendInfo, TrainHandlers, TrainOutcome } from './protocol';
import { TrainingSession } from './training-session';
import { benchmarkTraining, type TrainingBenchmark } from './benchmark';

export function createEngineApi() {
  const session = new TrainingSession();
  let backend: BackendInfo | null = null;

  return {
    async init(choice: BackendChoice): Promise<BackendInfo> {
      if (backend && backend.choice === choice) return backend;
      // Tensors cannot follow a backend switch safely mid-run: start clean.
      await session.reset();
      backend = await selectBackend(choice);
      return backend;
    },

    async train(spec: TrainSpec, handlers: TrainHandlers): Promise<TrainOutcome> {
      if (!backend) backend = await selectBackend('auto');
      handlers.onState('loading-data');
      const data = await loadDataset(spec.dataset, spec.seed, (s) => handlers.onData?.(s));
      return session.train(spec, data, handlers);
    },

    pause: async () => session.pause(),
    resume: async () => session.resume(),
    step: async (batches: number) => session.step(batches),
    cancel: () => session.cancel(),
    reset: () => session.reset(),

    /** Training throughput of LeNet-300-100 on MNIST on the given backend (npm run bench). */
    async benchmarkTraining(choice: BackendChoice, batchSize: number, seconds: number): Promise<TrainingBenchmark & { backend: BackendInfo }> {
      await session.reset();
      backend = await selectBackend(choice);
      const data = await loadDataset('mnist', 0, () => undefined);
      return { ...benchmarkTraining(data, batchSize, seconds), backend };
    },

    async memory(): Promise<{ numTensors: number; numBytes: number }> {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
