// Which point the pointer or an epoch means: the two searches the charts do on hover.

/** Index of the point nearest (mx, my) within `radius` pixels, or null. `xs[i]`, `ys[i]` are
 * point i's position in the same pixels (computed once per draw, so a pointer move over 5,000
 * points is one pass over two arrays). */
export function nearestPoint(xs: ArrayLike<number>, ys: ArrayLike<number>, mx: number, my: number, radius: number): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i] - mx) ** 2 + (ys[i] - my) ** 2;
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/** Index of the item of `sorted` (ascending in `xOf`) whose x is closest to `x`, the earlier one on
 * a tie; null when it is empty. A binary search: a curve's read-out looks up every series on each
 * move of the cursor. */
export function nearestAlongX<T>(sorted: readonly T[], x: number, xOf: (item: T) => number): number | null {
  if (sorted.length === 0) return null;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xOf(sorted[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  const before = Math.max(0, lo - 1);
  return Math.abs(xOf(sorted[before]) - x) <= Math.abs(xOf(sorted[lo]) - x) ? before : lo;
}
