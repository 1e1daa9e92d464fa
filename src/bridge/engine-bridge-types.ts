// What the page may ask of the engine worker. The store talks to this interface only.
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import type { BackendInfo, TrainHandlers, TrainOutcome } from '../worker/protocol';
import type { LotteryHandlers, LotteryOutcome, LotteryRequest, SavedLotteryInfo, TicketSpec } from '../worker/lottery-protocol';
import type { BaselineInfo, CompressHandlers, CompressionPoint, CompressionSettings, FineTuneHandlers, Inspection, LayersModelFiles } from '../worker/compression-protocol';
import type { DecisionGrid } from '../worker/decision-grid';
import type { TransferHandlers, TransferOutcome, TransferRequest } from '../worker/transfer-protocol';
import type { ImportedAccuracy } from '../worker/evaluate-imported';

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
  encodedModel(settings: CompressionSettings, fineTunedEpochs?: number): Promise<Uint8Array>;
  /** Weight histograms before and after, quantization levels and first-layer mask pictures. */
  inspect(settings: CompressionSettings, fineTunedEpochs?: number): Promise<Inspection>;
  /** The compressed model as a TF.js LayersModel (model.json and its weights file). */
  layersModel(settings: CompressionSettings, name: string, fineTunedEpochs?: number): Promise<LayersModelFiles>;
  /** The transfer lab: pretrain on digits 0-4, learn 5-9 from each number of labels three ways. */
  runTransfer(request: TransferRequest, handlers: TransferHandlers): Promise<TransferOutcome>;
  cancelTransfer(): Promise<void>;
  /** The live model's predictions over the plane while it trains on a 2-D set; null otherwise. */
  liveDecisionGrid(size: number): Promise<DecisionGrid | null>;
  /** The compressed model's predictions over the plane (2-D sets), and its agreement with the dense model. */
  decisionGrid(settings: CompressionSettings, size: number): Promise<DecisionGrid>;
  /** Lottery lab: a run of iterative magnitude pruning, streamed round by round (see lottery-protocol). */
  startLottery(request: LotteryRequest, handlers: LotteryHandlers): Promise<LotteryOutcome>;
  /** Continues the run saved in this browser; rejects with the sentence that says why it cannot. */
  resumeLottery(handlers: LotteryHandlers): Promise<LotteryOutcome>;
  cancelLottery(): Promise<void>;
  savedLottery(): Promise<SavedLotteryInfo>;
  discardSavedLottery(): Promise<void>;
  /** Hands the ticket of a round to the compression lab; resolves with its baseline there. */
  compressTicket(ticket: TicketSpec, label: string): Promise<BaselineInfo>;
  /** Decodes an imported compressed model and measures it on the MNIST test set. */
  evaluateImportedModel(bytes: Uint8Array): Promise<ImportedAccuracy>;
  /** tfjs memory in the worker, for tests and the debug readout. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
}

export class BridgeError extends Error {
  constructor(message: string, readonly recoverable = true) {
    super(message);
    this.name = 'BridgeError';
  }
}
