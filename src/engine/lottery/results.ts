// What one trained round reports, and the flat rows the accuracy-vs-sparsity chart and the
// reproduction script's JSON use. Plain numbers and arrays only: these cross the worker boundary.
import type { LayerDensity } from './maskStats';
import type { CurvePoint } from './roundTrainer';
import { DENSE_NAME, VARIANTS, type VariantId } from './variants';

export interface LotteryRoundResult {
  /** 'dense' for the trunk (round 0). */
  variant: VariantId | 'dense';
  /** The series name ("Rewind to init", ..., "Dense"). */
  name: string;
  round: number;
  /** Percent of prunable (kernel) weights kept. */
  percentRemaining: number;
  /** Percent, after the round's last step. */
  testAccuracy: number;
  /** The step of minimum validation loss, on the trunk's clock (a round rewound to k counts from
   * k), and the test accuracy there (percent). */
  earlyStopStep: number;
  earlyStopTestAccuracy: number;
  /** Steps trained this round. */
  steps: number;
  /** The trunk step the round started at: k for the rewound variants, else 0. */
  startStep: number;
  curve: CurvePoint[];
  /** Per-kernel survivors of this round's mask (all kept for the dense trunk). */
  layers: LayerDensity[];
}

export function seriesName(variant: VariantId | 'dense'): string {
  return variant === 'dense' ? DENSE_NAME : VARIANTS[variant].name;
}

export interface LotteryChartRow {
  /** The series name, e.g. "Rewind to init"; "Dense" for the reference point. */
  variant: string;
  round: number;
  percentRemaining: number;
  testAccuracy: number;
  earlyStopTestAccuracy: number;
  earlyStopStep: number;
}

/** One row per trained round, the dense trunk first, each variant's rounds in order. */
export function chartRows(results: LotteryRoundResult[]): LotteryChartRow[] {
  const dense = results.filter((r) => r.variant === 'dense');
  const rest = results.filter((r) => r.variant !== 'dense');
  const order = [...new Set(rest.map((r) => r.variant))];
  const sorted = order.flatMap((v) => rest.filter((r) => r.variant === v).sort((a, b) => a.round - b.round));
  return [...dense, ...sorted].map((r) => ({
    variant: r.name,
    round: r.round,
    percentRemaining: r.percentRemaining,
    testAccuracy: r.testAccuracy,
    earlyStopTestAccuracy: r.earlyStopTestAccuracy,
    earlyStopStep: r.earlyStopStep,
  }));
}

export function copyResult(r: LotteryRoundResult): LotteryRoundResult {
  return { ...r, curve: r.curve.map((p) => ({ ...p })), layers: r.layers.map((l) => ({ ...l })) };
}
