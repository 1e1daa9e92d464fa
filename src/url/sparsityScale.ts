// The Compress view's sparsity slider: logarithmic in the weights left. Each 100 positions keep
// ten times fewer weights, so 90%, 99% and 99.9% sit at exact positions and the high end gets fine
// steps. The link's sparsity row keeps the value this slider can show (snapSparsity).

/** Slider positions: 0 = nothing pruned, 100 = 90%, 200 = 99%, 300 = 99.9%. */
export const SPARSITY_POSITIONS = 300;

/** Where a sparsity sits on the slider, as a real number of positions. */
function exactPosition(sparsity: number): number {
  return -100 * Math.log10(Math.max(1e-9, 1 - sparsity));
}

/** Rounds to the grid the page shows: 1 pt below 90%, 0.1 pt below 99%, 0.01 pt above. */
function roundNice(s: number): number {
  const grid = s < 0.9 ? 100 : s < 0.99 ? 1000 : 10000;
  return Math.round(s * grid) / grid;
}

/** The sparsity at a slider position: a round value where one falls within half a step,
 * else the share left to three significant digits (steps at the top are finer than 0.1 pt). */
export function sparsityAtPosition(position: number): number {
  const p = Math.min(SPARSITY_POSITIONS, Math.max(0, Math.round(position)));
  const left = 10 ** (-p / 100);
  const nice = roundNice(1 - left);
  if (Math.abs(exactPosition(nice) - p) < 0.5) return nice;
  return Number((1 - Number(left.toPrecision(3))).toFixed(6));
}

export function positionOfSparsity(sparsity: number): number {
  return Math.min(SPARSITY_POSITIONS, Math.max(0, Math.round(exactPosition(sparsity))));
}

/** Any sparsity as the nearest slider value. */
export function snapSparsity(s: number): number {
  return sparsityAtPosition(positionOfSparsity(s));
}
