// The object the engine worker exposes through comlink. `EngineApi` is its type; the page
// imports only the type. Callbacks arrive as comlink proxies and receive plain data only.
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import { selectBackend } from './backend-select';
import { loadDataset } from './data-loader';
import type { BackendInfo, TrainHandlers, TrainOutcome } from './protocol';
import { TrainingSession } from './training-session';
import { CompressionLab } from './compression-lab';
import type { BaselineInfo, CompressHandlers, CompressionPoint, CompressionSettings, FineTuneHandlers } from './compression-protocol';
import type { Trainer } from '../engine/training/trainer';
import { benchmarkTraining, type TrainingBenchmark } from './benchmark';

export function createEngineApi() {
  const session = new TrainingSession();
  const lab = new CompressionLab();
  let adopted: Trainer | null = null;
  let backend: BackendInfo | null = null;
  let backendQueue: Promise<BackendInfo | undefined> = Promise.resolve(undefined);

  /** The compression lab works on the latest trained model, once its run has stopped. */
  async function ensureAdopted(): Promise<BaselineInfo | null> {
    const trainer = session.activeTrainer;
    const stopped = session.runState === 'done' || session.runState === 'cancelled';
    if (!trainer || !stopped || trainer.step === 0) return null;
    if (adopted !== trainer || !lab.hasModel) {
      adopted = trainer;
      await lab.adopt(trainer.spec, trainer.data, trainer.network.getWeights());
    }
    return lab.baseline;
  }

  return {
    /** Calls are serialised: two overlapping setBackend calls (React's StrictMode mounts twice
     * in development) left tensors on one wasm instance and ops on another, 50x slower. */
    init(choice: BackendChoice): Promise<BackendInfo> {
      backendQueue = backendQueue.catch(() => undefined).then(async () => {
        if (backend && backend.choice === choice) return backend;
        // Tensors cannot follow a backend switch safely mid-run: start clean.
        lab.clear();
        adopted = null;
        await session.reset();
        backend = await selectBackend(choice);
        return backend;
      });
      return backendQueue as Promise<BackendInfo>;
    },

    async train(spec: TrainSpec, handlers: TrainHandlers): Promise<TrainOutcome> {
      await backendQueue.catch(() => undefined);
      if (!backend) backend = await selectBackend('auto');
      handlers.onState('loading-data');
      const data = await loadDataset(spec.dataset, spec.seed, (s) => handlers.onData?.(s));
      return session.train(spec, data, handlers);
    },

    pause: async () => session.pause(),
    resume: async () => session.resume(),
    step: async (batches: number) => session.step(batches),
    cancel: () => session.cancel(),
    async reset(): Promise<void> {
      lab.clear();
      adopted = null;
      await session.reset();
    },

    /** The trained dense model the compression lab starts from, or null before training. */
    compressionBaseline: (): Promise<BaselineInfo | null> => ensureAdopted(),

    /** Prune + quantize + encode the trained model; an estimate first, then the full test set.
     * Resolves null when a newer request superseded this one. */
    async compress(settings: CompressionSettings, handlers: CompressHandlers): Promise<CompressionPoint | null> {
      if (!(await ensureAdopted())) throw new Error('Train a model first: there is nothing to compress yet.');
      return lab.compress(settings, handlers);
    },

    /** Retrains the pruned model with its mask held, then measures it (see CompressionLab). */
    async fineTune(settings: CompressionSettings, epochs: number, handlers: FineTuneHandlers): Promise<CompressionPoint> {
      if (!(await ensureAdopted())) throw new Error('Train a model first: there is nothing to fine-tune yet.');
      return lab.fineTune(settings, epochs, handlers);
    },

    cancelFineTune: async () => lab.cancelFineTune(),

    /** The compressed model file (docs/FORMAT.md), its buffer transferred, not copied. */
    async encodedModel(settings: CompressionSettings): Promise<Uint8Array> {
      if (!(await ensureAdopted())) throw new Error('Train a model first: there is nothing to download yet.');
      // A copy of its own, so transferring it cannot detach a buffer the encoder reuses.
      const bytes = lab.encoded(settings).slice();
      return Comlink.transfer(bytes, [bytes.buffer]);
    },

    /** Training throughput of LeNet-300-100 on MNIST on the given backend (npm run bench). */
    async benchmarkTraining(choice: BackendChoice, batchSize: number, seconds: number): Promise<TrainingBenchmark & { backend: BackendInfo }> {
      lab.clear();
      await session.reset();
      await backendQueue.catch(() => undefined);
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
