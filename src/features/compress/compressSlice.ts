// The compression lab's state: the controls, the trained model's baseline, the figure for the
// controls as set and every point measured so far. The worker always compresses the latest
// trained model, so everything here belongs to one training run and is dropped with it.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { DEFAULT_COMPRESS_UI } from '../../url/compressControls';
import { createCompressRunner } from './compressRunner';
import { toUserMessage } from '../../shared/errors';
import type { AppState, CompressSlice } from '../../store/types';

const NO_MODEL = {
  baseline: null,
  baselineStatus: 'none',
  baselineRunId: null,
  current: null,
  measuring: false,
  points: [],
  sweep: null,
  compressError: null,
  estimateTiming: null,
} as const satisfies Partial<CompressSlice>;

export const createCompressSlice: StateCreator<AppState, [], [], CompressSlice> = (set, get) => {
  const runner = createCompressRunner(get, set);

  return {
    ...NO_MODEL,
    points: [],
    compressUi: { ...DEFAULT_COMPRESS_UI },

    setCompressUi(patch) {
      const ready = get().baselineStatus === 'ready';
      // One store update per key press or drag step: the controls and "updating…" together.
      set((s) => ({ compressUi: { ...s.compressUi, ...patch }, ...(ready ? { measuring: true } : {}) }));
      if (ready) runner.requestLive();
    },

    async syncBaseline() {
      const s = get();
      const stopped = s.runState === 'done' || s.runState === 'cancelled';
      if (s.view !== 'compress' || !stopped) return;
      if (s.baselineRunId === s.runId) return;
      const runId = s.runId;
      runner.invalidate();
      set({ ...NO_MODEL, points: [], baselineStatus: 'loading', baselineRunId: runId });
      try {
        const baseline = await bridge().compressionBaseline();
        if (get().baselineRunId !== runId) return;
        set(baseline ? { baseline, baselineStatus: 'ready' } : { baselineStatus: 'unavailable' });
        if (baseline) runner.requestLive(true);
      } catch (error) {
        if (get().baselineRunId !== runId) return;
        set({ baselineStatus: 'unavailable', compressError: toUserMessage(error, 'Could not open the trained model') });
      }
    },

    async trainForCompression() {
      const s = get();
      if (s.runState === 'paused') return s.startTraining();
      if (s.spec.dataset !== 'mnist') s.setDataset('mnist');
      if (get().spec.model !== 'lenet_300_100') get().setModel('lenet_300_100');
      if (Object.keys(get().fieldErrors).length > 0) {
        set({ compressError: 'A training setting in the Train view is not valid yet. Fix it there, then come back.' });
        return;
      }
      set({ compressError: null });
      await get().startTraining();
    },

    startSweep: () => runner.startSweep(),
    cancelSweep: () => runner.cancelSweep(),

    dropCompression() {
      runner.invalidate();
      if (get().fineTune?.running) void bridge().cancelFineTune();
      if (get().baselineRunId !== null || get().baselineStatus !== 'none') set({ ...NO_MODEL, points: [], fineTune: null });
    },
  };
};
