import type { StateCreator } from 'zustand';
import type { TrainHandlers, TrainOutcome } from '../../worker/protocol';
import { bridge } from '../../store/bridge';
import { toUserMessage } from '../../shared/errors';
import { appendPoints, EMPTY_SERIES, type Point } from '../../shared/charts/series';
import { createMetricsThrottle, type MetricsBatch, type MetricsThrottle } from './throttle';
import type { AppState, MetricHistory, TrainingSlice } from '../../store/types';
import { formatPercent, formatSeconds } from '../../shared/format';
import { isRunActive } from '../../store/selectors';

/** Batches one press of Step trains. */
export const STEP_BATCHES = 1;

const EMPTY_HISTORY: MetricHistory = {
  loss: EMPTY_SERIES,
  trainAccuracy: EMPTY_SERIES,
  validationLoss: EMPTY_SERIES,
  validationAccuracy: EMPTY_SERIES,
  testAccuracy: EMPTY_SERIES,
};

const CLEARED = {
  runState: 'idle',
  runSpec: null,
  progress: null,
  dataStatus: null,
  latestEval: null,
  outcome: null,
  history: EMPTY_HISTORY,
  errorMessage: null,
} as const satisfies Partial<TrainingSlice>;

/** The batch buffer of the run in flight; replaced on every new run, dropped on Reset. */
let throttle: MetricsThrottle | null = null;

function mergeBatch(history: MetricHistory, batch: MetricsBatch): MetricHistory {
  const pick = <T>(items: T[], f: (t: T) => Point) => items.map(f);
  const { progress: p, evals: e } = batch;
  return {
    loss: appendPoints(history.loss, pick(p, (x) => ({ epoch: x.epoch, value: x.loss }))),
    trainAccuracy: appendPoints(
      history.trainAccuracy,
      pick(p, (x) => ({ epoch: x.epoch, value: x.trainAccuracy * 100 })),
    ),
    validationLoss: appendPoints(
      history.validationLoss,
      pick(e, (x) => ({ epoch: x.epoch, value: x.validationLoss })),
    ),
    validationAccuracy: appendPoints(
      history.validationAccuracy,
      pick(e, (x) => ({ epoch: x.epoch, value: x.validationAccuracy * 100 })),
    ),
    testAccuracy: appendPoints(
      history.testAccuracy,
      pick(e, (x) => ({ epoch: x.epoch, value: x.testAccuracy * 100 })),
    ),
  };
}

function doneMessage(outcome: TrainOutcome, epochs: number): string {
  const acc = outcome.final ? `${formatPercent(outcome.final.testAccuracy)} test accuracy` : 'finished';
  const time = formatSeconds(outcome.seconds);
  if (outcome.status === 'cancelled') return `Stopped after ${outcome.steps} steps (${time}).`;
  return `Done: ${acc} after ${epochs} ${epochs === 1 ? 'epoch' : 'epochs'} in ${time}.`;
}

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set, get) => {
  const isCurrent = (runId: number) => get().runId === runId;

  function handlersFor(runId: number, buffer: MetricsThrottle): TrainHandlers {
    return {
      onProgress: (p) => {
        if (isCurrent(runId)) buffer.pushProgress(p);
      },
      onEval: (e) => {
        if (isCurrent(runId)) buffer.pushEval(e);
      },
      onData: (status) => {
        if (isCurrent(runId)) set({ dataStatus: status, statusMessage: status.message });
      },
      // The WebGL context was lost and the run went on with WebAssembly: the card shows the new
      // backend and the alert says what happened; the curves so far stay.
      onBackendChange: (info, message) => {
        if (isCurrent(runId)) set({ backend: info, backendStatus: 'ready', errorMessage: message });
      },
      onState: (state, detail) => {
        if (!isCurrent(runId)) return;
        buffer.flushNow();
        const step = get().progress?.step ?? 0;
        const messages: Partial<Record<typeof state, string>> = {
          'loading-data': detail ?? 'Loading the data…',
          running: 'Training…',
          paused: `Paused at step ${step}. Press Step to train one batch, or Train to continue.`,
        };
        set({
          runState: state,
          ...(messages[state] ? { statusMessage: messages[state] } : {}),
          ...(state === 'error' ? { errorMessage: toUserMessage(detail, 'Training stopped') } : {}),
        });
      },
    };
  }

  /** Runs a bridge call; a rejection becomes a sentence in the store. */
  async function guarded(context: string, call: () => Promise<void>): Promise<boolean> {
    set({ pending: true });
    try {
      await call();
      return true;
    } catch (error) {
      set({ errorMessage: toUserMessage(error, context) });
      return false;
    } finally {
      set({ pending: false });
    }
  }

  return {
    ...CLEARED,
    runId: 0,
    statusMessage: '',
    pending: false,

    async startTraining() {
      const s = get();
      if (s.pending) return;
      if (s.runState === 'paused') {
        const ok = await guarded('Could not resume', () => bridge().resume());
        if (ok && get().runState === 'paused') set({ runState: 'running', statusMessage: 'Training…' });
        return;
      }
      if (s.runState === 'running' || s.runState === 'loading-data') return;
      if (Object.keys(s.fieldErrors).length > 0) return;

      const runId = s.runId + 1;
      const runSpec = structuredClone(s.spec);
      throttle?.dispose();
      const buffer = createMetricsThrottle((batch) => {
        if (!isCurrent(runId)) return;
        const last = batch.progress.at(-1);
        const lastEval = batch.evals.at(-1);
        set((state) => ({
          history: mergeBatch(state.history, batch),
          ...(last ? { progress: last } : {}),
          ...(lastEval ? { latestEval: lastEval } : {}),
        }));
      });
      throttle = buffer;
      set({ ...CLEARED, runId, runSpec, runState: 'loading-data', statusMessage: 'Starting…' });

      try {
        const outcome = await bridge().train(runSpec, handlersFor(runId, buffer));
        if (!isCurrent(runId)) return;
        buffer.flushNow();
        set((state) => ({
          outcome,
          runState: outcome.status,
          latestEval: outcome.final ?? state.latestEval,
          statusMessage: doneMessage(outcome, runSpec.epochs),
        }));
        // A finished (or stopped) run is kept in the History with its curves and settings.
        void get().recordFinishedRun();
      } catch (error) {
        if (!isCurrent(runId)) return;
        buffer.flushNow();
        set({
          runState: 'error',
          errorMessage: toUserMessage(error, 'Training stopped'),
          statusMessage: '',
        });
      }
    },

    async pause() {
      const s = get();
      if (s.pending || s.runState !== 'running') return;
      const ok = await guarded('Could not pause', () => bridge().pause());
      throttle?.flushNow();
      if (ok && get().runState === 'running') {
        const step = get().progress?.step ?? 0;
        set({
          runState: 'paused',
          statusMessage: `Paused at step ${step}. Press Step to train one batch, or Train to continue.`,
        });
      }
    },

    async step() {
      const s = get();
      if (s.pending || s.runState !== 'paused') return;
      await guarded('Could not run one step', () => bridge().step(STEP_BATCHES));
      throttle?.flushNow();
      const step = get().progress?.step;
      if (step !== undefined && get().runState === 'paused') {
        set({ statusMessage: `Paused at step ${step}.` });
      }
    },

    async reset() {
      const s = get();
      if (s.pending) return;
      const wasActive = isRunActive(s.runState);
      throttle?.dispose();
      throttle = null;
      // A new run id first: events the worker still sends for the old run are ignored.
      set({ ...CLEARED, runId: s.runId + 1, statusMessage: 'Resetting…' });
      const ok = await guarded('Could not reset', async () => {
        if (wasActive) await bridge().cancel();
        await bridge().reset();
      });
      if (ok) set({ statusMessage: 'Reset: the model was dropped. Press Train to start again.' });
      else set({ statusMessage: '' });
    },

    dismissError() {
      set({ errorMessage: null });
    },
  };
};
