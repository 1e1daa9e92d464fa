// A run's summary: what the History list shows, kept beside the whole record so the list opens
// without reading every run's curves.
import { ACCURACY_TOLERANCE } from '../engine/spec/defaults';
import type { RunRecord, RunSummary } from './types';

export function summarize(run: RunRecord): RunSummary {
  const { curves: _curves, points: maybePoints, ...rest } = run;
  // Records written by older versions may lack points; a summary never throws.
  const points = maybePoints ?? [];
  let bestPoint = null;
  let within = false;
  if (points.length > 0) {
    const floor = (run.testAccuracy ?? 0) - ACCURACY_TOLERANCE;
    const good = points.filter((p) => p.accuracy >= floor);
    within = good.length > 0;
    bestPoint = (within ? good : points).reduce((a, b) => (b.encodedBytes < a.encodedBytes ? b : a));
  }
  return { ...rest, pointCount: points.length, bestPoint, bestPointTolerance: ACCURACY_TOLERANCE, bestPointWithin: within };
}

/** The History's order, newest first (the id breaks ties, so every tab and export agree). */
export function newestFirst(a: Pick<RunSummary, 'createdAt' | 'id'>, b: Pick<RunSummary, 'createdAt' | 'id'>): number {
  return b.createdAt - a.createdAt || b.id.localeCompare(a.id);
}
