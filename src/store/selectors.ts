// Plain selector functions: pass them to useAppStore. Each returns a primitive or a reference
// already held in the store, so components re-render only when that piece changes.
import type { AppState } from './types';

export const selectSpec = (s: AppState) => s.spec;
export const selectHistory = (s: AppState) => s.history;
export const selectBackend = (s: AppState) => s.backend;

/** Data is loading, or the model is training or paused mid-run: the one definition of an active run. */
export const isRunActive = (runState: AppState['runState']) => runState === 'loading-data' || runState === 'running' || runState === 'paused';

export const selectIsActive = (s: AppState) => isRunActive(s.runState);

/** The run has ended with a model in the worker (finished, or stopped early). */
export const isRunStopped = (runState: AppState['runState']) => runState === 'done' || runState === 'cancelled';

/** Spec inputs are read-only while a run uses them. */
export const selectControlsLocked = (s: AppState) => selectIsActive(s) || s.pending;

export const selectHasFieldErrors = (s: AppState) => Object.keys(s.fieldErrors).length > 0;

export const selectCanTrain = (s: AppState) =>
  !s.pending &&
  s.backendStatus !== 'initialising' &&
  (s.runState === 'paused' || (!selectIsActive(s) && !selectHasFieldErrors(s)));

export const selectCanPause = (s: AppState) => !s.pending && s.runState === 'running';
export const selectCanStep = (s: AppState) => !s.pending && s.runState === 'paused';
export const selectCanReset = (s: AppState) =>
  !s.pending && (s.runState !== 'idle' || s.history.loss.points.length > 0);

/** Nothing has been drawn yet: the chart area shows the teaching empty state. */
export const selectIsEmpty = (s: AppState) =>
  s.history.loss.points.length === 0 && s.history.testAccuracy.points.length === 0;

/** Fraction of the run's steps done, 0..1 (0 before the first report). */
export const selectProgressFraction = (s: AppState) => {
  const p = s.progress;
  if (!p || p.totalSteps <= 0) return s.runState === 'done' ? 1 : 0;
  return Math.min(1, p.step / p.totalSteps);
};

export const selectTestAccuracy = (s: AppState) => s.latestEval?.testAccuracy ?? null;
export const selectValidationAccuracy = (s: AppState) => s.latestEval?.validationAccuracy ?? null;

/** The latest smoothed training loss (the last point the chart draws). */
export const selectTrainingLoss = (s: AppState) => s.history.loss.points.at(-1)?.value ?? null;

export const selectSamplesPerSecond = (s: AppState) => s.progress?.samplesPerSecond ?? null;
