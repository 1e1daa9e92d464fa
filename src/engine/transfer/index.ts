// Transfer learning: pretrain on a source task, learn a target task from few labels.
export { DEFAULT_TRANSFER_TASK, digitsTask, FASHION_VALIDATION_FRACTION, fashionTask, labeledSubset, selectClasses, TRANSFER_TASK_IDS, TRANSFER_TASK_INFO, type TargetSide, type TaskSide, type TransferTask, type TransferTaskId } from './tasks';
export { adaptSteps, adaptToTarget, pretrainSource, TRANSFER_ARCHITECTURE, TRANSFER_DEFAULTS, TRANSFER_METHODS } from './run';
export type { PretrainedModel, RunHooks, TransferConfig, TransferMethod, TransferResult } from './run';
export { forwardFlops, trainingFlops, trainingFlopsPerExample } from './compute';
export { planNet, type NetArchitecture, type NetWeights } from './net';
export { measureExtractorPruning, pruneExtractor, type ExtractorPruningReport, type KernelCount, type PrunedExtractor } from './pruneExtractor';
export { EXTRACTOR_SPARSITY_STOPS, extractorSparsityProblem, kernelMaskName, MAX_EXTRACTOR_SPARSITY } from './extractorSparsity';
export { DEFAULT_PRETRAINING, pretrainLimit, PRETRAINING_IDS, PRETRAINING_INFO, type PretrainingId, type PretrainingInfo } from './pretraining';
