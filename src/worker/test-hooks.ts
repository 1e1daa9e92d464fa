// Fault injection for the end-to-end fault tests (e2e/fault.spec.ts, npm run soak), reached from
// the page through window.__playground. Nothing here runs unless a test calls it.
import * as tf from '@tensorflow/tfjs';
import type { GpuWatch } from './gpu-watch';
import type { TrainingSession } from './training-session';

export function createTestHooks(session: TrainingSession, gpu: GpuWatch) {
  return {
    /** An uncaught error in the worker's global scope, as a bug or an out-of-memory would give. */
    async crashForTests(): Promise<void> {
      setTimeout(() => {
        throw new Error('Simulated crash (fault test)');
      }, 0);
    },
    /** Loses the WebGL context under the running model; false when not on WebGL. */
    loseWebglContextForTests: async (): Promise<boolean> => gpu.loseForTests(),
    /** What the worker is doing now: to check that nothing keeps running after a cancel. */
    async engineStatus(): Promise<{ runState: string; step: number | null; backend: string; numTensors: number; heapBytes: number | null }> {
      // gc exists only when the browser runs with --js-flags=--expose-gc (npm run soak).
      (globalThis as { gc?: () => void }).gc?.();
      const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
      let backend = 'starting';
      let numTensors = 0;
      try {
        backend = tf.getBackend() ?? 'none';
        numTensors = tf.memory().numTensors;
      } catch {
        // The backend is still initialising (a restarted worker).
      }
      return { runState: session.runState, step: session.activeTrainer?.step ?? null, backend, numTensors, heapBytes: heap };
    },
  };
}
