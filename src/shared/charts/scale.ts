// Linear scales and round tick values for the hand-drawn SVG charts. Hand-written rather than
// d3-scale / d3-array, measured: d3-scale's linear and log scales map 5,000 points as fast as these
// (0.55 against 0.59 ms, Node) but add 10.8 KB gzip to the chart chunks (these: 0.6 KB), and
// d3-array's ticks() picks other steps (1-2-5 by nearest, no 2.5: 70-100% gets 7 ticks, not 4),
// which would redraw every axis differently for no gain at a few microseconds per redraw.

export interface LinearScale {
  (value: number): number;
  domain: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as LinearScale;
  scale.domain = domain;
  return scale;
}

/** No axis draws more ticks than this, whatever its inputs. */
export const MAX_TICKS = 100;

/** About `count` round ticks (1, 2, 2.5 or 5 times a power of ten) covering [min, max]. Counted,
 * not stepped until past `max`: a step below the spacing of floats near `min` (niceTicks(1,
 * 1 + 2^-52)) never moved `t` and the loop ran forever. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min)) return [];
  if (!(max > min) || !Number.isFinite(max)) return [min];
  const raw = (max - min) / Math.max(1, count);
  if (!Number.isFinite(raw)) return [min, max]; // the range itself overflows
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const first = Math.ceil(min / step) * step;
  if (!(first + step > first) || !(first <= max + step * 1e-9)) return [min, max];
  const n = Math.min(MAX_TICKS, Math.floor((max - first) / step + 1e-9) + 1);
  const ticks: number[] = [];
  for (let i = 0; i < n; i++) {
    // 12 digits hide float noise (0.30000000000000004), unless the range is finer than that:
    // then the rounded tick may leave the axis, so it keeps its exact value, clamped.
    const exact = first + i * step;
    const rounded = Number(exact.toPrecision(12));
    const t = Math.min(max, Math.max(min, rounded >= min && rounded <= max ? rounded : exact));
    if (ticks.length === 0 || t > ticks[ticks.length - 1]) ticks.push(t);
  }
  return ticks;
}

/** The smallest round number at or above `max` (for an 'auto' upper bound). */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const m = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((k) => k * power >= max) ?? 10;
  return m * power;
}

/** A base-10 logarithmic scale; the domain must be positive. */
export function logScale(domain: [number, number], range: [number, number]): LinearScale {
  const inner = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
  const scale = ((v: number) => inner(Math.log10(Math.max(v, 1e-12)))) as LinearScale;
  scale.domain = domain;
  return scale;
}

/** Round ticks for a log axis: 1, 2 and 5 times powers of ten, thinned to about `max` ticks. */
export function logTicks(min: number, max: number, maxCount = 7): number[] {
  if (!(max > min) || !(min > 0) || !Number.isFinite(max)) return Number.isFinite(min) ? [min] : [];
  const all: number[] = [];
  // Finite positive bounds: at most 633 decades (5e-324 to 1.8e308).
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t >= min && t <= max) all.push(t);
    }
  }
  if (all.length <= maxCount) return all;
  const decades = all.filter((t) => Number.isInteger(Math.log10(t)) || Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const thinned = decades.length >= 2 ? decades : all.filter((_, i) => i % 2 === 0);
  // Hundreds of decades still thin to at most MAX_TICKS, evenly.
  const every = Math.ceil(thinned.length / MAX_TICKS);
  return every > 1 ? thinned.filter((_, i) => i % every === 0) : thinned;
}
