// One style per lottery variant (an Okabe-Ito hue from ../palette, a marker shape, and a dash
// pattern of its own for each control), and the rounds of a run turned into chart series.
import { VARIANT_IDS, VARIANTS, type VariantId } from '../../../engine/lottery/variants';
import type { LotteryRoundMessage } from '../../../worker/lottery-protocol';
import { METHOD_STYLES, SERIES_COLORS, type MarkerShape } from '../../../shared/charts/palette';

/** The lottery pictures take new rounds on this beat, each at its own phase (useStaggered). */
export const ROUND_BEAT_MS = 1000;

export interface VariantStyle {
  color: string;
  marker: MarkerShape;
  hollow: boolean;
  /** An SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
}

/** Okabe-Ito's black, drawn in the text colour so it shows in the dark theme too. */
const OKABE_ITO_BLACK = 'var(--text)';

// The two controls differ in hue (vermillion / black), marker (filled triangle / hollow square)
// and dash (long dashes / dots), so they stay apart in the small multiples, which have no markers.
export const VARIANT_STYLES: Record<VariantId, VariantStyle> = {
  rewind_init: { color: METHOD_STYLES.global_magnitude.color, marker: 'circle', hollow: false, dash: null },
  rewind_k: { color: SERIES_COLORS.validation, marker: 'diamond', hollow: false, dash: null },
  lr_rewind: { color: METHOD_STYLES.structured.color, marker: 'square', hollow: false, dash: null },
  finetune: { color: SERIES_COLORS.baseline, marker: 'circle', hollow: true, dash: null },
  random_reinit: { color: METHOD_STYLES.random.color, marker: 'triangle', hollow: false, dash: '7 4' },
  random_prune: { color: OKABE_ITO_BLACK, marker: 'square', hollow: true, dash: '2 3' },
};

export interface PlotPoint {
  x: number;
  y: number;
  /** What hover, keyboard and the table say about the point. */
  detail: string;
}

export interface PlotSeries extends VariantStyle {
  /** A variant id, or another key for a series of its own (e.g. a chance level). */
  id: string;
  name: string;
  points: PlotPoint[];
}

/** The variants present in `rounds`, in run order, each with its points from `pick` (null: skip). */
export function seriesOf(rounds: readonly LotteryRoundMessage[], pick: (m: LotteryRoundMessage) => PlotPoint | null): PlotSeries[] {
  return VARIANT_IDS.flatMap((id) => {
    const points = rounds
      .filter((m) => m.result.variant === id)
      .sort((a, b) => a.result.round - b.result.round)
      .map(pick)
      .filter((p): p is PlotPoint => p !== null);
    return points.length ? [{ id, name: VARIANTS[id].name, ...VARIANT_STYLES[id], points }] : [];
  });
}

/** "3.58%" / "51.2%": three significant digits, enough to tell rounds apart. */
export const percentText = (p: number) => `${p >= 10 ? p.toFixed(1) : p.toPrecision(3)}%`;
