// The compression lab's state: the controls, the trained model's baseline, the figure for the
// controls as set and every point measured so far. The worker always compresses the latest
// model the lab was given, so every figure carries that model's number (labModelId) and is
// dropped with it. Any change of the controls, whatever made it (a slider, a share link,
// History "Open", a lesson step, a ticket), asks for a new measurement: the store watches the
// controls themselves rather than trusting each entry path to ask.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import { isRunStopped } from '../../store/selectors';
import { DEFAULT_COMPRESS_UI, type CompressUi } from '../../url/compressControls';
import { createCompressRunner } from './compressRunner';
import { toUserMessage } from '../../shared/errors';
import type { AppState, CompressSlice } from '../../store/types';

const NO_MODEL = {
  baseline: null,
  baselineStatus: 'none',
  baselineRunId: null,
  current: null,
  points: [],
  sweep: null,
  compressError: null,
  estimateTiming: null,
} as const satisfies Partial<CompressSlice>;

/** Controls of a search's result, not of the sliders: changing them keeps a fine-tuned model. */
const AUTO_KEYS: (keyof CompressUi)[] = ['auto', 'autoBudget', 'autoRounds', 'autoPreset', 'autoPolished'];

/** A control other than the fine-tuning itself changed: the fine-tuned model no longer applies
 * (it exists only for the settings it was tuned with); a slider moved: the auto-compressed
 * model no longer applies either (the sliders describe another model). */
function withoutStaleFineTune(ui: CompressUi, patch: Partial<CompressUi>): CompressUi {
  const next = { ...ui, ...patch };
  const changed = (Object.keys(patch) as (keyof CompressUi)[]).filter((k) => patch[k] !== ui[k]);
  if (next.auto && !('auto' in patch) && changed.some((k) => !AUTO_KEYS.includes(k) && k !== 'fineTuned')) next.auto = false;
  if ('fineTuned' in patch || next.fineTuned === 0) return next;
  return changed.some((k) => !AUTO_KEYS.includes(k)) ? { ...next, fineTuned: 0 } : next;
}

export const createCompressSlice: StateCreator<AppState, [], [], CompressSlice> = (set, get, store) => {
  const runner = createCompressRunner(get, set);
  // The controls changed, by whatever path: measure them (a fine-tuned setting is measured by
  // Fine-tune, not by the slider path).
  store.subscribe((s, prev) => {
    if (s.compressUi === prev.compressUi) return;
    // A link or a marker asking for a fine-tuned model sets how long Fine-tune will train.
    const tuned = s.compressUi.fineTuned;
    if (tuned > 0 && tuned !== s.fineTuneEpochs) s.setFineTuneEpochs(tuned);
    if (s.baselineStatus === 'ready' && tuned === 0 && !s.compressUi.auto) runner.requestLive();
  });

  return {
    ...NO_MODEL,
    labModelId: 0,
    points: [],
    compressUi: { ...DEFAULT_COMPRESS_UI },

    setCompressUi(patch) {
      set((s) => ({ compressUi: withoutStaleFineTune(s.compressUi, patch) }));
    },

    async syncBaseline() {
      const s = get();
      const stopped = isRunStopped(s.runState);
      if (s.view !== 'compress' || !stopped) return;
      if (s.baselineRunId === s.runId) return;
      const runId = s.runId;
      runner.invalidate();
      set({ ...NO_MODEL, points: [], baselineStatus: 'loading', baselineRunId: runId, labModelId: s.labModelId + 1 });
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
      if (get().autoCompress?.running) void bridge().cancelAutoCompress();
      if (get().baselineRunId !== null || get().baselineStatus !== 'none') set((s) => ({ ...NO_MODEL, points: [], fineTune: null, autoCompress: null, labModelId: s.labModelId + 1 }));
    },
  };
};
