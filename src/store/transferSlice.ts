// The transfer lab's state: the "Labeled examples" slider, the run in flight and every result
// so far (one per method, number of labels and extractor sparsity, for the current seed).
import type { StateCreator } from 'zustand';
import type { TransferPretrainInfo, TransferPruneInfo, TransferResult, TransferTaskId } from '../worker/transfer-protocol';
import { bridge } from './bridge';
import { toUserMessage } from './errors';
import type { AppState } from './types';

/** The slider's stops: roughly 1-2-5 steps, so a log scale with round numbers. */
export const LABEL_STOPS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
/** Besides the slider's value, these smaller counts are measured too, so each run draws a curve. */
const CURVE_COUNTS = [10, 100, 1000];

export function labelCountsUpTo(n: number): number[] {
  return [...new Set([...CURVE_COUNTS.filter((c) => c < n), n])];
}

export interface TransferSlice {
  /** Which source -> target pair; in the share link as `transfer_task`. */
  transferTask: TransferTaskId;
  transferLabels: number;
  /** Fraction of the pretrained extractor pruned before transfer (EXTRACTOR_SPARSITY_STOPS); in
   * the share link as `transfer_prune` (percent). */
  transferSparsity: number;
  transferRunning: boolean;
  transferStage: { message: string; fraction: number } | null;
  transferPretrained: TransferPretrainInfo | null;
  /** What the last run's pruning did to the extractor; null when it ran dense. */
  transferPruned: TransferPruneInfo | null;
  transferResults: TransferResult[];
  transferError: string | null;
  setTransferLabels(n: number): void;
  setTransferSparsity(sparsity: number): void;
  setTransferTask(task: TransferTaskId): void;
  /** Results belong to one task: when the task changes (control or link) they are dropped and a
   * run in flight is cancelled. The worker keeps its pretraining for each task. */
  clearTransferResults(): void;
  runTransfer(): Promise<void>;
  cancelTransfer(): void;
}

const sameRun = (a: TransferResult, b: TransferResult) => a.method === b.method && a.labeled === b.labeled && a.extractorSparsity === b.extractorSparsity;

export const createTransferSlice: StateCreator<AppState, [], [], TransferSlice> = (set, get) => ({
  transferTask: 'digits',
  transferLabels: 100,
  transferSparsity: 0,
  transferRunning: false,
  transferStage: null,
  transferPretrained: null,
  transferPruned: null,
  transferResults: [],
  transferError: null,

  setTransferLabels: (n) => set({ transferLabels: n }),

  setTransferSparsity: (sparsity) => set({ transferSparsity: sparsity }),

  setTransferTask: (task) => set({ transferTask: task }),

  clearTransferResults() {
    if (get().transferRunning) void bridge().cancelTransfer();
    set({ transferResults: [], transferPretrained: null, transferPruned: null, transferStage: null, transferError: null });
  },

  async runTransfer() {
    if (get().transferRunning) return;
    const task = get().transferTask;
    const current = () => get().transferTask === task;
    const sparsity = get().transferSparsity;
    // One pruned level on screen at a time, beside the dense runs it is compared with.
    set((s) => ({
      transferRunning: true,
      transferError: null,
      transferStage: { message: 'Starting…', fraction: 0 },
      transferPruned: null,
      transferResults: s.transferResults.filter((r) => r.extractorSparsity === 0 || r.extractorSparsity === sparsity),
    }));
    try {
      const outcome = await bridge().runTransfer(
        { task: get().transferTask, labelCounts: labelCountsUpTo(get().transferLabels), seed: get().spec.seed, extractorSparsity: sparsity },
        {
          onPruned: (info) => current() && set({ transferPruned: info }),
          onStage: (message, fraction) => current() && set({ transferStage: { message, fraction } }),
          onPretrained: (info) => current() && set({ transferPretrained: info }),
          onResult: (r) => current() && set((s) => ({ transferResults: [...s.transferResults.filter((p) => !sameRun(p, r)), r] })),
        },
      );
      if (!current()) return;
      const message = outcome.status === 'cancelled' ? 'Cancelled; the results so far are kept.' : `Done: ${outcome.results.length} runs measured.`;
      set({ transferStage: { message, fraction: 0 } });
    } catch (error) {
      set({ transferError: toUserMessage(error, 'The transfer run stopped'), transferStage: null });
    } finally {
      set({ transferRunning: false });
    }
  },

  cancelTransfer() {
    if (get().transferRunning) void bridge().cancelTransfer();
  },
});
