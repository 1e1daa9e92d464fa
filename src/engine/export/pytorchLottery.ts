// "Export as PyTorch script" in the Lottery view: the view's run (its preset or own settings,
// the chosen variants and controls, the training recipe, the seed) as a runnable Python file that
// repeats it at full scale, on one process or many. Checked as the training script is
// (pytorchValues.ts): every value against a closed list or a range, nothing of a link as code.
import { LOTTERY_BATCH_SIZE, LOTTERY_RECIPE_IDS, LOTTERY_RECIPES, type LotteryRecipeId } from '../lottery/recipes';
import { defaultRewindStep, rewindToZeroProblem, roundSteps } from '../lottery/roundLength';
import { MAX_ROUNDS } from '../lottery/settings';
import { DENSE_NAME, VARIANT_IDS, VARIANTS, type VariantId } from '../lottery/variants';
import { MODELS } from '../models/registry';
import { PYTORCH_PRELUDE } from './pytorchBody';
import { PYTORCH_CPGM } from './pytorchCpgm';
import { PYTORCH_DISTRIBUTED } from './pytorchDistributed';
import { PYTORCH_LOTTERY_BODY } from './pytorchLotteryBody';
import { PYTORCH_RESULTS } from './pytorchResults';
import { PYTORCH_TRAINING } from './pytorchTraining';
import { check, isIn, isWhole, py, pyLink, pyText, runInstructions } from './pytorchValues';

/** The Lottery view's controls (src/url/lotteryFields: what its share link carries). */
export interface LotteryScriptSettings {
  rounds: number;
  rateHidden: number;
  rateOutput: number;
  scope: 'layerwise' | 'global';
  epochsPerRound: number;
  /** null: "auto", 2% of a round. */
  rewindK: number | null;
  variants: VariantId[];
  /** null: all 55,000 training images. */
  trainLimit: number | null;
  recipe: LotteryRecipeId;
}

export interface LotteryScriptExperiment {
  settings: LotteryScriptSettings;
  seed: number;
  /** LeNet-300-100's hidden widths (the page's are 300-100). */
  hidden?: number[];
  link?: string;
}

const TRAIN_IMAGES = 55_000;

/** The variants a run trains, in run order: asking for a control brings the ticket along. */
export function lotteryScriptVariants(requested: readonly VariantId[]): VariantId[] {
  const wanted = new Set(requested);
  if (requested.some((v) => VARIANTS[v].control)) wanted.add('rewind_init');
  return VARIANT_IDS.filter((v) => wanted.has(v));
}

function validate({ settings: s, seed, hidden = [300, 100] }: LotteryScriptExperiment): { steps: number; k: number; variants: VariantId[] } {
  check(isWhole(seed, 0, 2 ** 32 - 1), 'the seed must be a whole number from 0 to 4294967295');
  check(Array.isArray(hidden) && hidden.length === 2 && hidden.every((h) => isWhole(h, 1, 4096)), 'the hidden widths must be two whole numbers');
  check(isWhole(s.rounds, 1, MAX_ROUNDS), `the rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
  for (const rate of [s.rateHidden, s.rateOutput]) check(typeof rate === 'number' && rate >= 0 && rate < 1, 'a pruning rate must be at least 0 and below 1');
  check(isIn(s.scope, ['layerwise', 'global']), 'unknown pruning scope');
  check(typeof s.epochsPerRound === 'number' && s.epochsPerRound > 0 && s.epochsPerRound <= 100, 'epochs per round must be above 0 and at most 100');
  check(s.trainLimit === null || isWhole(s.trainLimit, LOTTERY_BATCH_SIZE, TRAIN_IMAGES), 'the training images must be a whole number up to 55,000');
  check(isIn(s.recipe, LOTTERY_RECIPE_IDS), 'unknown training recipe');
  check(Array.isArray(s.variants) && s.variants.length > 0 && s.variants.every((v) => isIn(v, VARIANT_IDS)), 'unknown or no retraining variant');
  const steps = roundSteps(s.epochsPerRound, Math.floor((s.trainLimit ?? TRAIN_IMAGES) / LOTTERY_BATCH_SIZE));
  const k = s.rewindK ?? defaultRewindStep(steps);
  check(isWhole(k, 0, steps - 1), `the rewind iteration k must be below the round's ${steps} iterations`);
  const variants = lotteryScriptVariants(s.variants);
  const kProblem = rewindToZeroProblem(k, steps, variants);
  check(kProblem === null, kProblem ?? '');
  return { steps, k, variants };
}

export function lotteryScriptName(experiment: LotteryScriptExperiment): string {
  return `lottery-lenet_300_100-mnist-seed${isWhole(experiment.seed, 0, 2 ** 32 - 1) ? experiment.seed : 0}.py`;
}

/** The Python source. Throws a sentence when a setting is not one the page can hold. */
export function pytorchLotteryScript(experiment: LotteryScriptExperiment): string {
  const { steps, k, variants } = validate(experiment);
  const { settings: s, seed } = experiment;
  const hidden = experiment.hidden ?? [300, 100];
  const recipe = LOTTERY_RECIPES[s.recipe];
  const images = s.trainLimit === null ? 'all 55,000 training images' : `the first ${s.trainLimit.toLocaleString('en-US')} training images`;
  const file = lotteryScriptName(experiment);
  const names = VARIANT_IDS.map((v) => `"${v}": ${pyText(VARIANTS[v].name)}`).join(', ');
  const header = `#!/usr/bin/env python3
"""Compression Playground lottery-ticket experiment, exported as a PyTorch script.

Repeats at full scale what the Lottery view ran in the browser: iterative magnitude pruning of
LeNet-300-100 (${hidden.join('-')}) on MNIST (${images}; 5,000 validation, 10,000 test), batch ${LOTTERY_BATCH_SIZE}, seed ${seed}.

  training      ${recipe.label}: ${recipe.source}
  rounds        ${s.rounds}, pruning ${py(s.rateHidden * 100)}% of the hidden layers' and ${py(s.rateOutput * 100)}% of the output
                layer's remaining weights each round, ${s.scope === 'global' ? 'one threshold across the hidden layers' : 'layer by layer'}
  round length  ${py(s.epochsPerRound)} epoch(s): ${steps} iterations T here; k = ${k} (${s.rewindK === null ? 'auto: 2% of a round' : 'chosen'})
  variants      ${variants.map((v) => VARIANTS[v].name).join(', ')}

The dense trunk is trained once; its weights at iteration 0 and k are shared by every branch.
Rewind to init and the controls retrain iterations 0..T-1 from the trunk's initial weights
(random reinit: a fresh initialization; random pruning: random masks with the ticket's counts);
rewind to k, LR rewinding and fine-tuning retrain iterations k..T-1 on the trunk's batches
k..T-1. Rewinding and LR rewinding replay the schedule from k; fine-tuning trains at its final
rate (Renda, Frankle & Carbin 2020). Papers: Frankle & Carbin, ICLR 2019; Frankle et al., ICML
2020 (rewinding to k); Renda et al., ICLR 2020 (LR rewinding, fine-tuning).

Needs Python 3.9+, numpy and torch (1.13 or newer); torchvision only to download MNIST.
${runInstructions(file, true)}
--train-limit N overrides the number of training images (T, k "auto" and the schedule follow).
PyTorch draws its own random numbers (data order, initial weights, random masks), so the figures
are close to the browser's, not identical.
"""

# The experiment, as the Lottery view held it. Edit here to try variations.
EXPERIMENT = {
    "dataset": "mnist",
    "validation_size": 5000,
    "model": "lenet_300_100",
    "hidden": [${hidden.map(py).join(', ')}],
    "batch_size": ${LOTTERY_BATCH_SIZE},
    "seed": ${py(seed)},
    "recipe": "${s.recipe}",
    "optimizer": "${recipe.optimizer}",
    "learning_rate": ${py(recipe.learningRate)},
    "decays_per_round": ${py(recipe.decaysPerRound)},
    "gamma": ${py(recipe.gamma)},
    "schedule": {"kind": "constant"},  # set from the round's length when the run starts
    "rounds": ${py(s.rounds)},
    "rate_hidden": ${py(s.rateHidden)},
    "rate_output": ${py(s.rateOutput)},
    "scope": "${s.scope}",
    "epochs_per_round": ${py(s.epochsPerRound)},
    "rewind_k": ${s.rewindK === null ? 'None' : py(s.rewindK)},
    "variants": [${variants.map((v) => `"${v}"`).join(', ')}],
    "train_limit": ${s.trainLimit === null ? 'None' : py(s.trainLimit)},
    "run_name": ${pyText(`Lottery · ${MODELS.lenet_300_100.label} · MNIST · seed ${seed}`)},
    "link": ${pyLink(experiment.link)},
}

VARIANT_NAMES = {"dense": ${pyText(DENSE_NAME)}, ${names}}
`;
  return header + PYTORCH_PRELUDE + PYTORCH_DISTRIBUTED + PYTORCH_TRAINING + PYTORCH_CPGM + PYTORCH_RESULTS + PYTORCH_LOTTERY_BODY;
}
