// The experiment spec: plain data, serialisable, shared by the engine, the worker, the URL
// codec and the store. Everything a run depends on is in here, seed included.

export type DatasetId = 'mnist' | 'circle' | 'xor' | 'gaussians' | 'spiral';
export type ModelId = 'lenet_300_100' | 'lenet5' | 'mlp_2d';
export type OptimizerId = 'sgd' | 'momentum' | 'adam';
export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Learning-rate schedule. `step`: linear warmup over `warmupSteps` batches, then the rate is
 * multiplied by `gamma` every `decayEverySteps` batches (what learning-rate rewinding replays). */
export type LrSchedule =
  | { kind: 'constant' }
  | { kind: 'step'; warmupSteps: number; decayEverySteps: number; gamma: number };

export interface TrainSpec {
  dataset: DatasetId;
  model: ModelId;
  /** Widths of the hidden layers; their meaning depends on the model (see models/registry). */
  hidden: number[];
  epochs: number;
  batchSize: number;
  optimizer: OptimizerId;
  learningRate: number;
  schedule: LrSchedule;
  seed: number;
  /** Evaluate validation and test accuracy every this many batches (and at each epoch end). */
  evalEverySteps: number;
  /** Keep a copy of the weights after these step counts (step 0 = init is always kept). */
  checkpointSteps: number[];
}

/** One dataset split in memory. Features are float32 in [0, 1] for MNIST (row-major,
 * `featureShape` per example), raw coordinates for the 2-D sets. */
export interface Split {
  x: Float32Array;
  y: Uint8Array;
  count: number;
}

export interface Dataset {
  id: DatasetId;
  featureShape: number[]; // [28, 28, 1] for MNIST, [2] for the 2-D sets
  numClasses: number;
  train: Split;
  validation: Split;
  test: Split;
}

/** A named parameter tensor copied out of the engine (crosses the worker boundary). */
export interface WeightArray {
  name: string; // e.g. "dense_0/kernel"
  shape: number[];
  values: Float32Array;
}

export interface ProgressMetrics {
  step: number; // batches done so far
  epoch: number; // fractional epochs done, e.g. 1.25
  totalSteps: number;
  loss: number; // mean training loss since the previous report
  trainAccuracy: number; // fraction correct on training batches since the previous report
  learningRate: number;
}

export interface EvalMetrics {
  step: number;
  epoch: number;
  validationLoss: number;
  validationAccuracy: number; // fraction, 0..1
  testLoss: number;
  testAccuracy: number; // fraction, 0..1
}
