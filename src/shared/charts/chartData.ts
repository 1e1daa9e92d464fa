// Pure helpers for the curve charts: epoch ticks, the accuracy axis.
import type { Point } from './series';

/** Round epoch ticks for short runs (quarters of a one-epoch run); undefined for long ones,
 * which get evenly spaced round ticks. */
export function epochTicks(epochs: number): number[] | undefined {
  if (!(epochs > 0) || epochs > 12) return undefined;
  const step = epochs === 1 ? 0.25 : epochs === 2 ? 0.5 : 1;
  // Floor, not round: a fractional count (0.5 epochs) gets no tick past its end.
  return Array.from({ length: Math.floor(epochs / step + 1e-9) + 1 }, (_, i) => i * step);
}

/** A lower bound for the accuracy axis that keeps every point visible but zooms in on the
 * interesting band once the model is good (MNIST lives between 90% and 100%). */
export function accuracyFloor(series: readonly (readonly Point[])[]): number {
  let min = Infinity;
  for (const points of series) for (const p of points) min = Math.min(min, p.value);
  if (min === Infinity) return 0;
  return Math.max(0, Math.min(90, Math.floor((min - 1) / 10) * 10));
}

/** Evenly spaced, round percentages from the floor up to 100. */
export function accuracyTicks(floorIn: number): number[] {
  // Within [0, 100], so the loop below takes at most 51 steps whatever it is given.
  const floor = Number.isFinite(floorIn) ? Math.min(100, Math.max(0, floorIn)) : 0;
  const step = floor >= 95 ? 1 : floor >= 90 ? 2 : floor >= 70 ? 5 : floor >= 40 ? 10 : 20;
  const ticks: number[] = [];
  for (let t = floor; t <= 100; t += step) ticks.push(t);
  return ticks;
}
