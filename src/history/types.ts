// One finished run as the History keeps it, of one of three kinds: a training run (what it
// reached, its curves, and the compression points measured on its model), a lottery-ticket run
// (every round of every variant) or a transfer run (accuracy per method and number of labels).
// Each holds its settings as a share-link hash (so opening it goes through the same codec as any
// link, old versions migrated, and the view comes back too). Records and summaries kept before
// there were kinds have no `kind`: they are training runs (withKind, where they are read).

export interface CurvePoint {
  epoch: number;
  value: number;
}

/** Accuracies in percent (0-100), losses as they are. */
export interface RunCurves {
  loss: CurvePoint[];
  trainAccuracy: CurvePoint[];
  validationAccuracy: CurvePoint[];
  testAccuracy: CurvePoint[];
}

/** One full-test-set compression measurement of the run's model. */
export interface RunCompressionPoint {
  method: string;
  /** Fraction of kernel weights pruned, 0..1. */
  sparsity: number;
  /** 1-8, 16 (float16) or 32 (float32). */
  bits: number;
  encodedBytes: number;
  /** Test accuracy, fraction 0..1. */
  accuracy: number;
  fineTunedEpochs?: number;
}

export const RUN_KINDS = ['training', 'lottery', 'transfer'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** What every kind of run has. */
export interface RunBase {
  kind: RunKind;
  id: string;
  name: string;
  /** Milliseconds since 1970, when the run finished. */
  createdAt: number;
  /** The experiment as a share-link hash without the leading '#', e.g. "v=1&seed=7". */
  link: string;
  /** webgpu, webgl, wasm or cpu; null when unknown (an imported run may not say). */
  backend: string | null;
  /** done, or cancelled (stopped early; what it reached is kept). */
  status: 'done' | 'cancelled';
  /** Wall-clock seconds the run took. */
  seconds: number;
  /** Came from an imported results file rather than this browser. */
  imported?: boolean;
}

export interface TrainingRunRecord extends RunBase {
  kind: 'training';
  dataset: string;
  model: string;
  epochs: number;
  steps: number;
  /** Fractions 0..1 at the end of the run; null when no evaluation ran. */
  testAccuracy: number | null;
  validationAccuracy: number | null;
  curves: RunCurves;
  /** Dense float32 size of the trained model, bytes (null before the lab opened it). */
  denseBytes: number | null;
  points: RunCompressionPoint[];
}

/** One trained round of a lottery run (src/engine/lottery/results.ts, accuracies as fractions). */
export interface LotteryRunRound {
  /** 'dense' for the trunk (round 0), else a variant id ('rewind_init' is the ticket). */
  variant: string;
  round: number;
  /** Percent of prunable (kernel) weights kept, 0..100. */
  percentRemaining: number;
  /** Test accuracy after the round's last step, 0..1. */
  accuracy: number;
  /** Test accuracy at the early-stopping iteration (minimum validation loss), 0..1. */
  earlyStopAccuracy: number;
  earlyStopStep: number;
  steps: number;
  /** The trunk step the round started at (k for the rewound variants, else 0). */
  startStep: number;
  /** Validation during the round (accuracy in percent), for the view's training curves. */
  curve: { step: number; trainLoss: number; validationLoss: number; validationAccuracy: number }[];
  /** Per-kernel survivors of the round's mask. */
  layers: { name: string; kept: number; total: number; percentRemaining: number }[];
  /** The mask's Jaccard overlap with the ticket's (or, for the ticket, with one-shot pruning) and
   * its chance level; null where the run measured none (the dense trunk). */
  overlap: { against: 'one-shot' | 'ticket'; jaccard: number; chance: number } | null;
}

/** A lottery-ticket run: iterative magnitude pruning of LeNet-300-100 on MNIST, round by round. */
export interface LotteryRunRecord extends RunBase {
  kind: 'lottery';
  seed: number;
  /** Rounds the run was asked for (a cancelled run has fewer). */
  plannedRounds: number;
  /** Every finished round of every variant, the dense trunk first. */
  rounds: LotteryRunRound[];
}

/** One transfer measurement: a method learning the target from `labeled` examples. */
export interface TransferRunResult {
  method: 'scratch' | 'frozen' | 'finetune';
  labeled: number;
  /** Accuracy on the target's whole test split, 0..1. */
  accuracy: number;
  testCount: number;
  /** Accuracy on the target's validation split, 0..1 (what settings were chosen on). */
  validationAccuracy: number;
  validationCount: number;
  steps: number;
  /** Training FLOPs on the target (pretraining not included). */
  flops: number;
  /** Wall-clock milliseconds the method took. */
  ms: number;
  /** Parameters the method trained. */
  trainedParams: number;
  /** Fraction of the pretrained extractor pruned before use (0: dense). */
  extractorSparsity: number;
}

/** A transfer run: a source pretrained once, the target learned three ways. */
export interface TransferRunRecord extends RunBase {
  kind: 'transfer';
  task: string;
  pretraining: string;
  seed: number;
  /** The extractor sparsity the run was asked for (0: dense). */
  extractorSparsity: number;
  /** The largest number of labels measured (the slider's value). */
  labels: number;
  results: TransferRunResult[];
}

export type RunRecord = TrainingRunRecord | LotteryRunRecord | TransferRunRecord;

/** What the run list needs of a training run: all but its curves and points, which are read
 * only when the run is compared or exported. 1,000 summaries are read in one go; 1,000 whole runs
 * took seconds (measured: 4-5 s for IndexedDB's getAll of 1,000 realistic records). */
export interface TrainingRunSummary extends Omit<TrainingRunRecord, 'curves' | 'points'> {
  pointCount: number;
  /** The smallest compressed point within `bestPointTolerance` of the run's accuracy (the
   * smallest of all when none is that close); null when no point was measured. */
  bestPoint: RunCompressionPoint | null;
  /** The tolerance bestPoint was picked with (accuracy fraction). Summaries written before it
   * was stored used 0.01. */
  bestPointTolerance?: number;
  /** False when no point was within the tolerance, so bestPoint is just the smallest. */
  bestPointWithin?: boolean;
}

/** A lottery run's line in the list: how far it got and its sparsest ticket against dense. */
export interface LotteryRunSummary extends Omit<LotteryRunRecord, 'rounds'> {
  /** Pruning rounds finished by the ticket (rewind to init), or by any variant without one. */
  roundsDone: number;
  /** The sparsest round of the ticket (or of the first variant when the run had no ticket). */
  sparsest: { variant: string; round: number; percentRemaining: number; accuracy: number } | null;
  /** The dense trunk's test accuracy, 0..1; null when the run stopped before it. */
  denseAccuracy: number | null;
}

/** A transfer run's line: frozen extractor against scratch at 100 labels (or the nearest count). */
export interface TransferRunSummary extends Omit<TransferRunRecord, 'results'> {
  resultCount: number;
  /** The label count compared: 100 when measured, else the measured count nearest to it. */
  comparedAt: number | null;
  /** Accuracies there, 0..1: the frozen dense extractor, from scratch, and (when the run pruned
   * the extractor) the frozen pruned one. */
  frozen: number | null;
  scratch: number | null;
  frozenPruned: number | null;
}

export type RunSummary = TrainingRunSummary | LotteryRunSummary | TransferRunSummary;

/** Where runs are kept: IndexedDB in the page, a Map in tests and as the fallback. */
export interface HistoryAdapter {
  /** 'indexeddb' survives reloads; 'memory' lasts as long as the tab. */
  readonly kind: 'indexeddb' | 'memory';
  list(): Promise<RunSummary[]>;
  /** The whole run, curves and points included; undefined when it is not kept. */
  get(id: string): Promise<RunRecord | undefined>;
  /** Writes the run and its summary together. */
  put(record: RunRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Hears what other tabs change in the store, and that it opened again after a wait; returns
   * the call that stops listening. Absent where the store is this tab's alone (memory). */
  watch?(listener: (change: StoreChange) => void): () => void;
}

/** A change to a store that several tabs share. */
export type StoreChange =
  /** Another tab wrote this run (new, renamed, or with new compression points). */
  | { kind: 'put'; summary: RunSummary }
  /** Another tab deleted this run. */
  | { kind: 'removed'; id: string }
  /** The store opened again after a write gave up waiting for it: unsaved runs can go in now. */
  | { kind: 'reopened' };
