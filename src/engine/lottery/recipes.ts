// How the trunk and every round are trained: the optimizer and its learning-rate schedule. The
// comparison a run can show depends on it. Under Frankle & Carbin's constant Adam rate the
// "final learning rate of the original schedule" is the rate itself, so fine-tuning and LR
// rewinding are the same run; only a decaying schedule tells the four retraining variants apart
// (Renda, Frankle & Carbin 2020 compare them on step-decay schedules).
import type { LrSchedule, OptimizerId, TrainSpec } from '../spec/types';

/** Frankle & Carbin's batch for LeNet-300-100, under every recipe (so rounds have equal steps). */
export const LOTTERY_BATCH_SIZE = 60;

export type LotteryRecipeId = 'adam' | 'sgd_step';

export interface LotteryRecipe {
  id: LotteryRecipeId;
  /** Short name for the controls. */
  label: string;
  optimizer: OptimizerId;
  learningRate: number;
  /** How many times a round's rate is multiplied by `gamma`, at equal intervals (0: constant). */
  decaysPerRound: number;
  gamma: number;
  /** One sentence: what it is and where it comes from. */
  source: string;
}

export const LOTTERY_RECIPES: Record<LotteryRecipeId, LotteryRecipe> = {
  adam: {
    id: 'adam',
    label: 'Adam 1.2e-3, constant',
    optimizer: 'adam',
    learningRate: 1.2e-3,
    decaysPerRound: 0,
    gamma: 1,
    source: 'Frankle & Carbin (ICLR 2019) train LeNet-300-100 with Adam at a constant 1.2e-3, batch 60.',
  },
  sgd_step: {
    id: 'sgd_step',
    label: 'SGD with momentum, step decay',
    optimizer: 'momentum',
    learningRate: 0.1,
    decaysPerRound: 2,
    gamma: 0.1,
    // OpenLTH's CIFAR ResNet-20 and VGG-16 defaults, and Renda et al.'s ResNet setups: SGD,
    // momentum 0.9, rate 0.1, x0.1 at 50% and 75% of training. The Trainer's step schedule has
    // equal intervals, so this page decays after each third of a round instead.
    source:
      'SGD with momentum 0.9 at 0.1, batch 60, the rate times 0.1 after each third of a round: a step decay like the ResNet schedules of OpenLTH and of Renda et al. (theirs decay at 50% and 75%).',
  },
};

export const LOTTERY_RECIPE_IDS = Object.keys(LOTTERY_RECIPES) as LotteryRecipeId[];

export function isLotteryRecipeId(value: unknown): value is LotteryRecipeId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LOTTERY_RECIPES, value);
}

/** The recipe's schedule over a round of `stepsPerRound` steps (the trunk's and every round's). */
export function recipeSchedule(recipe: LotteryRecipe, stepsPerRound: number): LrSchedule {
  if (recipe.decaysPerRound === 0) return { kind: 'constant' };
  // ceil: at most decaysPerRound decays within the round (the next would land at or after its end).
  const decayEverySteps = Math.max(1, Math.ceil(stepsPerRound / (recipe.decaysPerRound + 1)));
  return { kind: 'step', warmupSteps: 0, decayEverySteps, gamma: recipe.gamma };
}

/** `base` trained the recipe's way over rounds of `stepsPerRound` steps. */
export function withRecipe(base: TrainSpec, id: LotteryRecipeId, stepsPerRound: number): TrainSpec {
  const recipe = LOTTERY_RECIPES[id];
  return { ...base, optimizer: recipe.optimizer, learningRate: recipe.learningRate, schedule: recipeSchedule(recipe, stepsPerRound) };
}
