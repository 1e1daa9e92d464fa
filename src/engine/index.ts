// The engine's public API: pure TypeScript + tfjs, no DOM. The worker imports from here.
export type * from './spec/types';
export { createRng, deriveSeed, permutation, shuffleInPlace, type Rng } from './random';

export { DatasetError, parseIdx, type IdxData, type IdxExpectation } from './datasets/idx';
export { buildMnistDataset, MNIST_COUNTS, MNIST_FILES, type MnistFiles, type MnistOptions } from './datasets/mnist';
export { generateToyDataset, TOY_DATASET_IDS, type ToyDatasetId, type ToyOptions } from './datasets/toy2d';
export { DATASET_IDS, DATASETS, isDatasetId, type DatasetInfo, type DatasetKind } from './datasets/registry';

export type { Activation, HiddenBounds, HiddenEntryBounds, LayerDef, ModelDefinition } from './models/types';
export {
  defaultModelFor,
  INITIALIZER,
  isModelId,
  MODEL_IDS,
  MODELS,
  modelsForDataset,
  validateHidden,
} from './models/registry';
export { countPlannedParams, planLayers, type LayerPlan, type ParamPlan } from './models/plan';
export { createNetwork, type Network, type NetworkParam } from './models/network';

export {
  createOptimizer,
  disposeOptimizer,
  getLearningRate,
  OPTIMIZER_IDS,
  OPTIMIZER_LABELS,
  setLearningRate,
} from './training/optimizers';
export { learningRateAt, validateSchedule } from './training/schedule';
export { checkTrainSpec } from './training/check_spec';
export { evaluateNetwork, EVAL_BATCH, type SplitMetrics } from './training/evaluate';
export { train, Trainer, type TrainerOptions, type TrainOptions } from './training/trainer';
export { abortError, isAbortError, yieldToEventLoop, type AbortSignalLike } from './training/yield';
export * from './compression';
export * from './lottery';
