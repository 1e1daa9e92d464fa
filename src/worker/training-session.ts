// One training run at a time, driven in time slices so pause, step and cancel messages land
// between slices (cancel within ~100 ms). Metrics are read back once per slice and reported
// at most every REPORT_MS, so the page is never flooded.
import { Trainer } from '../engine/training/trainer';
import type { Dataset, EvalMetrics, TrainSpec, WeightArray } from '../engine/spec/types';
import type { RunState, TrainHandlers, TrainOutcome } from './protocol';
import { evaluateInChunks } from './chunked-eval';
import { ProgressAggregator } from './progress-aggregator';
import { adaptSliceSize, nextEvalStep, yieldToEventLoop } from '../engine/training/yield';
import type { BackendInfo } from './protocol';
import type { GpuWatch } from './gpu-watch';
import { backendLabel } from './backend-choice';
import { readsWithoutBlocking } from './readback';

const SLICE_MS = 40;
const REPORT_MS = 200;
/** On WebGL and WebGPU, weights are copied to the CPU this often, so a lost device costs at most this. */
const SNAPSHOT_MS = 1000;

/** What the session needs to survive a lost WebGL context or WebGPU device (engine-api wires it). */
export interface GpuFallback {
  watch: GpuWatch;
  /** Switches tfjs to the next backend measured (else WebAssembly, else cpu) and says which runs now. */
  fallBack(): Promise<BackendInfo>;
}

interface Snapshot {
  step: number;
  weights: WeightArray[];
  at: number;
}

export class TrainingSession {
  private trainer: Trainer | null = null;
  private state: RunState = 'idle';
  private pauseRequested = false;
  private cancelRequested = false;
  private pendingSteps = 0;
  private wake: (() => void) | null = null;
  private finished: Promise<unknown> = Promise.resolve();

  constructor(private readonly gpu: GpuFallback | null = null) {}

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
    this.gpu?.watch.attach();
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

  /** The WebGL context or the WebGPU device was lost: the run goes on with the next backend from
   * the last weights copied to the CPU, with the data order it would have had. Adam's moments were
   * on the lost GPU, so they start afresh. The page keeps every point it already has. */
  private async continueElsewhere(lostTrainer: Trainer, saved: Snapshot, spec: TrainSpec, data: Dataset, handlers: TrainHandlers): Promise<Trainer> {
    const what = this.gpu?.watch.describeFailure() ?? 'The GPU backend failed during training';
    if (!this.gpu) throw new Error(`${what}.`);
    const lostAt = lostTrainer.step;
    const info = await this.gpu.fallBack();
    try {
      lostTrainer.dispose();
    } catch {
      // Its textures went with the context.
    }
    this.trainer = null;
    const trainer = new Trainer(spec, data);
    trainer.network.setWeights(saved.weights);
    trainer.fastForward(saved.step);
    this.trainer = trainer;
    const from = saved.step === lostAt ? `step ${lostAt}` : `step ${saved.step}, the last weights saved before step ${lostAt}`;
    const message = `${what}. Training goes on with ${backendLabel(info.name)} from ${from}; the curves so far are kept, and Adam's running averages start afresh.`;
    handlers.onBackendChange?.({ ...info, reason: message }, message);
    return trainer;
  }

  private async loop(spec: TrainSpec, data: Dataset, handlers: TrainHandlers): Promise<TrainOutcome> {
    let trainer = new Trainer(spec, data);
    this.trainer = trainer;
    let progress = new ProgressAggregator(trainer, spec.batchSize);
    let saved: Snapshot = { step: 0, weights: trainer.checkpoints.get(0) ?? trainer.network.getWeights(), at: performance.now() };
    let secondsBefore = 0;
    const lost = () => this.gpu?.watch.lost() ?? false;
    let stepsPerSlice = 1;
    let lastEval: EvalMetrics | undefined;
    const nextEvalAfter = (step: number) => nextEvalStep(step, spec.evalEverySteps, trainer.stepsPerEpoch, trainer.totalSteps);
    let nextEval = nextEvalAfter(0);
    this.setState('running', handlers);
    try {
      while (!trainer.done && !this.cancelRequested) {
        if (lost()) {
          secondsBefore += progress.activeSeconds();
          trainer = await this.continueElsewhere(trainer, saved, spec, data, handlers);
          progress = new ProgressAggregator(trainer, spec.batchSize);
          saved = { ...saved, at: performance.now() };
          stepsPerSlice = 1;
          nextEval = nextEvalAfter(trainer.step);
          continue;
        }
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
        let ran: number;
        let metrics: ReturnType<Trainer['takeProgress']>;
        try {
          ran = trainer.runSteps(Math.min(budget, nextEval - trainer.step));
          // The readback waits for the device, so the time covers the real work (awaited on
          // WebGPU only: ./readback says why).
          metrics = readsWithoutBlocking() ? await trainer.takeProgressAsync() : trainer.takeProgress();
        } catch (err) {
          if (lost() || this.gpu?.watch.failed(err)) continue;
          throw err;
        }
        // A lost context reads back zeros: that slice is dropped and redone elsewhere.
        if (lost()) continue;
        progress.add(metrics, ran, performance.now() - t0);
        if (this.gpu?.watch.active && performance.now() - saved.at >= SNAPSHOT_MS) {
          const step = trainer.step;
          try {
            const weights = readsWithoutBlocking() ? await trainer.network.getWeightsAsync() : trainer.network.getWeights();
            if (!lost()) saved = { step, weights, at: performance.now() };
          } catch (err) {
            if (lost() || this.gpu.watch.failed(err)) continue;
            throw err;
          }
        }
        if (this.pendingSteps > 0) this.pendingSteps = Math.max(0, this.pendingSteps - ran);
        // Aim each slice at SLICE_MS so messages are answered quickly on any backend.
        stepsPerSlice = adaptSliceSize(stepsPerSlice, ran, performance.now() - t0, SLICE_MS);
        if (progress.due(REPORT_MS) || this.pauseRequested) progress.flush(handlers);
        if (trainer.step >= nextEval || trainer.done) {
          progress.flush(handlers);
          let evaluated: EvalMetrics | null;
          try {
            evaluated = await this.evaluate(trainer, data);
          } catch (err) {
            if (lost() || this.gpu?.watch.failed(err)) continue;
            throw err;
          }
          if (lost()) continue;
          if (evaluated) {
            lastEval = evaluated;
            handlers.onEval(evaluated);
          }
          nextEval = nextEvalAfter(trainer.step);
        }
        await yieldToEventLoop();
      }
      progress.flush(handlers);
      const status = this.cancelRequested ? 'cancelled' : 'done';
      this.setState(status, handlers);
      return { status, final: lastEval, steps: trainer.step, seconds: secondsBefore + progress.activeSeconds() };
    } catch (err) {
      this.state = 'error';
      throw err;
    }
  }
}
