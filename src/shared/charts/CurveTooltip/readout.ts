// What a curve chart says at an epoch: each series' measurement nearest it (series are measured at
// different moments: training loss every report, test accuracy every evaluation), for the tooltip
// and the screen-reader read-out alike.
import type { Point } from '../series';
import { nearestAlongX } from '../nearest';
import { formatEpoch } from '../../format';

export interface TooltipSeries {
  name: string;
  color: string;
  points: readonly Point[];
  format(value: number): string;
}

export interface ReadoutRow {
  series: TooltipSeries;
  point: Point;
  /** The measurement was taken at another epoch than the one asked about. */
  elsewhere: boolean;
}

export function readout(series: readonly TooltipSeries[], epoch: number): ReadoutRow[] {
  const rows: ReadoutRow[] = [];
  for (const s of series) {
    const i = nearestAlongX(s.points, epoch, (p) => p.epoch);
    if (i !== null) rows.push({ series: s, point: s.points[i], elsewhere: Math.abs(s.points[i].epoch - epoch) > 0.005 });
  }
  return rows;
}

/** "Epoch 1.25: Train 95.1%; Test 94.8% (at epoch 1.20)." */
export function readoutSentence(series: readonly TooltipSeries[], epoch: number): string {
  const rows = readout(series, epoch);
  if (rows.length === 0) return `Epoch ${formatEpoch(epoch)}: nothing measured yet.`;
  return `Epoch ${formatEpoch(epoch)}: ${rows.map((r) => `${r.series.name} ${r.series.format(r.point.value)}${r.elsewhere ? ` (at epoch ${formatEpoch(r.point.epoch)})` : ''}`).join('; ')}.`;
}
