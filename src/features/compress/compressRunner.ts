// Who gets the worker when. A moved control is debounced (60 ms; a lone change after a quiet
// moment goes at once) and then supersedes whatever the worker is doing, including a sweep
// point, which the worker answers with null. The sweep sends its next point only while no control change is waiting, and
// repeats a point that was superseded. Answers for older requests or an older model are dropped.
import type { CompressionPoint, CompressionSettings } from '../../worker/compression-protocol';
import { bridge } from '../../store/bridge';
import { settingsKey, toCompressionSettings } from '../../url/compressControls';
import { labPoint } from './shown';
import { sweepGrid } from './sweep';
import { toUserMessage } from '../../shared/errors';
import type { AppState } from '../../store/types';

type Get = () => AppState;
type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

export const DEBOUNCE_MS = 60;
/** A sweep point superseded this many times in a row is skipped rather than retried forever. */
const MAX_RETRIES = 8;

export interface CompressRunner {
  /** The controls changed: measure them after the debounce (or at once). */
  requestLive(immediate?: boolean): void;
  startSweep(): Promise<void>;
  cancelSweep(): void;
  /** The model changed or was dropped: forget every request in flight. */
  invalidate(): void;
}

const noEstimate = { onEstimate: () => undefined };

export function createCompressRunner(get: Get, set: Set): CompressRunner {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let liveSeq = 0;
  let liveInFlight = 0;
  let changedAt = 0;
  let sweepToken = 0;
  let idleWaiters: (() => void)[] = [];

  const liveIdle = () => timer === null && liveInFlight === 0;
  const wakeWaiters = () => {
    if (!liveIdle()) return;
    const waiting = idleWaiters;
    idleWaiters = [];
    for (const wake of waiting) wake();
  };
  const waitLiveIdle = () => (liveIdle() ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));
  const seedOf = () => get().runSpec?.seed ?? 0;

  function addPoint(point: CompressionPoint, modelId: number): void {
    if (get().labModelId !== modelId) return;
    const measured = labPoint(point, modelId);
    set((s) => ({ points: [...s.points.filter((p) => p.key !== measured.key), measured] }));
  }

  async function runLive(): Promise<void> {
    timer = null;
    const s = get();
    if (s.baselineStatus !== 'ready') return wakeWaiters();
    const seq = ++liveSeq;
    const modelId = s.labModelId;
    const since = changedAt;
    const mine = () => seq === liveSeq && get().labModelId === modelId;
    liveInFlight++;
    try {
      const settings = toCompressionSettings(s.compressUi, seedOf());
      const full = await bridge().compress(settings, {
        onEstimate: (point) => {
          if (mine()) set({ current: labPoint(point, modelId), compressError: null, estimateTiming: { pageMs: performance.now() - since, workerMs: point.ms, phases: point.phaseMs } });
        },
      });
      if (full) addPoint(full, modelId);
      if (full && mine()) set({ current: labPoint(full, modelId), compressError: null });
    } catch (error) {
      if (mine()) set({ compressError: toUserMessage(error, 'Could not compress the model') });
    } finally {
      liveInFlight--;
      wakeWaiters();
    }
  }

  async function evaluate(settings: CompressionSettings, modelId: number, stillMine: () => boolean): Promise<void> {
    const key = settingsKey(settings);
    const known = () => get().points.some((p) => p.key === key);
    for (let attempt = 0; attempt < MAX_RETRIES && stillMine() && !known(); attempt++) {
      await waitLiveIdle();
      if (!stillMine() || known()) return;
      const point = await bridge().compress(settings, noEstimate);
      if (point) addPoint(point, modelId);
    }
  }

  return {
    requestLive(immediate = false) {
      changedAt = performance.now();
      // A single change with nothing in flight goes at once; a drag waits for a pause.
      const idle = timer === null && liveInFlight === 0;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void runLive(), immediate || idle ? 0 : DEBOUNCE_MS);
    },

    async startSweep() {
      const s = get();
      if (s.baselineStatus !== 'ready' || s.sweep?.running) return;
      const token = ++sweepToken;
      const modelId = s.labModelId;
      const grid = sweepGrid(s.compressUi, seedOf());
      const stillMine = () => token === sweepToken && get().labModelId === modelId;
      set({ sweep: { running: true, done: 0, total: grid.length, stopped: null } });
      for (let i = 0; i < grid.length; i++) {
        try {
          await evaluate(grid[i], modelId, stillMine);
        } catch (error) {
          if (!stillMine()) return;
          sweepToken++;
          set({ sweep: { running: false, done: i, total: grid.length, stopped: toUserMessage(error, 'The sweep stopped') } });
          return;
        }
        if (!stillMine()) return;
        set({ sweep: { running: true, done: i + 1, total: grid.length, stopped: null } });
      }
      set({ sweep: { running: false, done: grid.length, total: grid.length, stopped: null } });
    },

    cancelSweep() {
      const sweep = get().sweep;
      if (!sweep?.running) return;
      sweepToken++;
      set({ sweep: { ...sweep, running: false, stopped: `Cancelled after ${sweep.done} of ${sweep.total} settings; the points so far are kept.` } });
    },

    invalidate() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      liveSeq++;
      sweepToken++;
      wakeWaiters();
    },
  };
}
