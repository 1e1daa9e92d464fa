// Types that cross the worker boundary. Plain data only: numbers, strings and typed arrays.
import type { BackendChoice, EvalMetrics, ProgressMetrics, TrainSpec } from '../engine/spec/types';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  choice: BackendChoice;
  /** One sentence a student can read: why this backend runs. */
  reason: string;
  /** The WebGL renderer string, when WebGL could be probed. */
  renderer?: string;
  /** True when the WebGL renderer is a software rasteriser (SwiftShader, llvmpipe). */
  softwareWebgl?: boolean;
}

export type RunState = 'idle' | 'loading-data' | 'running' | 'paused' | 'done' | 'cancelled' | 'error';

export interface DataStatus {
  message: string; // e.g. "Loading MNIST (11 MB)…"
  fraction?: number; // 0..1 when known
}

export interface TrainHandlers {
  onProgress(p: ProgressMetrics & { samplesPerSecond: number; secondsLeft: number }): void;
  onEval(e: EvalMetrics): void;
  onState(state: RunState, detail?: string): void;
  onData?(status: DataStatus): void;
  /** The run moved to another backend mid-way (the WebGL context was lost); `message` says so. */
  onBackendChange?(info: BackendInfo, message: string): void;
}

export interface TrainOutcome {
  status: 'done' | 'cancelled';
  final?: EvalMetrics;
  steps: number;
  seconds: number;
}

export type { TrainSpec };
