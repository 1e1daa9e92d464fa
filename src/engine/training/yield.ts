// Cooperative scheduling for the async training loop: how many steps go into one slice, and
// a turn of the event loop between slices so an abort (or a message to the worker) lands.
// Only ES2022 globals are assumed to be typed; the rest are looked up at run time, because
// the engine compiles without the DOM lib and runs in a Worker, in the page and in Node.

interface PortLike {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

interface SchedulingGlobals {
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: new () => { port1: PortLike; port2: PortLike };
  setTimeout?: (callback: () => void, ms: number) => unknown;
}

/** The part of AbortSignal the engine reads, so no DOM types are needed. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Resolves on a new macrotask. Avoids setTimeout when possible: nested timers get clamped to 4 ms. */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as SchedulingGlobals;
  return new Promise((resolve) => {
    if (g.setImmediate) {
      g.setImmediate(resolve);
    } else if (g.MessageChannel) {
      const { port1, port2 } = new g.MessageChannel();
      port1.onmessage = () => {
        port1.close();
        port2.close();
        resolve();
      };
      port2.postMessage(null);
    } else if (g.setTimeout) {
      g.setTimeout(resolve, 0);
    } else {
      resolve();
    }
  });
}

/** Like the DOMException fetch throws on abort: callers test `error.name === 'AbortError'`. */
export function abortError(message = 'Training was cancelled.'): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** The next step that ends an eval interval or an epoch, capped at the end of training. */
export function nextEvalStep(step: number, evalEvery: number, stepsPerEpoch: number, totalSteps: number): number {
  let next = (Math.floor(step / stepsPerEpoch) + 1) * stepsPerEpoch;
  if (evalEvery > 0) next = Math.min(next, (Math.floor(step / evalEvery) + 1) * evalEvery);
  return Math.min(next, totalSteps);
}

/**
 * Steps for the next slice so it lasts about `sliceMs`, from the pace of the last one
 * (`ran` steps in `elapsedMs`); it at most doubles or halves per slice, so one slow outlier
 * (a GC pause, a shader compile) cannot swing it far.
 */
export function adaptSliceSize(current: number, ran: number, elapsedMs: number, sliceMs: number): number {
  if (ran < 1) return current;
  const wanted = Math.round(sliceMs / (Math.max(elapsedMs, 1) / ran));
  return Math.max(1, Math.min(current * 2, Math.max(Math.floor(current / 2), wanted)));
}
