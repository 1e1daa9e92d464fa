// "Fine-tune": retrain the pruned model with its mask held (quantization-aware at <= 4 bits)
// for a few epochs, in the worker, and add the recovered point to the chart next to the
// post-training one. The sliders keep working meanwhile.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { settingsKey, toCompressionSettings } from '../../url/compressControls';
import { labPoint, type LabPoint } from './shown';
import { toUserMessage } from '../../shared/errors';
import type { AppState } from '../../store/types';

export interface FineTuneState {
  running: boolean;
  step: number;
  total: number;
  epochs: number;
  /** performance.now() when it started, for the time left. */
  startedAt: number;
  result: LabPoint | null;
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
    const modelId = s.labModelId;
    const epochs = s.fineTuneEpochs;
    const settings = toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0);
    set({ fineTune: { running: true, step: 0, total: 0, epochs, startedAt: performance.now(), result: null, error: null } });
    const mine = () => get().labModelId === modelId;
    try {
      const point = await bridge().fineTune(settings, epochs, {
        onProgress: (step, total) => {
          const f = get().fineTune;
          if (mine() && f?.running) set({ fineTune: { ...f, step, total } });
        },
      });
      if (!mine()) return;
      const tuned = labPoint(point, modelId);
      set((st) => ({
        points: [...st.points.filter((p) => p.key !== tuned.key), tuned],
        fineTune: { ...st.fineTune!, running: false, step: st.fineTune!.total, result: tuned },
      }));
      // The fine-tuned model becomes the current one (card, Look inside, downloads, link), unless
      // the controls moved on while it trained.
      const now = get();
      if (settingsKey(toCompressionSettings({ ...now.compressUi, fineTuned: 0 }, now.runSpec?.seed ?? 0)) === settingsKey(settings)) {
        now.setCompressUi({ fineTuned: epochs });
      }
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
