// The Pareto frontier of size against accuracy: for every size, the best accuracy any point
// at that size or smaller reached. Drawn as a step line; the points on it are the settings
// worth choosing.
export interface SizedPoint {
  encodedBytes: number;
  accuracy: number;
}

/** The points on the frontier, smallest first; each is more accurate than all smaller ones.
 * `cost` is what "smaller" means: the encoded size unless told (the chart's speed axis: time). */
export function paretoFrontier<T extends SizedPoint>(points: readonly T[], cost: (p: T) => number = (p) => p.encodedBytes): T[] {
  const sorted = [...points].sort((a, b) => cost(a) - cost(b) || b.accuracy - a.accuracy);
  const frontier: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.accuracy > best) {
      frontier.push(p);
      best = p.accuracy;
    }
  }
  return frontier;
}
