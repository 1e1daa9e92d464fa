// Types of the lottery lab that cross the worker boundary: plain numbers, strings and typed
// arrays. The page asks with a LotteryRequest and hears back round by round.
import type { LotteryProgress, LotteryRecipeId, LotteryRoundResult, LotterySettingsInput, VariantId } from '../engine/lottery';
import type { Mask } from '../engine/pruning/mask';
import type { WeightArray } from '../engine/spec/types';
import type { DataStatus } from './protocol';

export type { LotteryRoundResult, LotteryProgress, VariantId };

/** What the page asks for. The model is always LeNet-300-100 on MNIST, batch 60; the seed, the
 * training recipe and the lottery settings are the student's. */
export interface LotteryRequest {
  seed: number;
  /** How the trunk and every round train (default 'adam': Frankle & Carbin's constant Adam rate). */
  recipe?: LotteryRecipeId;
  settings: LotterySettingsInput;
  /** Train on the first N of the 55,000 training images (quick demos); undefined: all. */
  trainLimit?: number;
  /** Hidden widths (default 300-100); narrower nets make fast tests. */
  hidden?: number[];
}

export interface MaskOverlap {
  /** For the ticket's own round: one-shot pruning of the trained dense weights to the same
   * sparsity. For the other variants: the ticket's mask. */
  against: 'one-shot' | 'ticket';
  jaccard: number;
  /** What random masks of the same per-layer sizes would share on average. */
  chance: number;
}

/** One finished round as the charts need it. */
export interface LotteryRoundMessage {
  result: LotteryRoundResult;
  /** How much this round's mask agrees with the ticket's (rewind to init) mask of the same round,
   * as a Jaccard overlap |A ∩ B| / |A ∪ B|, with the chance level of two random masks of the same
   * per-layer sizes; null where it says nothing (see maskOverlaps in lottery-session). */
  overlap: MaskOverlap | null;
  /** Per input pixel, the share of its first-layer weights that survive (784 values), or null
   * when the first layer is not a dense layer over pixels. */
  firstLayerSurvivors: Float32Array | null;
  /** True when this round's retrained weights were kept, so "Compress this ticket" can use them. */
  ticketKept: boolean;
}

export interface LotteryProgressMessage extends LotteryProgress {
  /** Seconds since this run (or its resumed part) started. */
  secondsElapsed: number;
  /** Wall-clock estimate of the time left, evaluation included; null before the first steps. */
  secondsLeft: number | null;
  /** Training steps per second over the run so far. */
  stepsPerSecond: number;
}

export type LotteryRunState = 'loading-data' | 'running' | 'done' | 'cancelled';

export interface LotteryHandlers {
  onState(state: LotteryRunState): void;
  onRound(round: LotteryRoundMessage): void;
  onProgress(progress: LotteryProgressMessage): void;
  onData?(status: DataStatus): void;
  /** Where the run's state was saved for a reload (or why it could not be). */
  onSaved?(note: SaveNote): void;
}

export interface SaveNote {
  ok: boolean;
  /** A sentence: "Saved after round 3 of 5." or why nothing could be saved. */
  message: string;
}

export interface LotteryOutcome {
  status: 'done' | 'cancelled';
  rounds: number;
  seconds: number;
}

/** One saved run as a reload finds it (or nothing, or why storage cannot be read). */
export type SavedLotteryInfo =
  | { status: 'none' }
  | { status: 'unavailable'; reason: string }
  | SavedRunInfo;

/** A run kept in this browser under its id: resumable, or a sentence that says why not. */
export type SavedRunInfo =
  | { status: 'incompatible'; id: string; reason: string; savedAt: number }
  | {
      status: 'resumable';
      id: string;
      request: LotteryRequest;
      savedAt: number;
      /** Finished rounds of the whole plan (trunk included) and the plan's size. */
      unitsDone: number;
      unitCount: number;
      fraction: number;
    };

/** Every run saved in this browser (by any tab), newest first, or why none can be read. */
export type SavedLotteries = { status: 'unavailable'; reason: string } | { status: 'listed'; runs: SavedRunInfo[] };

/** A found ticket handed to the compression lab. */
export interface TicketSpec {
  variant: VariantId;
  round: number;
}

export interface TicketHandoff {
  weights: WeightArray[];
  masks: Mask[];
}
