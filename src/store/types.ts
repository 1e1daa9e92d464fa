// The shape of the one app store. Each slice owns a part; actions live next to their state.
import type {
  BackendChoice,
  DatasetId,
  EvalMetrics,
  LrSchedule,
  ModelId,
  TrainSpec,
} from '../engine/spec/types';
import type { BackendInfo, DataStatus, RunState, TrainOutcome } from '../worker/protocol';
import type { Series } from './series';
import type { ProgressEvent } from './throttle';

/** Inputs that can hold text the spec cannot accept yet (shown inline, blocks Train). */
export type SpecField =
  | 'hidden'
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'seed'
  | 'warmupSteps'
  | 'decayEverySteps'
  | 'gamma';

export interface SpecSlice {
  /** The experiment being edited; a run copies it when it starts. */
  spec: TrainSpec;
  fieldErrors: Partial<Record<SpecField, string>>;
  /** Bumped when the spec is replaced wholesale, so inputs drop half-typed text. */
  formVersion: number;
  setDataset(dataset: DatasetId): void;
  setModel(model: ModelId): void;
  updateSpec(patch: Partial<Omit<TrainSpec, 'dataset' | 'model' | 'schedule'>>): void;
  setScheduleKind(kind: LrSchedule['kind']): void;
  updateStepSchedule(patch: Partial<Omit<Extract<LrSchedule, { kind: 'step' }>, 'kind'>>): void;
  setFieldError(field: SpecField, message: string | null): void;
}

export interface MetricHistory {
  loss: Series;
  trainAccuracy: Series;
  validationLoss: Series;
  validationAccuracy: Series;
  testAccuracy: Series;
}

export interface TrainingSlice {
  runState: RunState;
  /** Increases with every Train from scratch and every Reset; stale worker events are dropped. */
  runId: number;
  /** The spec of the current or last run (the chart's epoch axis, the step total). */
  runSpec: TrainSpec | null;
  progress: ProgressEvent | null;
  dataStatus: DataStatus | null;
  latestEval: EvalMetrics | null;
  outcome: TrainOutcome | null;
  history: MetricHistory;
  /** Polite announcement for the live region. */
  statusMessage: string;
  errorMessage: string | null;
  /** A pause, step, resume or reset is on its way to the worker. */
  pending: boolean;
  startTraining(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  dismissError(): void;
}

export type BackendStatus = 'idle' | 'initialising' | 'ready' | 'error';

export interface BackendSlice {
  backend: BackendInfo | null;
  backendChoice: BackendChoice;
  backendStatus: BackendStatus;
  backendError: string | null;
  setBackendChoice(choice: BackendChoice): Promise<void>;
}

export type AppState = SpecSlice & TrainingSlice & BackendSlice;
