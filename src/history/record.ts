// Builds a History record from what the page knows when a run ends, and keeps the record's
// compression points in step with the lab's chart.
import { DATASETS } from '../engine/datasets/registry';
import { MODELS } from '../engine/models/registry';
import type { EvalMetrics, TrainSpec } from '../engine/spec/types';
import type { CompressionPoint } from '../worker/compression-protocol';
import type { TrainOutcome } from '../worker/protocol';
import type { CurvePoint, RunCompressionPoint, RunCurves, TrainingRunRecord } from './types';

interface SeriesLike {
  readonly points: readonly CurvePoint[];
}

export interface FinishedRun {
  id: string;
  createdAt: number;
  link: string;
  spec: TrainSpec;
  backend: string | null;
  outcome: TrainOutcome;
  latestEval: EvalMetrics | null;
  history: { loss: SeriesLike; trainAccuracy: SeriesLike; validationAccuracy: SeriesLike; testAccuracy: SeriesLike };
}

const copy = (s: SeriesLike): CurvePoint[] => s.points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.epoch)).map((p) => ({ epoch: p.epoch, value: p.value }));

/** "LeNet-300-100 · MNIST digits · seed 0": what a student needs to tell runs apart. */
export function defaultRunName(spec: TrainSpec): string {
  return `${MODELS[spec.model].label} · ${DATASETS[spec.dataset].label} · seed ${spec.seed}`;
}

export function buildRunRecord(run: FinishedRun): TrainingRunRecord {
  const final = run.outcome.final ?? run.latestEval;
  const curves: RunCurves = {
    loss: copy(run.history.loss),
    trainAccuracy: copy(run.history.trainAccuracy),
    validationAccuracy: copy(run.history.validationAccuracy),
    testAccuracy: copy(run.history.testAccuracy),
  };
  // The final evaluation ends the curves even when its streamed copy has not been charted yet.
  if (final) {
    const ensureLast = (curve: CurvePoint[], value: number) => {
      if (!Number.isFinite(value) || (curve.at(-1)?.epoch ?? -1) >= final.epoch) return;
      curve.push({ epoch: final.epoch, value: value * 100 });
    };
    ensureLast(curves.testAccuracy, final.testAccuracy);
    ensureLast(curves.validationAccuracy, final.validationAccuracy);
  }
  return {
    kind: 'training',
    id: run.id,
    name: defaultRunName(run.spec),
    createdAt: run.createdAt,
    link: run.link,
    dataset: run.spec.dataset,
    model: run.spec.model,
    backend: run.backend,
    status: run.outcome.status,
    epochs: run.spec.epochs,
    steps: run.outcome.steps,
    seconds: run.outcome.seconds,
    testAccuracy: final?.testAccuracy ?? null,
    validationAccuracy: final?.validationAccuracy ?? null,
    curves,
    denseBytes: null,
    points: [],
  };
}

export function toRunPoints(points: readonly CompressionPoint[]): RunCompressionPoint[] {
  // An auto-compressed model has per-layer settings a history point (one method, one bit width)
  // cannot hold: left out rather than recorded under its first layer's settings.
  return points.filter((p) => !p.autoCompressed).map((p) => ({
    method: p.settings.pruning.method,
    sparsity: p.sparsity,
    bits: p.settings.quantization.bits,
    encodedBytes: p.encodedBytes,
    accuracy: p.accuracy,
    ...(p.fineTunedEpochs ? { fineTunedEpochs: p.fineTunedEpochs } : {}),
  }));
}

/** A new id that sorts by time and does not collide within a tab. */
export function newRunId(now: number, counter: number): string {
  return `run-${now.toString(36)}-${counter.toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}
