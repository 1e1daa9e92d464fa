// The async loop around a LotteryRun: slices of synchronous steps sized to about `sliceMs`, a turn
// of the event loop between them so an abort (or a message to the worker) lands, and each
// finished round reported as soon as it exists.
import type { Dataset, TrainSpec } from '../spec/types';
import { adaptSliceSize, throwIfAborted, yieldToEventLoop, type AbortSignalLike } from '../training/yield';
import type { LotteryRoundResult } from './results';
import type { LotteryProgress } from './plan';
import { createLotteryRun, restoreLotteryRun, type LotteryRun } from './run';
import type { LotterySettingsInput } from './settings';
import type { LotterySnapshot } from './snapshot';

export interface LotteryDriveOptions {
  signal?: AbortSignalLike;
  /** Each finished round (the dense trunk first, as round 0), with the progress right after it. */
  onRound?: (result: LotteryRoundResult, progress: LotteryProgress) => void;
  /** After every slice. */
  onProgress?: (progress: LotteryProgress) => void;
  /** Target milliseconds of work between two turns of the event loop. Default 100. */
  sliceMs?: number;
}

/**
 * Runs `run` to its end and returns every round's result. Rejects with an error named
 * 'AbortError' when `signal` aborts; the run stays alive either way (the caller owns it, and may
 * snapshot it after an abort to resume later).
 */
export async function driveLotteryRun(run: LotteryRun, opts: LotteryDriveOptions = {}): Promise<LotteryRoundResult[]> {
  const sliceMs = opts.sliceMs ?? 100;
  let stepsPerSlice = 1;
  throwIfAborted(opts.signal);
  while (!run.done) {
    const started = Date.now();
    const ran = run.runSteps(stepsPerSlice);
    stepsPerSlice = adaptSliceSize(stepsPerSlice, ran, Date.now() - started, sliceMs);
    const finished = run.takeFinishedRounds();
    if (finished.length > 0) {
      const progress = run.progress();
      for (const result of finished) opts.onRound?.(result, progress);
    }
    opts.onProgress?.(run.progress());
    await yieldToEventLoop();
    throwIfAborted(opts.signal);
  }
  return run.results();
}

/** A whole lottery run (or the rest of a saved one, with `resume`), freed when it ends or aborts. */
export async function runLottery(
  spec: TrainSpec,
  data: Dataset,
  settings: LotterySettingsInput,
  opts: LotteryDriveOptions & { resume?: LotterySnapshot } = {},
): Promise<LotteryRoundResult[]> {
  throwIfAborted(opts.signal);
  const run = opts.resume ? restoreLotteryRun(opts.resume, data) : createLotteryRun(spec, data, settings);
  try {
    return await driveLotteryRun(run, opts);
  } finally {
    run.dispose();
  }
}
