// The lottery lab's public surface: what the worker and the reproduction script import.
export { DENSE_NAME, isVariantId, retrainSteps, VARIANT_IDS, VARIANTS, type VariantId, type VariantInfo } from './variants';
export {
  DEFAULT_LOTTERY_SETTINGS,
  MAX_ROUNDS,
  resolveLotterySettings,
  stepsPerEpochOf,
  type LotterySettings,
  type LotterySettingsInput,
  type PerRoundRate,
  type PruningScope,
  type ResolvedLotterySettings,
} from './settings';
export { cumulativeSparsity, kernelRates, plannedKept, plannedPercentRemaining } from './rates';
export { magnitudeMasks, randomMasksLike } from './roundMasks';
export { chanceJaccard, firstLayerSurvivors, jaccard, layerDensities, percentRemaining, type LayerDensity } from './maskStats';
export { finalLearningRate, roundPlan, startWeights, type RoundPlan, type StartSources } from './branchStart';
export type { CurvePoint, RoundOutcome } from './roundTrainer';
export { chartRows, seriesName, type LotteryChartRow, type LotteryRoundResult } from './results';
export { snapshotProblem, SNAPSHOT_VERSION, type LotterySnapshot, type LotteryState, type TrunkCheckpoints } from './snapshot';
export { createLotteryRun, restoreLotteryRun, type LotteryRun } from './run';
export { progressAt, unitPlan, type LotteryProgress, type Unit } from './plan';
export { maskChain, masksForRound } from './branchMasks';
export { driveLotteryRun, runLottery, type LotteryDriveOptions } from './runLottery';
export { nearestReference, PAPER_LOTTERY_CLAIMS, PYTORCH_LOTTERY_REFERENCE, type ReferencePoint } from './reference';
export { isLotteryRecipeId, LOTTERY_BATCH_SIZE, LOTTERY_RECIPE_IDS, LOTTERY_RECIPES, recipeSchedule, withRecipe, type LotteryRecipe, type LotteryRecipeId } from './recipes';
export { defaultRewindStep, rewindToZeroProblem, roundSteps } from './roundLength';
