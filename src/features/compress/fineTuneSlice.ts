// "Fine-tune": retrain the pruned model with its mask held (quantization-aware at <= 4 bits)
// for a few epochs, in the worker, and add the recovered point to the chart next to the
// post-training one. The sliders keep working meanwhile.
import type { StateCreator } from 'zustand';
import type { CompressionPoint } from '../../worker/compression-protocol';
import { bridge } from '../../store/bridge';
import { pointKey, toCompressionSettings } from '../../url/compressControls';
import { toUserMessage } from '../../shared/errors';
import type { AppState } from '../../store/types';

export interface FineTuneState {
  running: boolean;
  step: number;
  total: number;
  epochs: number;
  /** The figure before fine-tuning, for the "was" in the result sentence. */
  before: number | null;
  result: CompressionPoint | null;
  error: string | null;
}

export interface FineTuneSlice {
  fineTuneEpochs: number;
  fineTune: FineTuneState | null;
  setFineTuneEpochs(epochs: number): void;
  startFineTune(): Promise<void>;
  cancelFineTune(): void;
}

export const FINE_TUNE_EPOCHS = { min: 1, max: 10, default: 2 } as const;

export const createFineTuneSlice: StateCreator<AppState, [], [], FineTuneSlice> = (set, get) => ({
  fineTuneEpochs: FINE_TUNE_EPOCHS.default,
  fineTune: null,

  setFineTuneEpochs(epochs) {
    if (Number.isInteger(epochs) && epochs >= FINE_TUNE_EPOCHS.min && epochs <= FINE_TUNE_EPOCHS.max) set({ fineTuneEpochs: epochs });
  },

  async startFineTune() {
    const s = get();
    if (s.baselineStatus !== 'ready' || s.fineTune?.running) return;
    const runId = s.baselineRunId;
    const epochs = s.fineTuneEpochs;
    const settings = toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0);
    const before = s.current && !s.current.estimate ? s.current.accuracy : null;
    set({ fineTune: { running: true, step: 0, total: 0, epochs, before, result: null, error: null } });
    const mine = () => get().baselineRunId === runId;
    try {
      const point = await bridge().fineTune(settings, epochs, {
        onProgress: (step, total) => {
          const f = get().fineTune;
          if (mine() && f?.running) set({ fineTune: { ...f, step, total } });
        },
      });
      if (!mine()) return;
      const key = pointKey(point);
      set((st) => ({
        points: [...st.points.filter((p) => pointKey(p) !== key), point],
        fineTune: { ...st.fineTune!, running: false, step: st.fineTune!.total, result: point },
      }));
    } catch (error) {
      if (!mine()) return;
      const text = toUserMessage(error, 'Fine-tuning failed');
      const cancelled = /cancel|abort/i.test(text);
      set((st) => ({ fineTune: { ...st.fineTune!, running: false, error: cancelled ? 'Fine-tuning was cancelled; nothing was added to the chart.' : text } }));
    }
  },

  cancelFineTune() {
    void bridge().cancelFineTune();
  },
});
