// One training run of the lottery (the dense trunk, or one round of one variant): a Trainer with
// the masks held, fast-forwarded to the round's first step of the trunk's clock (k for the
// rewound variants: the trunk's batches and schedule go on from there), stopped at an exact
// step, validated every N steps of that clock to find the
// early-stopping iteration (minimum validation loss, as Frankle & Carbin measure "learning
// speed"). Test accuracy is read only when validation improves and at the end, which keeps the
// evaluation cost to a fraction of the training cost on MNIST.
import type { Network } from '../models/network';
import type { Mask } from '../pruning/mask';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { Trainer } from '../training/trainer';

export interface CurvePoint {
  step: number;
  /** Mean training loss over the steps since the previous point. */
  trainLoss: number;
  validationLoss: number;
  /** Percent. */
  validationAccuracy: number;
}

export interface RoundOutcome {
  /** Steps trained (endStep - startStep). */
  steps: number;
  /** The trunk step the round started at. */
  startStep: number;
  /** Percent, after the last step. */
  testAccuracy: number;
  /** The evaluation step (on the trunk's clock) with the lowest validation loss (the last step when
   * there is no validation set). */
  earlyStopStep: number;
  /** Percent, at earlyStopStep. */
  earlyStopTestAccuracy: number;
  curve: CurvePoint[];
}

export class RoundTrainer {
  private readonly trainer: Trainer;
  private readonly curve: CurvePoint[] = [];
  private best: { step: number; loss: number; testAccuracy: number } | null = null;
  private lastTestAccuracy = NaN;

  constructor(
    spec: TrainSpec,
    private readonly data: Dataset,
    network: Network,
    masks: Mask[] | null,
    readonly startStep: number,
    private readonly endStep: number,
    private readonly evalEvery: number,
  ) {
    if (!(startStep >= 0 && startStep < endStep)) throw new Error(`A round from step ${startStep} to step ${endStep} trains nothing.`);
    this.trainer = new Trainer(spec, data, { network, masks });
    if (this.trainer.totalSteps < endStep) {
      this.trainer.dispose();
      throw new Error(`A round to step ${endStep} does not fit a spec of ${this.trainer.totalSteps} steps.`);
    }
    this.trainer.fastForward(startStep);
  }

  /** Steps this round has trained. */
  get step(): number {
    return this.trainer.step - this.startStep;
  }

  get steps(): number {
    return this.endStep - this.startStep;
  }

  get done(): boolean {
    return this.trainer.step >= this.endStep;
  }

  /** A weight copy the Trainer kept (step 0, and spec.checkpointSteps). */
  checkpoint(step: number): WeightArray[] | undefined {
    return this.trainer.checkpoints.get(step);
  }

  /** Up to `n` steps, never past an evaluation point; evaluates when it lands on one. */
  runSteps(n: number): number {
    const step = this.trainer.step;
    const nextEval = Math.min(this.endStep, (Math.floor(step / this.evalEvery) + 1) * this.evalEvery);
    const ran = this.trainer.runSteps(Math.max(0, Math.min(n, nextEval - step)));
    if (this.trainer.step === nextEval && ran > 0) this.evaluate();
    return ran;
  }

  /** The round's numbers; call once done. */
  outcome(): RoundOutcome {
    if (!this.done) throw new Error('The round has not finished training yet.');
    const testAccuracy = Number.isNaN(this.lastTestAccuracy) ? this.testAccuracy() : this.lastTestAccuracy;
    const best = this.best ?? { step: this.endStep, testAccuracy };
    return {
      steps: this.steps,
      startStep: this.startStep,
      testAccuracy,
      earlyStopStep: best.step,
      earlyStopTestAccuracy: best.testAccuracy,
      curve: this.curve.map((p) => ({ ...p })),
    };
  }

  dispose(): void {
    this.trainer.dispose();
  }

  private evaluate(): void {
    const step = this.trainer.step;
    const { loss: trainLoss } = this.trainer.takeProgress();
    const validation = this.trainer.evaluateSplit(this.data.validation);
    this.curve.push({ step, trainLoss, validationLoss: validation.loss, validationAccuracy: 100 * validation.accuracy });
    const improved = validation.loss < (this.best?.loss ?? Infinity);
    if (improved || step === this.endStep) {
      const testAccuracy = this.testAccuracy();
      if (improved) this.best = { step, loss: validation.loss, testAccuracy };
      if (step === this.endStep) this.lastTestAccuracy = testAccuracy;
    }
  }

  private testAccuracy(): number {
    return 100 * this.trainer.evaluateSplit(this.data.test).accuracy;
  }
}
