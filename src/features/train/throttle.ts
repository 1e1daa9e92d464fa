// Collects metric events from the worker and hands them over in batches, at most once per
// interval, so a run reporting every batch still re-renders the page only ~5 times a second.
import type { EvalMetrics } from '../../engine/spec/types';
import type { TrainHandlers } from '../../worker/protocol';

export type ProgressEvent = Parameters<TrainHandlers['onProgress']>[0];

export interface MetricsBatch {
  progress: ProgressEvent[];
  evals: EvalMetrics[];
}

export const FLUSH_INTERVAL_MS = 200;

export interface MetricsThrottle {
  pushProgress(p: ProgressEvent): void;
  pushEval(e: EvalMetrics): void;
  /** Delivers whatever is buffered right away (state changes, end of run, a single step). */
  flushNow(): void;
  /** Drops the buffer and stops delivering (after a reset). */
  dispose(): void;
}

export function createMetricsThrottle(
  deliver: (batch: MetricsBatch) => void,
  intervalMs = FLUSH_INTERVAL_MS,
): MetricsThrottle {
  let progress: ProgressEvent[] = [];
  let evals: EvalMetrics[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = 0;
  let disposed = false;

  const flushNow = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (disposed || (progress.length === 0 && evals.length === 0)) return;
    const batch = { progress, evals };
    progress = [];
    evals = [];
    lastFlush = performance.now();
    deliver(batch);
  };

  const schedule = () => {
    if (disposed || timer !== null) return;
    const wait = Math.max(0, intervalMs - (performance.now() - lastFlush));
    timer = setTimeout(flushNow, wait);
  };

  return {
    pushProgress(p) {
      progress.push(p);
      schedule();
    },
    pushEval(e) {
      evals.push(e);
      schedule();
    },
    flushNow,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      progress = [];
      evals = [];
    },
  };
}
