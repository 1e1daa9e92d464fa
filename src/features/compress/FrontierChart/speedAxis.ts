// Speed as the chart's horizontal axis (issue 17 item 2): a point is placed by the time per image
// its compressed model took on our kernel (batch 1, median), measured by "Measure speed" for its
// settings on this model. Points never timed are left off and counted, not guessed.
import type { CompressionPoint, SpeedReport } from '../../../worker/compression-protocol';
import { pointKey } from '../../../url/compressControls';

export const COMPRESSED_WAY = 'kernel compressed';
export const DENSE_WAY = 'tfjs dense';

export interface XAxis {
  /** Where a point sits on the axis (its unit: kB or microseconds). */
  value(p: CompressionPoint): number;
  /** The float32 reference's position. */
  reference: number;
  title: string;
  /** What the axis measures, for the chart's label: "Model size". */
  name: string;
}

const median = (r: SpeedReport, way: string) => r.samples.find((x) => x.way === way && x.batch === 1)?.median ?? null;

/** The points with a measured time, the axis that places them, and how many have none. */
export function speedAxis(points: readonly CompressionPoint[], speeds: Map<string, SpeedReport>): { placed: CompressionPoint[]; missing: number; axis: XAxis | null } {
  const micros = new Map<string, number>();
  for (const p of points) {
    const report = speeds.get(pointKey(p));
    const t = report ? median(report, COMPRESSED_WAY) : null;
    if (t !== null && t > 0) micros.set(pointKey(p), t);
  }
  const placed = points.filter((p) => micros.has(pointKey(p)));
  // Dense float32 through tfjs: the same model whatever the settings; the newest measurement.
  const denseTimes = [...speeds.values()].map((r) => median(r, DENSE_WAY)).filter((t): t is number => t !== null && t > 0);
  const axis: XAxis | null =
    placed.length > 0 && denseTimes.length > 0
      ? {
          value: (p) => micros.get(pointKey(p)) ?? Number.NaN,
          reference: denseTimes[denseTimes.length - 1],
          title: 'Microseconds per image, batch 1, our compressed kernel (log scale) · faster is to the left',
          name: 'Time per image',
        }
      : null;
  return { placed, missing: points.length - placed.length, axis };
}
