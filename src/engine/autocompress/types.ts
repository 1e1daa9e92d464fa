// What the auto-compress search takes and gives back: plain data, so it crosses the worker
// boundary and goes into a report file as it is.
import type { QuantizationSettings } from '../quantization/types';

export type AutoCompressPresetId = 'quick' | 'full';

export interface AutoCompressSettings {
  /** Accuracy budget: how many percentage points of validation accuracy below the reference
   * model a candidate may lose (0.3 = 0.3 pt). */
  budgetPoints: number;
  preset: AutoCompressPresetId;
  /** Drives the fine-tuning data order of every round (with the round number). */
  seed: number;
  /** Stop after this many rounds (default: the preset's). A share link carries the rounds a
   * time-limited search ran, so a rerun stops where it stopped. */
  maxRounds?: number;
}

/** How a search runs; the presets are in plans.ts. */
export interface AutoCompressPlan {
  maxRounds: number;
  /** Fraction of each chosen layer's remaining weights pruned in the first round. */
  startRate: number;
  /** A round that breaks the budget is undone and the rate halved; below this the search ends. */
  minRate: number;
  /** Epochs of masked fine-tuning after each pruning step. */
  fineTuneEpochs: number;
  /** Multiplies the reference's learning rate for fine-tuning. */
  learningRateScale: number;
  /** Validation images each layer's pruning sensitivity is measured on (losses only). */
  sensitivityImages: number;
  /** A layer is pruned in a round when its cost per weight is at most this times the best one. */
  sensitivitySlack: number;
}

/** The setting one layer (a kernel and its bias) was stored with in a candidate. */
export interface LayerChoice {
  /** The kernel's name, e.g. "dense_0/kernel". */
  name: string;
  /** Fraction of the kernel's weights pruned. */
  sparsity: number;
  kept: number;
  count: number;
  quantization: QuantizationSettings;
  bias: QuantizationSettings;
}

export type CandidateStage = 'start' | 'bits' | 'broke-budget';

export interface AutoCompressCandidate {
  /** Order in which candidates were measured, from 0. */
  index: number;
  /** The pruning round it belongs to (0: the reference's own weights). */
  round: number;
  stage: CandidateStage;
  /** Length of the real encoded file, biases included. */
  bytes: number;
  /** Dense float32 bytes / bytes. */
  ratio: number;
  /** Fraction of all kernel weights pruned. */
  sparsity: number;
  /** Fraction 0..1 on the whole validation split (the test split is never read for choosing). */
  validationAccuracy: number;
  withinBudget: boolean;
  layers: LayerChoice[];
}

export interface AutoCompressProgress {
  round: number;
  maxRounds: number;
  /** Pruning rate of the current round. */
  rate: number;
  phase: 'reference' | 'prune' | 'fine-tune' | 'bits' | 'test';
  /** 0..1, by rounds (the time budget, if any, may end the search earlier). */
  fraction: number;
  elapsedMs: number;
}

export type StopReason = 'rounds' | 'rate' | 'time';

export interface AutoCompressResult {
  settings: AutoCompressSettings;
  plan: AutoCompressPlan;
  /** The smallest candidate within the budget (or, if none was, the most accurate one). */
  best: AutoCompressCandidate;
  /** Measured once, on the test split, for the best candidate. */
  testAccuracy: number;
  reference: { validationAccuracy: number; testAccuracy: number; denseBytes: number };
  candidates: AutoCompressCandidate[];
  /** Rounds the search ran (failed ones included): maxRounds of a rerun that stops here. */
  roundsRun: number;
  stoppedBy: StopReason;
  elapsedMs: number;
}
