// "Speed and energy": the worker times the model at the controls' settings on request (it takes a
// second or two, so not on every slider move). The figure is kept with the lab model and the
// settings key it was measured with, and shown only while the controls ask for exactly that.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import type { AppState } from '../../store/types';
import { toCompressionSettings } from '../../url/compressControls';
import type { SpeedReport } from '../../worker/compression-protocol';
import { toUserMessage } from '../../shared/errors';
import { wantedKey } from './shown';

export interface MeasuredSpeed {
  modelId: number;
  key: string;
  report: SpeedReport;
}

export interface SpeedSlice {
  speed: MeasuredSpeed | null;
  speedMeasuring: boolean;
  speedError: string;
  measureSpeed(): Promise<void>;
}

export const createSpeedSlice: StateCreator<AppState, [], [], SpeedSlice> = (set, get) => ({
  speed: null,
  speedMeasuring: false,
  speedError: '',

  async measureSpeed() {
    const s = get();
    if (s.speedMeasuring) return;
    const modelId = s.labModelId;
    const key = wantedKey(s);
    set({ speedMeasuring: true, speedError: '' });
    try {
      const report = await bridge().speed(toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0), s.compressUi.fineTuned);
      set({ speed: { modelId, key, report }, speedMeasuring: false });
    } catch (err) {
      set({ speedMeasuring: false, speedError: toUserMessage(err, 'Could not measure the speed') });
    }
  },
});

/** The measurement for the controls as set, or null (not measured for these settings). */
export function selectShownSpeed(s: Pick<AppState, 'speed' | 'labModelId' | 'compressUi' | 'runSpec'>): SpeedReport | null {
  const m = s.speed;
  return m !== null && m.modelId === s.labModelId && m.key === wantedKey(s) ? m.report : null;
}
