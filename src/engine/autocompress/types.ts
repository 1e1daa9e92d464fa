// What the auto-compress search takes and gives back: plain data, so it crosses the worker
// boundary and goes into a report file as it is.
import type { QuantizationSettings } from '../quantization/types';
import type { PolishChoice } from './choice';

export type AutoCompressPresetId = 'quick' | 'quick-polish' | 'quick-distill' | 'quick-tuned' | 'full' | 'full-distill' | 'full-distill-wide' | 'full-distill-tuned' | 'full-distill-tuned-close' | 'full-distill-tuned-floor' | 'full-distill-tuned-int-biases';

export interface AutoCompressSettings {
  /** Accuracy budget: how many percentage points of accuracy below the reference model a
   * candidate may lose (0.3 = 0.3 pt), on the validation split's search half while searching and
   * on its held-out half, with a margin, for the final choice (holdout.ts). */
  budgetPoints: number;
  preset: AutoCompressPresetId;
  /** Drives the fine-tuning data order of every round (with the round number) and the split of
   * the validation images into the search and held-out halves. */
  seed: number;
  /** Stop after this many rounds (default: the preset's). A share link carries the rounds a
   * time-limited search ran, so a rerun stops where it stopped. */
  maxRounds?: number;
  /** Polish at most this many masks (default: the preset's); a share link carries how many a
   * time-limited search polished, as it does its rounds. */
  maxPolished?: number;
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
  /** After the rounds, up to `masks` of the accepted rounds' masks are each retrained for
   * `epochs` from their weights at the reference's learning rate, multiplied by `gamma` after
   * every epoch, and their bit widths searched again within `budgetShare` of the budget on the
   * search half: the sparsest first, then going back, each next one keeping at least `spacing`
   * times the weights of the one before (polishPicks). Null: none. */
  polish: {
    masks: number;
    epochs: number;
    gamma: number;
    spacing: number;
    budgetShare: number;
    /** Then the shared values of the bit search's result are trained (centroids.ts) for `epochs`
     * at `learningRateScale` x the reference's rate, multiplied by `gamma` after every epoch.
     * The trained model becomes the mask's final one when it clears the polish's floor on the
     * search half and, with `keep` 'not-worse' (or absent), also scores at least what the model
     * before it scored there; with 'above-floor' the floor alone decides. */
    centroids?: { epochs: number; learningRateScale: number; gamma: number; keep?: 'not-worse' | 'above-floor' };
  } | null;
  /** Every fine-tuning (rounds and polish) trains towards (1 - weight) x the label + weight x the
   * reference's class probabilities (distill.ts). Null or absent: labels only. */
  distill?: { weight: number } | null;
  /** How the final choice looks at the polish results (choice.ts); absent: 'last-step'. */
  polishChoice?: PolishChoice;
  /** The biases' formats the bit search chooses among (ladders.ts): 'float' (or absent) float16
   * and float32; 'integer' also 8- and 4-bit symmetric integers. */
  biases?: 'float' | 'integer';
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

export type CandidateStage = 'start' | 'bits' | 'broke-budget' | 'polish';

export interface AutoCompressCandidate {
  /** Order in which candidates were measured, from 0. */
  index: number;
  /** The pruning round it belongs to (0: the reference's own weights; a polish stage counts on
   * after the last round). */
  round: number;
  stage: CandidateStage;
  /** Length of the real encoded file, biases included. */
  bytes: number;
  /** Dense float32 bytes / bytes. */
  ratio: number;
  /** Fraction of all kernel weights pruned. */
  sparsity: number;
  /** Fraction 0..1 on the validation split's search half (the test split is never read for
   * choosing). */
  validationAccuracy: number;
  /** Within the budget on the search half (what the search steers by). */
  withinBudget: boolean;
  /** For candidates within the budget on the search half: the drop against the reference on
   * the held-out half, with its standard error (points), and whether it qualifies for the final
   * choice (drop + one standard error within the budget). */
  heldOut?: { accuracy: number; dropPoints: number; standardErrorPoints: number; qualifies: boolean };
  layers: LayerChoice[];
}

export interface AutoCompressProgress {
  round: number;
  maxRounds: number;
  /** Pruning rate of the current round. */
  rate: number;
  phase: 'reference' | 'prune' | 'fine-tune' | 'bits' | 'polish' | 'centroids' | 'test';
  /** 0..1, by rounds and polished masks (the time budget, if any, may end the search earlier). */
  fraction: number;
  elapsedMs: number;
  /** While polishing: which of how many masks (from 0). */
  polish?: { index: number; count: number };
}

export type StopReason = 'rounds' | 'rate' | 'time';

/** How the result was chosen: 'polished' a polish result that qualifies on the held-out half
 * (by the plan's polishChoice, choice.ts); 'held-out' the smallest candidate
 * that qualifies on the held-out half (for 'sequence' plans: the smallest the walk along the rounds'
 * path passes); 'closest' none did (or the walk passed none), so the one with the smallest held-out drop +
 * standard error;
 * 'none-within-budget' not even the search half's budget was met, so the most accurate. */
export type ChoiceRule = 'polished' | 'held-out' | 'closest' | 'none-within-budget';

export interface AutoCompressResult {
  settings: AutoCompressSettings;
  plan: AutoCompressPlan;
  /** The chosen candidate (see `choice`). */
  best: AutoCompressCandidate;
  choice: ChoiceRule;
  /** Measured once, on the test split, for the best candidate. */
  testAccuracy: number;
  /** The reference measured on the same images as the candidates: the search half, the
   * held-out half, the test split. */
  reference: { validationAccuracy: number; heldOutAccuracy: number; testAccuracy: number; denseBytes: number };
  /** Images in the validation split's two halves. */
  halves: { search: number; holdout: number };
  candidates: AutoCompressCandidate[];
  /** Masks whose polish finished: maxPolished of a rerun that stops here. */
  polishedRun: number;
  /** Rounds the search ran (failed ones included): maxRounds of a rerun that stops here. */
  roundsRun: number;
  stoppedBy: StopReason;
  elapsedMs: number;
}
