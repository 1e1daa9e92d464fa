// The auto-compress path's points and the SVG line through them (AutoPath.tsx draws them).

export interface PathPoint {
  bytes: number;
  /** Percent. */
  accuracy: number;
  withinBudget: boolean;
  /** The polish it belongs to (its round number); absent for the rounds' candidates. */
  polish?: number;
}

/** The line through the candidates in order; each polish starts a line of its own. */
export function pathData(points: readonly PathPoint[], x: (kB: number) => number, y: (percent: number) => number): string {
  return points.map((p, i) => `${i === 0 || p.polish !== points[i - 1].polish ? 'M' : 'L'}${x(p.bytes / 1000).toFixed(1)},${y(p.accuracy).toFixed(1)}`).join('');
}

