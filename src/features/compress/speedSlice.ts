// "Speed and energy": the worker times the model the controls show on request (it takes a
// second or two, so not on every slider move). Each figure is kept with the lab model and the
// settings key it was measured with: the card shows one only while the controls ask for exactly
// that, and the chart's speed axis places the points that have one.
import type { StateCreator } from 'zustand';
import { bridge } from '../../store/bridge';
import type { AppState } from '../../store/types';
import type { SpeedReport } from '../../worker/compression-protocol';
import { toUserMessage } from '../../shared/errors';
import { shownSettings, wantedKey } from './shown';

export interface MeasuredSpeed {
  modelId: number;
  key: string;
  report: SpeedReport;
}

export interface SpeedSlice {
  /** Every measurement of this tab, the newest per model and settings. */
  speeds: MeasuredSpeed[];
  speedMeasuring: boolean;
  speedError: string;
  measureSpeed(): Promise<void>;
}

export const createSpeedSlice: StateCreator<AppState, [], [], SpeedSlice> = (set, get) => ({
  speeds: [],
  speedMeasuring: false,
  speedError: '',

  async measureSpeed() {
    const s = get();
    if (s.speedMeasuring) return;
    const modelId = s.labModelId;
    const key = wantedKey(s);
    set({ speedMeasuring: true, speedError: '' });
    try {
      const report = await bridge().speed(shownSettings(s), s.compressUi.fineTuned);
      const kept = get().speeds.filter((m) => m.modelId === get().labModelId && !(m.modelId === modelId && m.key === key));
      set({ speeds: [...kept, { modelId, key, report }], speedMeasuring: false });
    } catch (err) {
      set({ speedMeasuring: false, speedError: toUserMessage(err, 'Could not measure the speed') });
    }
  },
});

/** The measurement for the controls as set, or null (not measured for these settings). */
export function selectShownSpeed(s: Pick<AppState, 'speeds' | 'labModelId' | 'compressUi' | 'runSpec'>): SpeedReport | null {
  const key = wantedKey(s);
  return s.speeds.find((m) => m.modelId === s.labModelId && m.key === key)?.report ?? null;
}

/** Microseconds per image of one way at one batch size, the median of the repeats. */
export function medianMicros(report: SpeedReport, way: string, batch: number): number | null {
  return report.samples.find((x) => x.way === way && x.batch === batch)?.median ?? null;
}

/** The speed measurements of one model, by point key (pointKey). */
export function speedsByKey(speeds: readonly MeasuredSpeed[], modelId: number): Map<string, SpeedReport> {
  return new Map(speeds.filter((m) => m.modelId === modelId).map((m) => [m.key, m.report]));
}
