// One training run at a time, driven in time slices so pause, step and cancel messages land
// between slices (cancel within ~100 ms). Metrics are read back once per slice and reported
// at most every REPORT_MS, so the page is never flooded.
import { Trainer } from '../engine/training/trainer';
import type { Dataset, EvalMetrics, TrainSpec } from '../engine/spec/types';
import type { RunState, TrainHandlers, TrainOutcome } from './protocol';
import { evaluateInChunks } from './chunked-eval';
import { ProgressAggregator } from './progress-aggregator';
import { adaptSliceSize, nextEvalStep, yieldToEventLoop } from '../engine/training/yield';

const SLICE_MS = 40;
const REPORT_MS = 200;

export class TrainingSession {
  private trainer: Trainer | null = null;
  private state: RunState = 'idle';
  private pauseRequested = false;
  private cancelRequested = false;
  private pendingSteps = 0;
  private wake: (() => void) | null = null;
  private finished: Promise<unknown> = Promise.resolve();

  get runState(): RunState {
    return this.state;
  }

  get activeTrainer(): Trainer | null {
    return this.trainer;
  }

  async train(spec: TrainSpec, data: Dataset, handlers: TrainHandlers): Promise<TrainOutcome> {
    if (this.state === 'running' || this.state === 'paused') {
      throw new Error('A run is already going: pause it, or press Reset first.');
    }
    this.disposeTrainer();
    this.pauseRequested = false;
    this.cancelRequested = false;
    this.pendingSteps = 0;
    const run = this.loop(spec, data, handlers);
    this.finished = run.catch(() => undefined);
    return run;
  }

  pause(): void {
    if (this.state === 'running') this.pauseRequested = true;
  }

  resume(): void {
    this.pauseRequested = false;
    this.wake?.();
  }

  step(batches: number): void {
    if (this.state !== 'paused') return;
    this.pendingSteps += Math.max(1, Math.floor(batches));
    this.wake?.();
  }

  async cancel(): Promise<void> {
    this.cancelRequested = true;
    this.wake?.();
    await this.finished;
  }

  async reset(): Promise<void> {
    await this.cancel();
    this.disposeTrainer();
    this.state = 'idle';
  }

  private disposeTrainer(): void {
    this.trainer?.dispose();
    this.trainer = null;
  }

  private setState(state: RunState, handlers: TrainHandlers): void {
    this.state = state;
    handlers.onState(state);
  }

  private waitForWake(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  private async evaluate(trainer: Trainer, data: Dataset): Promise<EvalMetrics | null> {
    const stop = () => this.cancelRequested;
    const validation = await evaluateInChunks(trainer.network, data.validation, data.featureShape, stop);
    const test = validation && (await evaluateInChunks(trainer.network, data.test, data.featureShape, stop));
    if (!validation || !test) return null;
    return {
      step: trainer.step,
      epoch: trainer.step / trainer.stepsPerEpoch,
      validationLoss: validation.loss,
      validationAccuracy: validation.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
    };
  }

  private async loop(spec: TrainSpec, data: Dataset, handlers: TrainHandlers): Promise<TrainOutcome> {
    const trainer = new Trainer(spec, data);
    this.trainer = trainer;
    const progress = new ProgressAggregator(trainer, spec.batchSize);
    let stepsPerSlice = 1;
    let lastEval: EvalMetrics | undefined;
    const nextEvalAfter = (step: number) => nextEvalStep(step, spec.evalEverySteps, trainer.stepsPerEpoch, trainer.totalSteps);
    let nextEval = nextEvalAfter(0);
    this.setState('running', handlers);
    try {
      while (!trainer.done && !this.cancelRequested) {
        if (this.pauseRequested && this.pendingSteps === 0) {
          progress.flush(handlers);
          this.setState('paused', handlers);
          progress.pauseClock();
          await this.waitForWake();
          progress.resumeClock();
          if (this.cancelRequested) break;
          if (!this.pauseRequested) this.setState('running', handlers);
          continue;
        }
        const budget = this.pendingSteps > 0 ? Math.min(this.pendingSteps, stepsPerSlice) : stepsPerSlice;
        const t0 = performance.now();
        const ran = trainer.runSteps(Math.min(budget, nextEval - trainer.step));
        // The readback in takeProgress waits for the device, so the time covers the real work.
        progress.add(trainer.takeProgress(), ran, performance.now() - t0);
        if (this.pendingSteps > 0) this.pendingSteps = Math.max(0, this.pendingSteps - ran);
        // Aim each slice at SLICE_MS so messages are answered quickly on any backend.
        stepsPerSlice = adaptSliceSize(stepsPerSlice, ran, performance.now() - t0, SLICE_MS);
        if (progress.due(REPORT_MS) || this.pauseRequested) progress.flush(handlers);
        if (trainer.step >= nextEval || trainer.done) {
          progress.flush(handlers);
          const metrics = await this.evaluate(trainer, data);
          if (metrics) {
            lastEval = metrics;
            handlers.onEval(metrics);
          }
          nextEval = nextEvalAfter(trainer.step);
        }
        await yieldToEventLoop();
      }
      progress.flush(handlers);
      const status = this.cancelRequested ? 'cancelled' : 'done';
      this.setState(status, handlers);
      return { status, final: lastEval, steps: trainer.step, seconds: progress.activeSeconds() };
    } catch (err) {
      this.state = 'error';
      throw err;
    }
  }
}
