// Types of the compression lab that cross the worker boundary: plain numbers and strings.
import type { CompressionSettings } from '../engine/compression/compress';
import type { PagePresetId } from '../engine/autocompress/plans';
import type { LayerSizeBreakdown } from '../engine/encoding/breakdown';

export type { CompressionSettings, LayerSizeBreakdown };
export type { Inspection, LayerInspection, MaskGallery } from '../engine/compression/inspect';
export type { LayersModelFiles } from '../engine/export/layersModel';
export type { CModelFiles } from '../engine/export/c/generate';
export type { SpeedReport } from './speed-lab';

export interface CompressionPoint {
  /** Increasing per request; a later job supersedes an earlier one. */
  jobId: number;
  settings: CompressionSettings;
  /** Fraction of kernel weights pruned. */
  sparsity: number;
  denseBytes: number;
  encodedBytes: number;
  ratio: number;
  denseMacs: number;
  sparseMacs: number;
  breakdown: LayerSizeBreakdown[];
  notes: string[];
  /** Test accuracy, fraction 0..1, on `evaluatedOn` test images. */
  accuracy: number;
  evaluatedOn: number;
  /** True for the quick figure on a fixed subset, false for the full test set. */
  estimate: boolean;
  /** Milliseconds from the request to this figure, measured in the worker. */
  ms: number;
  /** Where an estimate's time went in the worker: pruning, quantizing and encoding, then the
   * evaluation on the estimate subset (what a slider move waits for). */
  phaseMs?: { compress: number; evaluate: number };
  /** Set when the pruned model was retrained with its mask held (and quantization-aware at
   * <= 4 bits) for this many epochs before being measured. */
  fineTunedEpochs?: number;
  /** True when that fine-tuning was quantization-aware. */
  quantizeAware?: boolean;
  /** Fine-tuned points: the full-test-set accuracy of the same settings without retraining,
   * measured in the same job (so "was" is never another setting's figure). */
  accuracyBeforeFineTune?: number;
  /** Set when this is the result of an auto-compress search (worker/auto-compress.ts): its
   * accuracy budget and the rounds it ran, which a rerun with the same model reproduces. */
  autoCompressed?: { budgetPoints: number; rounds: number; preset: PagePresetId; polished: number };
}

export interface FineTuneHandlers {
  onProgress(step: number, totalSteps: number, loss: number): void;
}

export interface BaselineInfo {
  modelId: string;
  modelLabel: string;
  /** What the float32 reference is, in words: "dense model", or "ticket" for a lottery ticket
   * (already sparse, so "dense" would mislabel the line every point is compared with). */
  reference: 'dense model' | 'ticket';
  denseBytes: number;
  denseMacs: number;
  /** Full-test-set accuracy of the trained dense model. */
  accuracy: number;
  testCount: number;
  /** Fraction of kernel weights already pruned in the reference itself: 0 for a dense model, a
   * ticket's own sparsity (the slider keeps that mask below it). */
  sparsity: number;
  /** First-layer kernel shape, e.g. [784, 300], for the mask pictures. */
  firstKernelShape: number[];
}

export interface CompressHandlers {
  onEstimate(point: CompressionPoint): void;
}
export type { DigitProbabilities, TestDigit } from './digit-probe';
export type { Miss, MissGallery } from './miss-gallery';
