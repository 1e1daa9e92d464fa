// The transfer lab's state: the "Labelled examples" slider, the run in flight and every result
// so far (one per method, number of labels and extractor sparsity, for the current seed). Written
// against the seed it reads and a bridge passed in (as lotteryRun.ts is), so unit tests run it in
// Node without the page's worker bridge; transferSlice.ts plugs in the real one.
import type { PretrainingId } from '../../engine/transfer/pretraining';
import type { TransferPretrainInfo, TransferPruneInfo, TransferResult, TransferTaskId } from '../../worker/transfer-protocol';
import { toUserMessage } from '../../shared/errors';
import { TRANSFER_LINK_DEFAULTS, type TransferLinkState } from '../../url/transferFields';
import type { EngineBridge } from '../../store/bridge';

/** The slider's stops: roughly 1-2-5 steps, so a log scale with round numbers. */
export const LABEL_STOPS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;
/** Besides the slider's value, these smaller counts are measured too, so each run draws a curve. */
const CURVE_COUNTS = [10, 100, 1000];

export function labelCountsUpTo(n: number): number[] {
  return [...new Set([...CURVE_COUNTS.filter((c) => c < n), n])];
}

/** The task, extractor sparsity and pretraining are the link's (src/url/transferFields: type,
 * defaults, link keys); changing the task or pretraining drops the results measured with the other. */
export interface TransferSlice extends TransferLinkState {
  transferLabels: number;
  transferRunning: boolean;
  transferStage: { message: string; fraction: number } | null;
  transferPretrained: TransferPretrainInfo | null;
  /** What the last run's pruning did to the extractor; null when it ran dense. */
  transferPruned: TransferPruneInfo | null;
  transferResults: TransferResult[];
  /** The experiment the kept results (and pretraining info) were measured with; views show them
   * only while the controls ask for the same (shown.ts). */
  transferResultsFor: TransferExperiment | null;
  transferError: string | null;
  /** The last run that measured something, as it ended (the History keeps it); null before. */
  transferOutcome: TransferRunOutcome | null;
  setTransferLabels(n: number): void;
  setTransferSparsity(sparsity: number): void;
  setTransferTask(task: TransferTaskId): void;
  setTransferPretraining(pretraining: PretrainingId): void;
  /** Results belong to one task and pretraining: when either changes (control or link) they are
   * dropped and a run in flight is cancelled. The worker keeps each pretraining it has done. */
  clearTransferResults(): void;
  runTransfer(): Promise<void>;
  cancelTransfer(): void;
}

/** What a transfer result belongs to besides its own method, labels and extractor sparsity. */
export interface TransferExperiment {
  task: TransferTaskId;
  pretraining: PretrainingId;
  seed: number;
}

const sameRun = (a: TransferResult, b: TransferResult) => a.method === b.method && a.labeled === b.labeled && a.extractorSparsity === b.extractorSparsity;

/** A finished (or cancelled) run: what it measured and with what. */
export interface TransferRunOutcome extends TransferExperiment {
  status: 'done' | 'cancelled';
  /** The slider's value when it started (the largest count measured) and the extractor sparsity. */
  labels: number;
  extractorSparsity: number;
  /** This run's own results (the view may also show earlier runs' of the same experiment). */
  results: TransferResult[];
  seconds: number;
}

/** The transfer calls of the engine bridge. */
export type TransferBridge = Pick<EngineBridge, 'runTransfer' | 'cancelTransfer'>;

/** The parts of the app store the transfer actions read besides their own. */
export type TransferHost = TransferSlice & { spec: { seed: number } };

type Set = (partial: Partial<TransferSlice> | ((s: TransferHost) => Partial<TransferSlice>)) => void;

export const transferActions = (set: Set, get: () => TransferHost, bridge: () => TransferBridge): TransferSlice => ({
  ...TRANSFER_LINK_DEFAULTS,
  transferLabels: 100,
  transferRunning: false,
  transferStage: null,
  transferPretrained: null,
  transferPruned: null,
  transferResults: [],
  transferResultsFor: null,
  transferError: null,
  transferOutcome: null,

  setTransferLabels: (n) => set({ transferLabels: n }),

  setTransferSparsity: (sparsity) => set({ transferSparsity: sparsity }),

  setTransferTask: (task) => set({ transferTask: task }),

  setTransferPretraining: (pretraining) => set({ transferPretraining: pretraining }),

  clearTransferResults() {
    if (get().transferRunning) void bridge().cancelTransfer();
    set({ transferResults: [], transferResultsFor: null, transferPretrained: null, transferPruned: null, transferStage: null, transferError: null });
  },

  async runTransfer() {
    if (get().transferRunning) return;
    const task = get().transferTask;
    const pretraining = get().transferPretraining;
    // A run's reports are dropped once the task or the pretraining has changed under it.
    const current = () => get().transferTask === task && get().transferPretraining === pretraining;
    const sparsity = get().transferSparsity;
    const seed = get().spec.seed;
    const labels = get().transferLabels;
    const started = Date.now();
    const previous = get().transferResultsFor;
    const same = previous !== null && previous.task === task && previous.pretraining === pretraining && previous.seed === seed;
    // One pruned level on screen at a time, beside the dense runs it is compared with; results of
    // another experiment (another seed) are not kept beside these.
    set((s) => ({
      transferRunning: true,
      transferError: null,
      transferStage: { message: 'Starting…', fraction: 0 },
      transferPruned: null,
      transferResultsFor: { task, pretraining, seed },
      transferResults: same ? s.transferResults.filter((r) => r.extractorSparsity === 0 || r.extractorSparsity === sparsity) : [],
    }));
    try {
      const outcome = await bridge().runTransfer(
        { task, pretraining, labelCounts: labelCountsUpTo(labels), seed, extractorSparsity: sparsity },
        {
          onPruned: (info) => current() && set({ transferPruned: info }),
          onStage: (message, fraction) => current() && set({ transferStage: { message, fraction } }),
          onPretrained: (info) => current() && set({ transferPretrained: info }),
          onResult: (r) => current() && set((s) => ({ transferResults: [...s.transferResults.filter((p) => !sameRun(p, r)), r] })),
        },
      );
      if (!current()) return;
      const message = outcome.status === 'cancelled' ? 'Cancelled; the results so far are kept.' : `Done: ${outcome.results.length} runs measured.`;
      const kept: TransferRunOutcome | null =
        outcome.results.length > 0
          ? { task, pretraining, seed, status: outcome.status, labels, extractorSparsity: sparsity, results: outcome.results, seconds: (Date.now() - started) / 1000 }
          : null;
      set({ transferStage: { message, fraction: 0 }, ...(kept ? { transferOutcome: kept } : {}) });
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
