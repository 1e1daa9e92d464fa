// What the page may ask of the engine worker. The store talks to this interface only.
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import type { BackendInfo, TrainHandlers, TrainOutcome } from '../worker/protocol';
import type { BaselineInfo, CompressHandlers, CompressionPoint, CompressionSettings, FineTuneHandlers } from '../worker/compression-protocol';

export interface EngineBridge {
  /** Picks (or switches to) a backend in the worker and says which runs and why. */
  init(choice: BackendChoice): Promise<BackendInfo>;
  /** Loads data if needed, builds the model from the spec's seed and trains it, streaming
   * metrics through the handlers. Resolves when done or cancelled; rejects with a
   * `BridgeError` whose message is a sentence for the user. */
  train(spec: TrainSpec, handlers: TrainHandlers): Promise<TrainOutcome>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** While paused: run this many batches, report, and stay paused. */
  step(batches: number): Promise<void>;
  /** Stops the run within 200 ms; the weights trained so far are kept. */
  cancel(): Promise<void>;
  /** Drops the model and its optimizer state (every tensor disposed). */
  reset(): Promise<void>;
  /** The trained dense model the compression lab starts from; null before any training. */
  compressionBaseline(): Promise<BaselineInfo | null>;
  /** Prunes, quantizes and encodes the trained model in the worker. `onEstimate` gets the
   * quick figure on a fixed test subset; the promise resolves with the full-test-set figure,
   * or null when a newer request superseded this one. */
  compress(settings: CompressionSettings, handlers: CompressHandlers): Promise<CompressionPoint | null>;
  /** Retrains the pruned model for `epochs` with its mask held (quantization-aware at <= 4
   * bits) and measures it on the full test set. Rejects with a BridgeError when cancelled. */
  fineTune(settings: CompressionSettings, epochs: number, handlers: FineTuneHandlers): Promise<CompressionPoint>;
  cancelFineTune(): Promise<void>;
  /** The compressed model file for these settings (docs/FORMAT.md). */
  encodedModel(settings: CompressionSettings): Promise<Uint8Array>;
  /** tfjs memory in the worker, for tests and the debug readout. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}

export class BridgeError extends Error {
  constructor(message: string, readonly recoverable = true) {
    super(message);
    this.name = 'BridgeError';
  }
}
