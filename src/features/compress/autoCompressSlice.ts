// "Auto-compress": the worker searches for the smallest encoded model within an accuracy budget
// (engine/autocompress, quick preset) and streams every candidate; the path stays on the chart.
// The result becomes the current model (card, Look inside, downloads, link): the controls then
// ask for it by its budget and rounds (compressUi.auto), so the store rule (shown.ts) holds.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { toUserMessage } from '../../shared/errors';
import type { AppState } from '../../store/types';
import type { AutoCompressCandidate, AutoCompressProgress } from '../../engine/autocompress/types';
import { PAGE_PRESET } from '../../engine/autocompress/plans';
import { labPoint, type LabPoint } from './shown';

export interface AutoCompressState {
  running: boolean;
  /** The lab model the search ran on: its path is drawn only on that model's chart. */
  modelId: number;
  budgetPoints: number;
  /** Every candidate measured so far, in order (validation accuracy). */
  candidates: AutoCompressCandidate[];
  progress: AutoCompressProgress | null;
  timeBudgetS: number;
  startedAt: number;
  result: LabPoint | null;
  stoppedBy: 'rounds' | 'rate' | 'time' | null;
  error: string | null;
}

export interface AutoCompressSlice {
  autoCompress: AutoCompressState | null;
  /** The "Time budget" input, seconds. */
  autoTimeBudgetS: number;
  setAutoTimeBudget(seconds: number): void;
  /** Searches with the budget the controls hold; `rerun` keeps the link's rounds (reproduces it). */
  startAutoCompress(rerun?: boolean): Promise<void>;
  cancelAutoCompress(): void;
}

export const AUTO_TIME_BUDGET_S = { min: 10, max: 1800, default: 180 } as const;

export const createAutoCompressSlice: StateCreator<AppState, [], [], AutoCompressSlice> = (set, get) => ({
  autoCompress: null,
  autoTimeBudgetS: AUTO_TIME_BUDGET_S.default,

  setAutoTimeBudget(seconds) {
    if (Number.isFinite(seconds) && seconds >= AUTO_TIME_BUDGET_S.min && seconds <= AUTO_TIME_BUDGET_S.max) set({ autoTimeBudgetS: seconds });
  },

  async startAutoCompress(rerun = false) {
    const s = get();
    if (s.baselineStatus !== 'ready' || s.autoCompress?.running) return;
    const modelId = s.labModelId;
    const budgetPoints = s.compressUi.autoBudget;
    // A link's rerun stops where the linked search stopped; a new search has the time budget.
    const maxRounds = rerun && s.compressUi.auto ? s.compressUi.autoRounds : undefined;
    const preset = rerun && s.compressUi.auto ? s.compressUi.autoPreset : PAGE_PRESET;
    const maxPolished = maxRounds === undefined ? undefined : s.compressUi.autoPolished;
    const timeBudgetS = s.autoTimeBudgetS;
    set({ autoCompress: { running: true, modelId, budgetPoints, candidates: [], progress: null, timeBudgetS, startedAt: performance.now(), result: null, stoppedBy: null, error: null } });
    const mine = () => get().labModelId === modelId && get().autoCompress?.modelId === modelId;
    const update = (patch: Partial<AutoCompressState>) => {
      const a = get().autoCompress;
      if (mine() && a) set({ autoCompress: { ...a, ...patch } });
    };
    try {
      const { result, point } = await bridge().autoCompress(
        { budgetPoints, maxRounds, preset, maxPolished, timeBudgetMs: maxRounds === undefined ? timeBudgetS * 1000 : undefined },
        {
          onCandidate: (c) => update({ candidates: [...(get().autoCompress?.candidates ?? []), c] }),
          onProgress: (p) => update({ progress: p }),
        },
      );
      if (!mine()) return;
      const found = labPoint(point, modelId);
      set((st) => ({ points: [...st.points.filter((p) => p.key !== found.key), found] }));
      update({ running: false, result: found, stoppedBy: result.stoppedBy });
      // The found model becomes the current one; the link then carries its budget and rounds.
      get().setCompressUi({ auto: true, autoBudget: budgetPoints, autoRounds: result.roundsRun, autoPreset: preset, autoPolished: result.polishedRun, fineTuned: 0 });
    } catch (error) {
      const text = toUserMessage(error, 'Auto-compress failed');
      const cancelled = /cancel|abort/i.test(text);
      update({ running: false, error: cancelled ? 'Auto-compress was cancelled; the candidates found so far stay on the chart, the model is unchanged.' : text });
    }
  },

  cancelAutoCompress() {
    void bridge().cancelAutoCompress();
  },
});
