// A metric history that never grows past MAX_POINTS. When it fills up, neighbouring points are
// averaged in pairs and each later point stands for twice as many reports, so a chart of a long
// run costs the same to draw as a short one and the curve keeps its shape (and gets smoother).

export interface Point {
  epoch: number;
  value: number;
}

export interface Series {
  /** What the chart draws: committed buckets plus the partly filled last bucket. */
  readonly points: readonly Point[];
  /** How many raw reports each committed point averages. */
  readonly bucket: number;
  readonly committed: readonly Point[];
  readonly tail: { sumEpoch: number; sumValue: number; count: number };
}

export const MAX_POINTS = 300;

export const EMPTY_SERIES: Series = {
  points: [],
  bucket: 1,
  committed: [],
  tail: { sumEpoch: 0, sumValue: 0, count: 0 },
};

function halve(points: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i += 2) {
    const a = points[i];
    const b = points[i + 1];
    out.push(b ? { epoch: (a.epoch + b.epoch) / 2, value: (a.value + b.value) / 2 } : a);
  }
  return out;
}

/** Returns a new series with `raw` appended (the input is not changed). */
export function appendPoints(series: Series, raw: readonly Point[], max = MAX_POINTS): Series {
  if (raw.length === 0) return series;
  let committed = series.committed.slice();
  let bucket = series.bucket;
  let { sumEpoch, sumValue, count } = series.tail;
  for (const p of raw) {
    if (!Number.isFinite(p.value) || !Number.isFinite(p.epoch)) continue;
    sumEpoch += p.epoch;
    sumValue += p.value;
    count += 1;
    if (count >= bucket) {
      committed.push({ epoch: sumEpoch / count, value: sumValue / count });
      sumEpoch = sumValue = count = 0;
      if (committed.length >= max) {
        committed = halve(committed);
        bucket *= 2;
      }
    }
  }
  const points =
    count > 0 ? [...committed, { epoch: sumEpoch / count, value: sumValue / count }] : committed;
  return { points, bucket, committed, tail: { sumEpoch, sumValue, count } };
}
