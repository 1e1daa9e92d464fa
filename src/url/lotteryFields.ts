// The lottery lab's settings in the share link (#view=lottery&rounds=15&prune_rate=0.2...), with
// the three presets the page offers. FIELDS in ./fields spreads LOTTERY_FIELDS into its table.
import * as v from 'valibot';
import { LOTTERY_RECIPE_IDS, type LotteryRecipeId } from '../engine/lottery/recipes';
import { VARIANT_IDS, type VariantId } from '../engine/lottery/variants';
import type { Field } from './fields';
import type { Experiment } from './types';

export interface LotteryControls {
  rounds: number;
  /** Fraction of the hidden layers' kept weights pruned per round. */
  rateHidden: number;
  rateOutput: number;
  scope: 'layerwise' | 'global';
  epochsPerRound: number;
  /** k of late rewinding, LR rewinding and fine-tuning, in iterations (at least 1: at k = 0
   * rewinding to k is rewinding to init); null: 2% of a round. */
  rewindK: number | null;
  /** How the trunk and every round train (engine/lottery/recipes). */
  recipe: LotteryRecipeId;
  variants: VariantId[];
  /** Train on the first N of the 55,000 training images; null: all. */
  trainLimit: number | null;
}

/** A couple of minutes here: 5 rounds halve the hidden layers down to 3% of the weights. */
export const QUICK_LOTTERY: LotteryControls = {
  rounds: 5,
  rateHidden: 0.5,
  rateOutput: 0.25,
  scope: 'layerwise',
  epochsPerRound: 2,
  rewindK: null,
  variants: ['rewind_init', 'random_reinit', 'random_prune'],
  trainLimit: 20_000,
  recipe: 'adam',
};

/** Frankle & Carbin's LeNet-300-100 schedule (3 epochs a round instead of ~5): about 20 minutes. */
export const PAPER_LOTTERY: LotteryControls = {
  rounds: 15,
  rateHidden: 0.2,
  rateOutput: 0.1,
  scope: 'layerwise',
  epochsPerRound: 3,
  rewindK: null,
  variants: ['rewind_init', 'random_reinit', 'random_prune'],
  trainLimit: null,
  recipe: 'adam',
};

/** The quick demo's pruning under a step-decay schedule, with the four retraining variants: the
 * setting where LR rewinding and fine-tuning differ (with a constant rate they are one run). */
export const REWINDING_LOTTERY: LotteryControls = {
  ...QUICK_LOTTERY,
  variants: ['rewind_init', 'rewind_k', 'lr_rewind', 'finetune'],
  recipe: 'sgd_step',
};

export const DEFAULT_LOTTERY_CONTROLS = QUICK_LOTTERY;
export const LOTTERY_LIMITS = { rounds: [1, 30], epochs: [0.1, 10], trainLimit: [600, 55_000], rewindK: [1, 100_000] } as const;

const number = (check: (n: number) => boolean) =>
  v.pipe(v.string(), v.regex(/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i), v.transform(Number), v.check(check));
const whole = (min: number, max: number) => number((n) => Number.isInteger(n) && n >= min && n <= max);
const rate = (max: number) => number((n) => n >= 0 && n <= max);
const orWord = (word: string, schema: v.GenericSchema<string, number>) =>
  v.union([v.pipe(v.literal(word), v.transform(() => null)), schema]);

const lotteryOf = (e: Experiment): LotteryControls => e.lottery ?? DEFAULT_LOTTERY_CONTROLS;

function lotteryField<K extends keyof LotteryControls>(
  key: string,
  rule: string,
  schema: v.GenericSchema<string, unknown>,
  prop: K,
  show: (x: LotteryControls[K]) => string = String,
): Field {
  return {
    key,
    rule,
    schema,
    get: (e) => show(lotteryOf(e)[prop]),
    set: (e, value) => {
      e.lottery = { ...lotteryOf(e), [prop]: value };
    },
  };
}

export const LOTTERY_FIELDS: Field[] = [
  lotteryField('rounds', `a whole number from ${LOTTERY_LIMITS.rounds[0]} to ${LOTTERY_LIMITS.rounds[1]}`, whole(...LOTTERY_LIMITS.rounds), 'rounds'),
  lotteryField('prune_rate', 'a fraction from 0.01 to 0.9, e.g. 0.2', number((n) => n >= 0.01 && n <= 0.9), 'rateHidden'),
  lotteryField('prune_rate_out', 'a fraction from 0 to 0.9, e.g. 0.1', rate(0.9), 'rateOutput'),
  lotteryField('prune_scope', 'layerwise or global', v.picklist(['layerwise', 'global']), 'scope'),
  lotteryField('round_epochs', 'a number from 0.1 to 10', number((n) => n >= LOTTERY_LIMITS.epochs[0] && n <= LOTTERY_LIMITS.epochs[1]), 'epochsPerRound'),
  lotteryField(
    'rewind_k',
    `auto or a whole number of iterations from ${LOTTERY_LIMITS.rewindK[0]} (at k = 0 "Rewind to iteration k" would be "Rewind to init")`,
    orWord('auto', whole(...LOTTERY_LIMITS.rewindK)),
    'rewindK',
    (k) => (k === null ? 'auto' : String(k)),
  ),
  lotteryField('recipe', LOTTERY_RECIPE_IDS.join(' or '), v.picklist(LOTTERY_RECIPE_IDS as [LotteryRecipeId, ...LotteryRecipeId[]]), 'recipe'),
  lotteryField(
    'variants',
    `a comma-separated list of ${VARIANT_IDS.join(', ')}`,
    v.pipe(
      v.string(),
      v.transform((s) => s.split(',')),
      v.check((ids) => ids.length > 0 && ids.every((id) => (VARIANT_IDS as string[]).includes(id))),
      // Always in the run's order, without repeats, so equal choices give equal links.
      v.transform((ids) => VARIANT_IDS.filter((id) => ids.includes(id))),
    ),
    'variants',
    (ids) => VARIANT_IDS.filter((id) => ids.includes(id)).join(','),
  ),
  lotteryField('subset', `all, or a whole number from ${LOTTERY_LIMITS.trainLimit[0]} to ${LOTTERY_LIMITS.trainLimit[1]}`, orWord('all', whole(...LOTTERY_LIMITS.trainLimit)), 'trainLimit', (n) => (n === null ? 'all' : String(n))),
];
