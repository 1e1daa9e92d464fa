// Types that cross the worker boundary. Plain data only: numbers, strings and typed arrays.
import type { BackendChoice, EvalMetrics, ProgressMetrics, TrainSpec } from '../engine/spec/types';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** A few training steps of the chosen model timed on one backend (backend-measure.ts). */
export interface BackendMeasurement {
  name: BackendName;
  /** Training samples per second; null when the backend could not start or run. */
  samplesPerSecond: number | null;
  /** Why it could not (a sentence), when samplesPerSecond is null. */
  error?: string;
}

/** The timings behind an automatic choice, as the card shows them. */
export interface BackendTimings {
  model: string;
  batchSize: number;
  measured: BackendMeasurement[];
  /** When they were taken (ms since 1970); earlier than this page load when remembered. */
  at: number;
  /** True when read back from this device's earlier measurement rather than taken now. */
  remembered: boolean;
}

export interface BackendInfo {
  name: BackendName;
  choice: BackendChoice;
  /** One sentence a student can read: why this backend runs. */
  reason: string;
  /** The WebGL renderer string, when WebGL could be probed. */
  renderer?: string;
  /** True when the WebGL renderer is a software rasteriser (SwiftShader, llvmpipe). */
  softwareWebgl?: boolean;
  /** The measurement an automatic choice was made from (absent for an override). */
  timings?: BackendTimings;
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
  /** The run moved to another backend mid-way (the WebGL context or WebGPU device was lost); `message` says so. */
  onBackendChange?(info: BackendInfo, message: string): void;
}

export interface TrainOutcome {
  status: 'done' | 'cancelled';
  final?: EvalMetrics;
  steps: number;
  seconds: number;
}

export type { TrainSpec };
