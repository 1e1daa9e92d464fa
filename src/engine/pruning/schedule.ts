// When to prune how much while fine-tuning. Gradual pruning lets the network adapt between small
// steps; the cubic schedule prunes fast while many redundant weights remain and slowly near
// the end (Zhu & Gupta 2017, "To prune, or not to prune"; TF-MOT's PolynomialDecay).

export interface OneShotSchedule {
  finalSparsity: number;
  /** The step at which all pruning happens at once (default 0: before fine-tuning). */
  beginStep?: number;
}

export interface PolynomialDecaySchedule {
  initialSparsity: number;
  finalSparsity: number;
  beginStep: number;
  endStep: number;
  power?: number;
}

/** Target sparsity at `step` for one-shot pruning: nothing before beginStep, all of it after. */
export function oneShot(step: number, { finalSparsity, beginStep = 0 }: OneShotSchedule): number {
  return step >= beginStep ? finalSparsity : 0;
}

/**
 * Target sparsity at `step`: 0 before beginStep (no pruning yet), then
 * s_f + (s_i - s_f) * (1 - (step - beginStep) / (endStep - beginStep))^power, held at s_f after
 * endStep. With endStep <= beginStep it jumps straight to finalSparsity.
 */
export function polynomialDecaySparsity(
  step: number,
  { initialSparsity, finalSparsity, beginStep, endStep, power = 3 }: PolynomialDecaySchedule,
): number {
  if (step < beginStep) return 0;
  if (endStep <= beginStep || step >= endStep) return finalSparsity;
  const remaining = 1 - (step - beginStep) / (endStep - beginStep);
  return finalSparsity + (initialSparsity - finalSparsity) * Math.pow(remaining, power);
}

/** TF-MOT prunes only every `frequency` steps between begin and end (and once at endStep). */
export function isPruningStep(step: number, beginStep: number, endStep: number, frequency: number): boolean {
  if (step < beginStep || step > endStep) return false;
  return step === endStep || (step - beginStep) % Math.max(1, Math.floor(frequency)) === 0;
}
