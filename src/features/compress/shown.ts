// The store rule for the compression lab (README "How it is laid out"): every figure is kept
// with the lab model it was measured on and the exact settings (fine-tuning included), and a
// view shows it only while the controls ask for exactly that; otherwise the view says it is
// measuring. So a share link, History "Open", a lesson step, a handed-over ticket or a reload can
// never leave another setting's number on screen.
import type { AppState } from '../../store/types';
import { autoKey, pointKey, toCompressionSettings } from '../../url/compressControls';
import type { CompressionPoint, CompressionSettings } from '../../worker/compression-protocol';

/** A figure as the store keeps it: the worker's point, the lab model it belongs to, its key. */
export type LabPoint = CompressionPoint & { modelId: number; key: string };

export function labPoint(point: CompressionPoint, modelId: number): LabPoint {
  return { ...point, modelId, key: pointKey(point) };
}

type Controls = Pick<AppState, 'compressUi' | 'runSpec'>;

/** The key of the figure the controls ask for now. */
export function wantedKey(s: Controls): string {
  const ui = s.compressUi;
  if (ui.auto) return autoKey({ budgetPoints: ui.autoBudget, rounds: ui.autoRounds, preset: ui.autoPreset, polished: ui.autoPolished });
  return pointKey({ settings: toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0), fineTunedEpochs: s.compressUi.fineTuned || undefined });
}

type Lab = Controls & Pick<AppState, 'baselineStatus' | 'labModelId' | 'current' | 'points'>;

/** The figure for the controls as set: the full-test-set one when measured (now or before), else
 * the estimate for exactly these settings, else null (measuring, or not measured yet). */
export function selectShownPoint(s: Lab): LabPoint | null {
  if (s.baselineStatus !== 'ready') return null;
  const key = wantedKey(s);
  const c = s.current;
  const currentFits = c !== null && c.modelId === s.labModelId && c.key === key;
  if (currentFits && !c.estimate) return c;
  const full = s.points.find((p) => p.modelId === s.labModelId && p.key === key);
  return full ?? (currentFits ? c : null);
}

export type ShownState = 'empty' | 'measuring' | 'estimate' | 'final' | 'needs-fine-tune' | 'needs-auto-compress';

/** What the headline shows: nothing (no model), "measuring", an estimate, the final figure, or
 * (a fine-tuned setting not tuned in this tab) the need to press Fine-tune, (an auto-compress
 * result not searched in this tab) the need to press Auto-compress. */
export function selectShownState(s: Lab & Pick<AppState, 'fineTune' | 'autoCompress'>): ShownState {
  if (s.baselineStatus !== 'ready') return 'empty';
  const shown = selectShownPoint(s);
  if (shown) return shown.estimate ? 'estimate' : 'final';
  if (s.compressUi.auto) return s.autoCompress?.running ? 'measuring' : 'needs-auto-compress';
  return s.compressUi.fineTuned > 0 && !s.fineTune?.running ? 'needs-fine-tune' : 'measuring';
}

/** The settings of the model the controls show, for everything asked of the worker about "the
 * model on screen" (downloads, speed, the digit pad, the gallery of mistakes): an
 * auto-compressed model's are per layer and come with its point (the worker holds that model
 * only for exactly those); otherwise the controls'. Throws a sentence for an auto-compressed
 * model not found in this tab. */
export function shownSettings(s: Lab): CompressionSettings {
  if (s.compressUi.auto) {
    const point = selectShownPoint(s);
    if (!point?.autoCompressed) throw new Error('Press Auto-compress first: this auto-compressed model has not been found in this tab.');
    return point.settings;
  }
  return toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0);
}
