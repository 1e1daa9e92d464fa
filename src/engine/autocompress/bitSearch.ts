// Mixed precision by greedy search on the validation split. From a starting choice of rungs
// (the previous round's, so a round costs a few measurements), while the candidate breaks the
// budget, one group is raised a rung: the raise that wins back the most validation loss per
// byte it adds. Then, while it can, one group is lowered a rung: of the lowerings that stay
// within the budget, the one that saves the most bytes per unit of validation loss it costs
// (lazily, see below). A group whose lowering broke the budget is not tried again that round. This is a greedy
// stand-in for the learned per-layer policies of HAQ (Wang et al. 2019), measured on real
// encoded bytes instead of a cost model.
import { ladderOf, type Rungs } from './ladders';
import type { CandidateMeasurer, Measurement } from './measure';

export interface BitStep {
  measurement: Measurement;
  /** Whether the search moved to it (the path of accepted steps, what the chart draws). */
  accepted: boolean;
}

export interface BitSearchResult {
  /** The smallest candidate found within the budget; null when even the widest breaks it. */
  best: Measurement | null;
  /** The widest choice tried, which the caller reports when nothing fits. */
  last: Measurement;
}

/** Yields after every measurement, so the caller can hand the event loop a turn. */
export function* searchBits(measurer: CandidateMeasurer, start: Rungs, kernelCount: number, floor: number): Generator<BitStep, BitSearchResult> {
  const groups = start.length;
  const top = (g: number) => ladderOf(g, kernelCount, measurer.ladders).length - 1;
  const moved = (rungs: Rungs, g: number, by: number) => rungs.map((r, i) => (i === g ? r + by : r));

  let current = measurer.measure(start);
  yield { measurement: current, accepted: current.accuracy >= floor };
  while (current.accuracy < floor) {
    let pick: Measurement | null = null;
    let pickScore = -Infinity;
    for (let g = 0; g < groups; g++) {
      if (current.rungs[g] >= top(g)) continue;
      const m = measurer.measure(moved(current.rungs, g, +1));
      yield { measurement: m, accepted: false };
      // Feasible raises first (the cheapest of them), else loss won back per byte.
      const score = m.accuracy >= floor ? 1e12 - m.bytes : (current.loss - m.loss) / Math.max(1, m.bytes - current.bytes);
      if (score > pickScore) [pick, pickScore] = [m, score];
    }
    if (!pick) return { best: null, last: current };
    current = pick;
    if (current.accuracy >= floor) yield { measurement: current, accepted: true };
  }

  // Lowering, lazily (Minoux's accelerated greedy): each group's score is remembered from when
  // it was measured, and only the best-scoring group is measured again against the current
  // choice, since one layer's rung barely moves another's cost. A move is taken only on a fresh
  // measurement, so the budget check is always exact.
  const blocked = new Set<number>();
  const scoreOf = (m: Measurement) => (current.bytes - m.bytes) / Math.max(1e-4, m.loss - current.loss);
  const known = new Map<number, { score: number; base: string }>();
  const keyOf = (m: Measurement) => m.rungs.join(',');
  for (;;) {
    let g = -1;
    for (let i = 0; i < groups; i++) {
      if (blocked.has(i) || current.rungs[i] <= 0) continue;
      if (g < 0 || (known.get(i)?.score ?? Infinity) > (known.get(g)?.score ?? Infinity)) g = i;
    }
    if (g < 0) return { best: current, last: current };
    const m = measurer.measure(moved(current.rungs, g, -1));
    yield { measurement: m, accepted: false };
    if (m.accuracy < floor || m.bytes >= current.bytes) {
      blocked.add(g);
      continue;
    }
    const fresh = known.get(g)?.base === keyOf(current);
    const score = scoreOf(m);
    known.set(g, { score, base: keyOf(current) });
    // A stale score that no longer leads is put back in line; a fresh or still-leading one moves.
    let leads = true;
    for (let i = 0; i < groups; i++) {
      if (i !== g && !blocked.has(i) && current.rungs[i] > 0 && (known.get(i)?.score ?? Infinity) > score) leads = false;
    }
    if (!fresh && !leads) continue;
    current = m;
    yield { measurement: current, accepted: true };
  }

}
