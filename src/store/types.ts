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
import type { BaselineInfo } from '../worker/compression-protocol';
import type { LabPoint } from '../features/compress/shown';
import type { CompressUi } from '../url/compressControls';
import type { LinkView } from '../url/types';
import type { LessonId } from '../lessons/lessons';
import type { FineTuneSlice } from '../features/compress/fineTuneSlice';
import type { AutoCompressSlice } from '../features/compress/autoCompressSlice';
import type { LotterySlice } from '../features/lottery/lotterySlice';
import type { BoundarySlice } from '../features/boundary/boundarySlice';
import type { TransferSlice } from '../features/transfer/transferSlice';
import type { HistorySlice } from '../features/history/historySlice';
import type { ModelFilesSlice } from '../features/compress/modelFiles';
import type { SpeedSlice } from '../features/compress/speedSlice';
import type { DigitSlice } from '../features/compress/digitSlice';
import type { ClassroomSlice } from '../features/history/classroomSlice';
import type { Series } from '../shared/charts/series';
import type { RunRecord } from '../history/types';
import type { ProgressEvent } from '../features/train/throttle';

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

/** The views a link can open (the url codec's list). */
export type ViewId = LinkView;

export interface ViewSlice {
  view: ViewId;
  /** Switches the view and records it in the URL hash (#view=compress). */
  setView(view: ViewId): void;
}

/** ready: the trained model is in the worker and the controls are live. */
export type BaselineStatus = 'none' | 'loading' | 'ready' | 'unavailable';

export interface SweepState {
  running: boolean;
  done: number;
  total: number;
  /** Why it stopped early, as a sentence; null while running or when it completed. */
  stopped: string | null;
}

export interface CompressSlice {
  compressUi: CompressUi;
  baseline: BaselineInfo | null;
  baselineStatus: BaselineStatus;
  /** The training run the baseline belongs to (opening the view reloads it for a newer run). */
  baselineRunId: number | null;
  /** The model in the lab (a trained model, a handed-over ticket): a new number whenever it
   * changes. Every figure carries the number of the model it was measured on. */
  labModelId: number;
  /** The latest figure the worker sent for the controls: the estimate first, then the full test
   * set. Views read it through selectShownPoint (shown.ts), never directly. */
  current: LabPoint | null;
  /** Every full-test-set point so far for this model, one per distinct setting. */
  points: LabPoint[];
  sweep: SweepState | null;
  compressError: string | null;
  /** The latest estimate's timing: from the last control change to the page (pageMs), and
   * from the request to the answer inside the worker (workerMs). */
  estimateTiming: { pageMs: number; workerMs: number; phases?: { compress: number; evaluate: number } } | null;
  setCompressUi(patch: Partial<CompressUi>): void;
  /** Fetches the trained model's baseline when the view needs it (idempotent per run). */
  syncBaseline(): Promise<void>;
  /** The empty state's one button: trains the default LeNet-300-100 on MNIST. */
  trainForCompression(): Promise<void>;
  startSweep(): Promise<void>;
  cancelSweep(): void;
  /** A new run started or the model was reset: forget the old model's lab. */
  dropCompression(): void;
}

/** The guided lessons: which one is open, the step, and the learner's predictions. */
export interface LearnSlice {
  lessonId: LessonId;
  stepIndex: number;
  /** Chosen option per step, keyed "lesson/step"; a step's answer shows once it has a guess. */
  guesses: Record<string, number>;
  /** A step's experiment is open in another view: show the way back to the lesson. */
  lessonDock: boolean;
  openLesson(id: LessonId): void;
  goToStep(index: number): void;
  guess(key: string, option: number): void;
  /** Opens the current step's experiment (its share link) in its view. */
  setUpStep(): void;
  closeLessonDock(): void;
}

/** What opening a share link ignored or changed, one sentence each (empty: nothing). */
export interface LinkSlice {
  linkNotes: string[];
  dismissLinkNotes(): void;
  /** Applies a share link's hash (opened or pasted); the run, if any, is left alone. */
  applyLink(hash: string, from?: 'address'): void;
  /** Puts a kept lottery or transfer run's figures back in its view (src/store/keptRuns.ts);
   * false when there were none to put back or that view is measuring a run of its own. */
  showKeptRun(run: RunRecord): boolean;
  /** Links that came through the address bar (opened or pasted) in this tab so far; the
   * "Rerun this experiment" offer follows it. History and lessons apply links without it. */
  linkApplied: number;
  /** The value of linkApplied when History or a lesson last applied a link of its own: the
   * shared experiment is then no longer what the controls show. */
  linkSuperseded: number;
}

export type AppState = ModelFilesSlice & SpeedSlice & DigitSlice & LotterySlice & LinkSlice & SpecSlice & TrainingSlice & BackendSlice & ViewSlice & CompressSlice & FineTuneSlice & AutoCompressSlice & BoundarySlice & TransferSlice & LearnSlice & HistorySlice & ClassroomSlice;
