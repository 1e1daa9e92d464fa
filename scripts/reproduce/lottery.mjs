// npm run reproduce -- lottery: iterative magnitude pruning of LeNet-300-100 on MNIST with the
// playground's own lottery engine (src/engine/lottery): the dense trunk once, then rounds of
// pruning 20% of the hidden and 10% of the output weights, each surviving network rewound to its
// initial weights (the ticket), against the same masks with fresh random weights and random
// masks of the same per-layer sparsity. Prints the accuracy table next to PyTorch and paper
// figures (../shared/REFERENCE.md), writes the rows as JSON, the details beside them, and an SVG.
// --rewinding runs the page's "Rewinding vs fine-tuning" preset instead: the quick pruning under
// SGD with a step-decay schedule, with the four retraining variants of Renda, Frankle & Carbin.
import os from 'node:os';
import { join, resolve } from 'node:path';
import { readMnistFiles, root, setupBackend, withEngine } from './common.mjs';
import { report } from './lottery-report.mjs';

export const options = {
  rounds: { type: 'string' },
  epochs: { type: 'string' },
  variants: { type: 'string' },
  scope: { type: 'string' },
  'rate-hidden': { type: 'string' },
  'rate-output': { type: 'string' },
  'rewind-step': { type: 'string' },
  'eval-every': { type: 'string' },
  'train-limit': { type: 'string' },
  recipe: { type: 'string' },
  rewinding: { type: 'boolean' },
  svg: { type: 'string' },
};

export const usageText =
  'npm run reproduce -- lottery [--quick] [--out FILE] [--svg FILE] [--rounds N] [--epochs N] [--variants LIST|all]\n' +
  '                                    [--scope layerwise|global] [--rate-hidden P] [--rate-output P] [--rewind-step K]\n' +
  '                                    [--eval-every N] [--train-limit N] [--seed N] [--backend wasm|cpu]\n\n' +
  '  --quick          about 2-3 minutes: 5 rounds at 50% / 25% per round, 2 epochs of 20,000 training images\n' +
  '  --rewinding      the quick run under --recipe sgd_step with rewind_init,rewind_k,lr_rewind,finetune (the\n' +
  '                   page\'s "Rewinding vs fine-tuning" preset), about 3 minutes\n' +
  '  --out FILE       JSON rows {variant, percentRemaining, testAccuracy, ...} (default reports/lottery.json,\n' +
  '                   reports/lottery-quick.json with --quick, reports/lottery-rewinding.json with --rewinding);\n' +
  '                   the details go to FILE-details.json\n' +
  '  --recipe         adam (default: Adam 1.2e-3, constant, as Frankle & Carbin) or sgd_step (SGD with momentum\n' +
  '                   0.9 at 0.1, x0.1 after each third of a round)\n' +
  '  --svg FILE       the figure (default: the --out path with .svg)\n' +
  '  --rounds N       pruning rounds (default 15: 3.6% of the weights left, the paper\'s point)\n' +
  '  --epochs N       epochs of the trunk and of every round (default 3)\n' +
  '  --variants       comma-separated ids (rewind_init, rewind_k, lr_rewind, finetune, random_reinit,\n' +
  '                   random_prune) or "all"; default rewind_init,random_reinit,random_prune\n' +
  '  --scope          layerwise (default, as the paper for LeNet) or global\n' +
  '  --rate-hidden P  fraction of hidden-layer weights pruned per round (default 0.2)\n' +
  '  --rate-output P  fraction of output-layer weights pruned per round (default 0.1)\n' +
  '  --rewind-step K  k of rewinding to k, LR rewinding and fine-tuning, in iterations (default 2% of a round, >= 1)\n' +
  '  --eval-every N   validation every N iterations, for the early-stopping iteration (default half an epoch)\n' +
  '  --train-limit N  train on the first N of the 55,000 training images';

export async function main(values, { usage, positiveInt, seed }) {
  const rewinding = Boolean(values.rewinding);
  // The rewinding preset prunes as the quick run does (the page's preset is the quick demo's pruning).
  const quick = values.quick || rewinding;
  // The page's presets (src/url/lotteryFields.ts) are the defaults: one declaration for both.
  const { PAPER_LOTTERY, QUICK_LOTTERY, REWINDING_LOTTERY } = await withEngine((runner) => runner.import('/src/url/lotteryFields.ts'));
  const preset = rewinding ? REWINDING_LOTTERY : quick ? QUICK_LOTTERY : PAPER_LOTTERY;
  const recipe = values.recipe ?? preset.recipe;
  const number = (option, value, fallback, ok, what) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!ok(n)) usage(`--${option} takes ${what}, got "${value}".`);
    return n;
  };
  const fraction = (option, fallback) => number(option, values[option], fallback, (n) => n >= 0 && n < 1, 'a fraction from 0 to below 1');
  const rounds = positiveInt('rounds', values.rounds, preset.rounds);
  const epochs = number('epochs', values.epochs, preset.epochsPerRound, (n) => n > 0 && Number.isFinite(n), 'a positive number');
  const perRoundRate = { hidden: fraction('rate-hidden', preset.rateHidden), output: fraction('rate-output', preset.rateOutput) };
  const scope = values.scope ?? preset.scope;
  if (scope !== 'layerwise' && scope !== 'global') usage(`--scope takes layerwise or global, got "${scope}".`);
  const trainLimit = positiveInt('train-limit', values['train-limit'], preset.trainLimit ?? undefined);
  const rewindStep = number('rewind-step', values['rewind-step'], undefined, (n) => Number.isInteger(n) && n >= 0, 'a whole number >= 0');
  const evalEvery = positiveInt('eval-every', values['eval-every'], undefined);
  const outFile = resolve(values.out ?? join(root, 'reports', rewinding ? 'lottery-rewinding.json' : quick ? 'lottery-quick.json' : 'lottery.json'));
  const stem = outFile.replace(/\.json$/i, '');
  const svgFile = resolve(values.svg ?? `${stem}.svg`);
  const detailsFile = `${stem}-details.json`;

  const wallStart = performance.now();
  const { tf, backendNote } = await setupBackend(values.backend, usage);

  const study = await withEngine(async (runner) => {
    const { buildMnistDataset } = await runner.import('/src/engine/datasets/mnist.ts');
    const { studySpec } = await runner.import('/src/engine/finetune/compressionStudy.ts');
    const L = await runner.import('/src/engine/lottery/index.ts');
    const variants = values.variants === 'all' ? L.VARIANT_IDS : (values.variants?.split(',').map((v) => v.trim()) ?? preset.variants);
    for (const v of variants) if (!L.isVariantId(v)) usage(`--variants: there is no variant "${v}"; known: ${L.VARIANT_IDS.join(', ')}.`);
    if (!L.isLotteryRecipeId(recipe)) usage(`--recipe takes ${L.LOTTERY_RECIPE_IDS.join(' or ')}, got "${recipe}".`);

    const data = buildMnistDataset(readMnistFiles(), trainLimit ? { trainLimit } : {});
    const base = { ...studySpec(Math.max(1, Math.ceil(epochs)), seed), batchSize: L.LOTTERY_BATCH_SIZE };
    const stepsPerEpoch = L.stepsPerEpochOf(base, data);
    // As the page's worker does (lotterySpec): the schedule's decays are placed in the round.
    const spec = L.withRecipe(base, recipe, L.roundSteps(epochs, stepsPerEpoch));
    let run;
    try {
      run = L.createLotteryRun(spec, data, {
        rounds,
        perRoundRate,
        scope,
        epochsPerRound: epochs,
        variants,
        rewindStep,
        evalEverySteps: evalEvery ?? Math.max(1, Math.round(stepsPerEpoch / 2)),
      });
    } catch (e) {
      usage(e.message);
    }
    const s = run.settings;
    const planned = run.progress().totalSteps;
    console.log(
      `LeNet-300-100 on MNIST (${data.train.count} train, ${data.validation.count} validation, ${data.test.count} test), ` +
        `${L.LOTTERY_RECIPES[recipe].label}, batch ${spec.batchSize}, seed ${seed}; tfjs ${tf.version.tfjs} on ${tf.getBackend()}, ${os.cpus().length} cores` +
        `${rewinding ? ' (rewinding run)' : quick ? ' (quick run)' : ''}\n` +
        `IMP: ${s.rounds} rounds, ${s.scope}, ${100 * s.perRoundRate.hidden}% of hidden / ${100 * s.perRoundRate.output}% of output ` +
        `weights per round; ${epochs} epoch(s) = ${s.stepsPerRound} iterations per round; k = ${s.rewindStep}; ` +
        `validation every ${s.evalEverySteps} iterations\n` +
        `variants: ${s.variants.map((v) => L.VARIANTS[v].name).join(', ')}; ${planned.toLocaleString('en-US')} training iterations in all\n`,
    );

    const started = performance.now();
    let last = started;
    while (!run.done) {
      run.runSteps(200);
      for (const r of run.takeFinishedRounds()) {
        const now = performance.now();
        const p = run.progress();
        const eta = p.fraction > 0 ? ((now - started) / 1000) * (1 / p.fraction - 1) : NaN;
        console.log(
          `  round ${String(r.round).padStart(2)}  ${r.name.padEnd(21)} ${r.percentRemaining.toFixed(2).padStart(6)}% left  ` +
            `test ${r.testAccuracy.toFixed(2)}%  early stop ${r.earlyStopTestAccuracy.toFixed(2)}% at ${String(r.earlyStopStep).padStart(5)}  ` +
            `${((now - last) / 1000).toFixed(1).padStart(5)} s  (${(100 * p.fraction).toFixed(0)}%, ETA ${Math.round(eta)} s)`,
        );
        last = now;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const results = run.results();
    const rows = L.chartRows(results);
    const settings = run.settings;
    run.dispose();
    return { L, spec, recipe, settings, results, rows, seconds, planned, trainCount: data.train.count, testCount: data.test.count };
  });

  report(study, { quick, rewinding, seed, outFile, svgFile, detailsFile, wallStart, tf, backendNote });
}
