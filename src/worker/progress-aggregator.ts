// Folds per-slice training metrics into throttled progress reports with throughput and ETA.
import type { Trainer } from '../engine/training/trainer';
import type { ProgressMetrics } from '../engine/spec/types';
import type { TrainHandlers } from './protocol';

export class ProgressAggregator {
  private steps = 0;
  private lossSum = 0;
  private accSum = 0;
  private trainMs = 0;
  private lastReport = performance.now();
  private startedAt = performance.now();
  private pausedMs = 0;
  private pausedAt: number | null = null;
  private last: ProgressMetrics | null = null;

  constructor(private readonly trainer: Trainer, private readonly batchSize: number) {}

  add(metrics: ProgressMetrics, stepsRan: number, ms: number): void {
    if (stepsRan === 0) return;
    this.steps += stepsRan;
    this.lossSum += metrics.loss * stepsRan;
    this.accSum += metrics.trainAccuracy * stepsRan;
    this.trainMs += ms;
    this.last = metrics;
  }

  due(intervalMs: number): boolean {
    return performance.now() - this.lastReport >= intervalMs;
  }

  pauseClock(): void {
    this.pausedAt = performance.now();
  }

  resumeClock(): void {
    if (this.pausedAt !== null) this.pausedMs += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  activeSeconds(): number {
    return (performance.now() - this.startedAt - this.pausedMs) / 1000;
  }

  flush(handlers: TrainHandlers): void {
    this.lastReport = performance.now();
    if (this.steps === 0 || !this.last) return;
    const samplesPerSecond = (this.steps * this.batchSize) / Math.max(this.trainMs / 1000, 1e-6);
    const t = this.trainer;
    // Wall-clock pace (evaluation included) predicts the time left better than raw throughput.
    const secondsPerStep = this.activeSeconds() / Math.max(1, t.step);
    handlers.onProgress({
      ...this.last,
      loss: this.lossSum / this.steps,
      trainAccuracy: this.accSum / this.steps,
      samplesPerSecond,
      secondsLeft: Math.max(0, (t.totalSteps - t.step) * secondsPerStep),
    });
    this.steps = 0;
    this.lossSum = 0;
    this.accSum = 0;
    this.trainMs = 0;
  }
}
