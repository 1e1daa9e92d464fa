// The lottery lab's settings in the share link (#view=lottery&rounds=15&prune_rate=0.2...), and
// the three presets the page offers. The rows' defaults are the quick demo; their limits are the
// lottery inputs' too.
import * as v from 'valibot';
import { LOTTERY_RECIPE_IDS } from '../engine/lottery/recipes';
import { VARIANT_IDS, type VariantId } from '../engine/lottery/variants';
import { choice, defaultsOf, numberOrWord, numberRow, row, type Row, type ValuesOf } from './field';

/** Always in the run's order, without repeats, so equal choices give equal links. */
const inRunOrder = (ids: string[]): VariantId[] => VARIANT_IDS.filter((id) => ids.includes(id));

export const LOTTERY_ROWS = {
  rounds: numberRow('rounds', { min: 1, max: 30, integer: true }, 5),
  /** Fraction of the hidden layers' kept weights pruned per round (the input shows a percent). */
  rateHidden: numberRow('prune_rate', { min: 0.01, max: 0.9, example: 0.2, scale: 100, step: 1 }, 0.5),
  rateOutput: numberRow('prune_rate_out', { min: 0, max: 0.9, example: 0.1, scale: 100, step: 1 }, 0.25),
  scope: choice('prune_scope', ['layerwise', 'global'], 'layerwise'),
  epochsPerRound: numberRow('round_epochs', { min: 0.1, max: 10, step: 0.5 }, 2),
  /** k of late rewinding, LR rewinding and fine-tuning, in iterations (at least 1: at k = 0
   * rewinding to k is rewinding to init); null: 2% of a round. */
  rewindK: numberOrWord(
    'rewind_k',
    'auto',
    { min: 1, max: 100_000, integer: true },
    null,
    'auto or a whole number of iterations from 1 (at k = 0 "Rewind to iteration k" would be "Rewind to init")',
  ),
  /** How the trunk and every round train (engine/lottery/recipes). */
  recipe: choice('recipe', LOTTERY_RECIPE_IDS, 'adam'),
  variants: row<VariantId[]>({
    key: 'variants',
    default: ['rewind_init', 'random_reinit', 'random_prune'],
    rule: `a comma-separated list of ${VARIANT_IDS.join(', ')}`,
    schema: v.pipe(
      v.string(),
      v.transform((s) => s.split(',')),
      v.check((ids) => ids.length > 0 && ids.every((id) => (VARIANT_IDS as string[]).includes(id))),
      v.transform(inRunOrder),
    ),
    show: (ids) => inRunOrder(ids).join(','),
  }),
  /** Train on the first N of the 55,000 training images; null: all. */
  trainLimit: numberOrWord('subset', 'all', { min: 600, max: 55_000, integer: true }, 20_000),
};

export type LotteryControls = ValuesOf<typeof LOTTERY_ROWS>;

/** Equal when a link writes both the same way (the variants in any order): every row compared. */
export function sameLotteryControls(a: LotteryControls, b: LotteryControls): boolean {
  return (Object.keys(LOTTERY_ROWS) as (keyof LotteryControls)[]).every((prop) => {
    const show = (LOTTERY_ROWS[prop] as Row<unknown>).show ?? String;
    return show(a[prop]) === show(b[prop]);
  });
}

/** The rows' defaults. */
export const DEFAULT_LOTTERY_CONTROLS: LotteryControls = defaultsOf(LOTTERY_ROWS);

/** A couple of minutes here: 5 rounds halve the hidden layers down to 3% of the weights. The
 * page opens with it, so it is the rows' defaults. */
export const QUICK_LOTTERY: LotteryControls = DEFAULT_LOTTERY_CONTROLS;

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
