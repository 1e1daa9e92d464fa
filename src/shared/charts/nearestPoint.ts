// Hover on a chart: the point nearest the pointer, if one is close enough to mean it.

/** Index of the point nearest (mx, my) within `radius` pixels, or null; `at(i)` gives point i's
 * position in the same pixels. */
export function nearestPoint(count: number, at: (i: number) => readonly [number, number], mx: number, my: number, radius: number): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < count; i++) {
    const [px, py] = at(i);
    const d = (px - mx) ** 2 + (py - my) ** 2;
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}
