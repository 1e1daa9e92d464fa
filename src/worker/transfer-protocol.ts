// Types of the transfer lab that cross the worker boundary: plain numbers and strings.
import type { ExtractorPruningReport, PretrainingId, TransferMethod, TransferResult, TransferTaskId } from '../engine/transfer';

export type { TransferMethod, TransferResult, TransferTaskId };

/** What pruning the pretrained extractor did: weights kept, and the source task's test accuracy
 * of the pruned pretrained network against the dense one. */
export type TransferPruneInfo = ExtractorPruningReport;

/** The most labelled target examples a run may ask for (the Transfer view's slider ends there;
 * the worker refuses more, and the History's results files are bounded by it). */
export const MAX_LABELS = 5000;

export interface TransferRequest {
  /** Which source -> target pair; absent: DEFAULT_TRANSFER_TASK (digits). Fashion-MNIST is downloaded only for 'fashion'. */
  task?: TransferTaskId;
  /** Labelled target examples per run, each measured with all three methods. */
  labelCounts: number[];
  seed: number;
  /** Fraction of each pretrained convolution pruned before transfer (0 or absent: dense). Above
   * 0, the frozen and fine-tuned methods are run twice, dense and pruned, for comparison. */
  extractorSparsity?: number;
  /** How much of the source to pretrain on (engine/transfer/pretraining.ts); absent: DEFAULT_PRETRAINING (quick). */
  pretraining?: PretrainingId;
}

export interface TransferPretrainInfo {
  taskId: TransferTaskId;
  pretraining: PretrainingId;
  taskLabel: string;
  /** The classes pretrained on and the classes learned, in label order. */
  sourceClasses: string[];
  targetClasses: string[];
  /** Accuracy of the pretrained network on the source task's test split. */
  sourceAccuracy: number;
  sourceTrainImages: number;
  /** Passes over those images. */
  sourceEpochs: number;
  flops: number;
  ms: number;
  /** True when this pretraining was done earlier and reused. */
  reused: boolean;
}

export interface TransferHandlers {
  /** A sentence for the status line, and the fraction of the whole request done. */
  onStage(message: string, fraction: number): void;
  onPretrained(info: TransferPretrainInfo): void;
  onResult(result: TransferResult): void;
  /** Sent after pretraining when the request prunes the extractor. */
  onPruned(info: TransferPruneInfo): void;
}

export interface TransferOutcome {
  status: 'done' | 'cancelled';
  pretrained: TransferPretrainInfo | null;
  /** Null when the request did not prune the extractor. */
  pruned: TransferPruneInfo | null;
  results: TransferResult[];
}
