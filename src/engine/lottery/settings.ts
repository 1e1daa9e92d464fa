// What a lottery run is asked for, and the resolved form it actually runs (every default filled
// in, epochs turned into steps). The resolved form is plain data: it goes into snapshots and
// across the worker boundary unchanged.
import type { Dataset, TrainSpec } from '../spec/types';
import { checkTrainSpec } from '../training/check_spec';
import { defaultRewindStep, rewindToZeroProblem, roundSteps } from './roundLength';
import { isVariantId, VARIANT_IDS, VARIANTS, type VariantId } from './variants';

export type PruningScope = 'layerwise' | 'global';

/** Fraction of the still-kept weights removed per round. */
export interface PerRoundRate {
  /** Every kernel but the last (20% in Frankle & Carbin). */
  hidden: number;
  /** The output layer's kernel (10% in Frankle & Carbin: it is small and every weight counts). */
  output: number;
}

export interface LotterySettings {
  /** Pruning rounds after the dense trunk; round r keeps (1 - rate)^r of each layer. */
  rounds: number;
  perRoundRate: PerRoundRate;
  /** 'layerwise': each kernel loses its rate by its own threshold. 'global': the hidden kernels
   * share one threshold (big layers lose more); the output kernel still goes by its own rate. */
  scope: PruningScope;
  /** Training length of the trunk and of each round; give one of the two (default: spec.epochs). */
  itersPerRound?: number;
  epochsPerRound?: number;
  variants: VariantId[];
  /** k, in steps: "Rewind to iteration k" rewinds the weights to the trunk's step k; it, LR rewinding
   * and fine-tuning all retrain steps k..T-1 (default: 2% of a round, at least 1). */
  rewindStep: number;
  /** Validate (for the early-stopping iteration) every this many steps (default: spec.evalEverySteps). */
  evalEverySteps: number;
}

export type LotterySettingsInput = Partial<LotterySettings>;

/** The settings a run follows: defaults filled in, variants in run order, the round length in steps. */
export interface ResolvedLotterySettings extends LotterySettings {
  stepsPerRound: number;
  stepsPerEpoch: number;
}

export const DEFAULT_LOTTERY_SETTINGS = {
  rounds: 10,
  perRoundRate: { hidden: 0.2, output: 0.1 },
  scope: 'layerwise',
  variants: ['rewind_init', 'random_reinit', 'random_prune'],
} as const satisfies LotterySettingsInput;

export const MAX_ROUNDS = 60;

/** Steps per epoch as the Trainer counts them (the last partial batch is dropped). */
export function stepsPerEpochOf(spec: TrainSpec, data: Dataset): number {
  return Math.floor(data.train.count / spec.batchSize);
}

/** Fills in defaults and checks everything; throws an Error with a sentence the UI can show. */
export function resolveLotterySettings(spec: TrainSpec, data: Dataset, input: LotterySettingsInput = {}): ResolvedLotterySettings {
  const specProblem = checkTrainSpec(spec, data);
  if (specProblem) throw new Error(specProblem);
  const stepsPerEpoch = stepsPerEpochOf(spec, data);
  const fail = (sentence: string): never => {
    throw new Error(sentence);
  };

  const rounds = input.rounds ?? DEFAULT_LOTTERY_SETTINGS.rounds;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    fail(`The number of pruning rounds must be a whole number from 1 to ${MAX_ROUNDS}, got ${rounds}.`);
  }
  const rate = input.perRoundRate ?? DEFAULT_LOTTERY_SETTINGS.perRoundRate;
  for (const [which, p] of [['hidden', rate.hidden], ['output', rate.output]] as const) {
    if (!(p >= 0 && p < 1)) fail(`The ${which}-layer pruning rate per round must be at least 0 and below 1, got ${p}.`);
  }
  const scope = input.scope ?? DEFAULT_LOTTERY_SETTINGS.scope;
  if (scope !== 'layerwise' && scope !== 'global') fail(`The pruning scope must be "layerwise" or "global", got "${scope}".`);

  if (input.itersPerRound !== undefined && input.epochsPerRound !== undefined) {
    fail('Give the round length either in iterations or in epochs, not both.');
  }
  let stepsPerRound: number;
  if (input.itersPerRound !== undefined) {
    if (!Number.isInteger(input.itersPerRound) || input.itersPerRound < 1) {
      fail(`Iterations per round must be a whole number of at least 1, got ${input.itersPerRound}.`);
    }
    stepsPerRound = input.itersPerRound;
  } else {
    const epochs = input.epochsPerRound ?? spec.epochs;
    if (!(epochs > 0) || !Number.isFinite(epochs)) fail(`Epochs per round must be a positive number, got ${epochs}.`);
    stepsPerRound = roundSteps(epochs, stepsPerEpoch);
  }

  const requested = input.variants ?? [...DEFAULT_LOTTERY_SETTINGS.variants];
  if (requested.length === 0) fail('Choose at least one retraining variant.');
  for (const v of requested) if (!isVariantId(v)) fail(`There is no lottery variant called "${v}".`);
  // Both controls are cut from the ticket's masks, so asking for a control brings the ticket along.
  const wanted = new Set<VariantId>(requested);
  if (requested.some((v) => VARIANTS[v].control)) wanted.add('rewind_init');
  const variants = VARIANT_IDS.filter((v) => wanted.has(v));

  const rewindStep = input.rewindStep ?? defaultRewindStep(stepsPerRound);
  if (!Number.isInteger(rewindStep) || rewindStep < 0 || rewindStep >= stepsPerRound) {
    fail(`The rewind iteration k must be a whole number from 0 to ${stepsPerRound - 1} (a round is ${stepsPerRound} steps), got ${rewindStep}.`);
  }
  const kProblem = rewindToZeroProblem(rewindStep, stepsPerRound, variants);
  if (kProblem) fail(kProblem);
  const evalEverySteps = input.evalEverySteps ?? spec.evalEverySteps;
  if (!Number.isInteger(evalEverySteps) || evalEverySteps < 1) {
    fail(`Validation must run every whole number of steps (at least 1), got ${evalEverySteps}.`);
  }

  const resolved: ResolvedLotterySettings = {
    rounds,
    perRoundRate: { hidden: rate.hidden, output: rate.output },
    scope,
    variants,
    rewindStep,
    evalEverySteps,
    stepsPerRound,
    stepsPerEpoch,
  };
  if (input.itersPerRound !== undefined) resolved.itersPerRound = input.itersPerRound;
  else resolved.epochsPerRound = input.epochsPerRound ?? spec.epochs;
  return resolved;
}
