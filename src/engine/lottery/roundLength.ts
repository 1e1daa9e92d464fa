// A round's length and the rewind iteration k, as plain arithmetic (no tfjs), so the page can say
// what "auto" means and what k does before it asks the worker for a run.
import type { VariantId } from './variants';

/** Steps of a round of `epochs` epochs (at least one). */
export function roundSteps(epochs: number, stepsPerEpoch: number): number {
  return Math.max(1, Math.round(epochs * stepsPerEpoch));
}

/** 2% of a round, but at least 1 whenever a round has a step 1: at k = 0 rewinding to k is
 * rewinding to init, and nothing on the page would say so. */
export function defaultRewindStep(stepsPerRound: number): number {
  return Math.min(stepsPerRound - 1, Math.max(1, Math.round(0.02 * stepsPerRound)));
}

/** Why `k` cannot serve these variants, or null: only weight rewinding to k needs k > 0 (LR
 * rewinding and fine-tuning from k = 0 retrain the trained weights for the whole round). */
export function rewindToZeroProblem(k: number, stepsPerRound: number, variants: readonly VariantId[]): string | null {
  if (k !== 0 || !variants.includes('rewind_k')) return null;
  return stepsPerRound < 2
    ? `A round of ${stepsPerRound} step has no iteration to rewind to but k = 0, where "Rewind to iteration k" is the same as "Rewind to init"; train longer rounds or leave that variant out.`
    : `At k = 0 "Rewind to iteration k" is the same as "Rewind to init"; choose k from 1 to ${stepsPerRound - 1}.`;
}
