// The transfer lab's state: the "Labeled examples" slider, the run in flight and every result
// so far (one per method and number of labels, for the current seed).
import type { StateCreator } from 'zustand';
import type { TransferPretrainInfo, TransferResult } from '../worker/transfer-protocol';
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
  transferLabels: number;
  transferRunning: boolean;
  transferStage: { message: string; fraction: number } | null;
  transferPretrained: TransferPretrainInfo | null;
  transferResults: TransferResult[];
  transferError: string | null;
  setTransferLabels(n: number): void;
  runTransfer(): Promise<void>;
  cancelTransfer(): void;
}

const sameRun = (a: TransferResult, b: TransferResult) => a.method === b.method && a.labeled === b.labeled;

export const createTransferSlice: StateCreator<AppState, [], [], TransferSlice> = (set, get) => ({
  transferLabels: 100,
  transferRunning: false,
  transferStage: null,
  transferPretrained: null,
  transferResults: [],
  transferError: null,

  setTransferLabels: (n) => set({ transferLabels: n }),

  async runTransfer() {
    if (get().transferRunning) return;
    set({ transferRunning: true, transferError: null, transferStage: { message: 'Starting…', fraction: 0 } });
    try {
      const outcome = await bridge().runTransfer(
        { labelCounts: labelCountsUpTo(get().transferLabels), seed: get().spec.seed },
        {
          onStage: (message, fraction) => set({ transferStage: { message, fraction } }),
          onPretrained: (info) => set({ transferPretrained: info }),
          onResult: (r) => set((s) => ({ transferResults: [...s.transferResults.filter((p) => !sameRun(p, r)), r] })),
        },
      );
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
