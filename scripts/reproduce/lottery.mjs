// npm run reproduce -- lottery: iterative magnitude pruning of LeNet-300-100 on MNIST with the
// playground's own lottery engine (src/engine/lottery): the dense trunk once, then rounds of
// pruning 20% of the hidden and 10% of the output weights, each surviving network rewound to its
// initial weights (the ticket), against the same masks with fresh random weights and random
// masks of the same per-layer sparsity. Prints the accuracy table next to PyTorch and paper
// figures (../shared/REFERENCE.md), writes the rows as JSON, the details beside them, and an SVG.
// --rewinding runs the page's "Rewinding vs fine-tuning" preset instead: the quick pruning under
// SGD with a step-decay schedule, with the four retraining variants of Renda, Frankle & Carbin.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { printTable, readMnistFiles, reportHeader, root, setupBackend, withEngine } from './common.mjs';
import { accuracyChartSvg } from './svg.mjs';

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

// The page's Okabe-Ito styles (src/features/lottery/LotteryChart/series.ts).
const COLORS = {
  Dense: '#333333',
  'Rewind to init': '#0072B2',
  'Rewind to iteration k': '#56B4E9',
  'LR rewinding': '#009E73',
  'Fine-tuning': '#CC79A7',
  'Random reinit': '#D55E00',
  'Random pruning': '#000000',
};
const DASHES = { 'Random reinit': '7 4', 'Random pruning': '2 3' };

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

function report(study, { quick, rewinding, seed, outFile, svgFile, detailsFile, wallStart, tf, backendNote }) {
  const { L, spec, recipe, settings, results, rows, seconds, planned } = study;
  // The PyTorch reference trained with Adam at a constant rate: only an Adam run compares to it.
  const withRef = recipe === 'adam';
  const names = settings.variants.map((v) => L.VARIANTS[v].name);
  const ref = L.PYTORCH_LOTTERY_REFERENCE;
  const dense = results.find((r) => r.variant === 'dense');
  const byName = (name, round) => results.find((r) => r.name === name && r.round === round);
  const ticketName = L.VARIANTS.rewind_init.name;
  const reinitName = L.VARIANTS.random_reinit.name;
  const pct = (v) => (v === undefined ? '' : v.toFixed(2));

  // --- tables: one row per round, the ticket's % remaining (the controls match it layer by layer).
  const refCell = (points, percent) => pct(L.nearestReference(points, percent)?.testAccuracy);
  const accuracyTable = [['round', '% left', ...names, ...(withRef ? ['PyTorch ticket', 'PyTorch reinit'] : [])]];
  const speedTable = [['round', '% left', ...names.map((n) => `${n} (early stop)`)]];
  for (let round = 0; round <= settings.rounds; round++) {
    const lead = round === 0 ? dense : byName(names[0], round);
    const percent = lead.percentRemaining;
    const cells = names.map((n) => pct((round === 0 ? dense : byName(n, round))?.testAccuracy));
    accuracyTable.push([String(round), percent.toFixed(2), ...cells, ...(withRef ? [refCell(ref.ticket, percent), refCell(ref.randomReinit, percent)] : [])]);
    speedTable.push([
      String(round),
      percent.toFixed(2),
      ...names.map((n) => {
        const r = round === 0 ? dense : byName(n, round);
        return r ? `${r.earlyStopTestAccuracy.toFixed(2)} @ ${r.earlyStopStep}` : '';
      }),
    ]);
  }
  console.log(`\nTest accuracy (%) at the end of each round${withRef ? '; PyTorch: REFERENCE.md, nearest listed % left within 15%' : ''}`);
  printTable(accuracyTable);
  console.log('\nTest accuracy (%) at the early-stopping iteration (minimum validation loss) @ that iteration');
  printTable(speedTable);

  // --- checks (issue 4, item 6) -------------------------------------------------------------------
  const checks = [];
  const ticketRounds = results.filter((r) => r.name === ticketName);
  const sparsest = ticketRounds.at(-1);
  const reinitAtSparsest = sparsest && byName(reinitName, sparsest.round);
  if (sparsest && reinitAtSparsest) {
    checks.push({
      name: 'ticket above random reinit at its sparsest level',
      pass: sparsest.testAccuracy > reinitAtSparsest.testAccuracy,
      detail: `${sparsest.percentRemaining.toFixed(2)}% left: ticket ${pct(sparsest.testAccuracy)}%, random reinit ${pct(reinitAtSparsest.testAccuracy)}%`,
    });
  }
  if (!quick) {
    const down = ticketRounds.filter((r) => r.percentRemaining >= 3.5);
    const worst = down.reduce((a, r) => (r.testAccuracy < a.testAccuracy ? r : a), down[0] ?? dense);
    checks.push({
      name: 'ticket within 0.3 pt of dense down to ~3.6% of weights',
      pass: down.length > 0 && worst.testAccuracy >= dense.testAccuracy - 0.3,
      detail: `dense ${pct(dense.testAccuracy)}%; lowest ticket at >= 3.5% left: ${pct(worst.testAccuracy)}% at ${worst.percentRemaining.toFixed(2)}%`,
    });
    // The paper reads accuracy at the early-stopping iteration; the same check on that measure.
    const worstEarly = down.reduce((a, r) => (r.earlyStopTestAccuracy < a.earlyStopTestAccuracy ? r : a), down[0] ?? dense);
    checks.push({
      name: 'the same at the early-stopping iteration (the paper\'s measure)',
      pass: down.length > 0 && worstEarly.earlyStopTestAccuracy >= dense.earlyStopTestAccuracy - 0.3,
      detail:
        `dense ${pct(dense.earlyStopTestAccuracy)}%; lowest ticket at >= 3.5% left: ` +
        `${pct(worstEarly.earlyStopTestAccuracy)}% at ${worstEarly.percentRemaining.toFixed(2)}%`,
    });
    const at36 = down.at(-1);
    const reinit36 = at36 && byName(reinitName, at36.round);
    if (reinit36) {
      checks.push({
        name: 'random reinit at least 1 pt worse by then',
        pass: reinit36.testAccuracy <= dense.testAccuracy - 1 && reinit36.testAccuracy <= at36.testAccuracy - 1,
        detail: `${at36.percentRemaining.toFixed(2)}% left: random reinit ${pct(reinit36.testAccuracy)}% vs dense ${pct(dense.testAccuracy)}%, ticket ${pct(at36.testAccuracy)}%`,
      });
    }
  }
  // Renda, Frankle & Carbin (2020): LR rewinding beats fine-tuning and matches weight rewinding at
  // the same retraining budget. Recorded as measured (pass or fail), for the lesson to quote.
  const lrName = L.VARIANTS.lr_rewind.name;
  const lastRound = settings.rounds;
  const lr = byName(lrName, lastRound);
  const ft = byName(L.VARIANTS.finetune.name, lastRound);
  const rk = byName(L.VARIANTS.rewind_k.name, lastRound);
  if (lr && ft) {
    checks.push({
      name: 'LR rewinding at least as accurate as fine-tuning at the sparsest level',
      pass: lr.testAccuracy >= ft.testAccuracy,
      detail: `${lr.percentRemaining.toFixed(2)}% left: LR rewinding ${pct(lr.testAccuracy)}%, fine-tuning ${pct(ft.testAccuracy)}%`,
    });
  }
  if (lr && rk) {
    checks.push({
      name: 'LR rewinding within 0.5 pt of rewinding to k (or above) at the sparsest level',
      pass: lr.testAccuracy >= rk.testAccuracy - 0.5,
      detail: `${lr.percentRemaining.toFixed(2)}% left: LR rewinding ${pct(lr.testAccuracy)}%, rewinding to k = ${settings.rewindStep} ${pct(rk.testAccuracy)}%`,
    });
  }
  console.log(`\nchecks (issue 4, item 6; issue 14, item 6)${quick ? '; a quick run prunes harder on a subset, so the paper-level checks do not apply' : ''}:`);
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);

  const wallSeconds = (performance.now() - wallStart) / 1000;
  console.log(
    `\nlottery run: ${seconds.toFixed(1)} s for ${planned.toLocaleString('en-US')} iterations ` +
      `(${Math.round((planned * spec.batchSize) / seconds).toLocaleString('en-US')} samples/s, evaluation included); wall time ${wallSeconds.toFixed(1)} s`,
  );

  // --- files ----------------------------------------------------------------------------------------
  const jsonRows = rows.map((r) => ({
    variant: r.variant,
    round: r.round,
    percentRemaining: +r.percentRemaining.toFixed(4),
    testAccuracy: +r.testAccuracy.toFixed(2),
    earlyStopTestAccuracy: +r.earlyStopTestAccuracy.toFixed(2),
    earlyStopStep: r.earlyStopStep,
  }));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(jsonRows, null, 2) + '\n');
  const details = {
    ...reportHeader('lottery', { quick, tf, backendNote }),
    ...(rewinding ? { preset: 'rewinding' } : {}),
    recipe,
    seed,
    trainExamples: study.trainCount,
    testExamples: study.testCount,
    spec,
    settings,
    seconds: +seconds.toFixed(1),
    wallSeconds: +wallSeconds.toFixed(1),
    checks,
    reference: ref,
    results,
  };
  writeFileSync(detailsFile, JSON.stringify(details, null, 2) + '\n');

  const series = names.map((name) => ({
    name,
    color: COLORS[name] ?? '#777777',
    ...(DASHES[name] ? { dash: DASHES[name] } : {}),
    points: [dense, ...results.filter((r) => r.name === name)].map((r) => ({ x: r.percentRemaining, y: r.testAccuracy })),
  }));
  const minX = Math.min(...results.map((r) => r.percentRemaining));
  const inRange = (pts) => pts.filter((p) => p.percentRemaining >= minX / 1.2).map((p) => ({ x: p.percentRemaining, y: p.testAccuracy }));
  series.push(
    { name: 'Dense', color: COLORS.Dense, dash: '6 4', width: 1.5, marker: false, points: [{ x: 100, y: dense.testAccuracy }, { x: minX, y: dense.testAccuracy }] },
    ...(withRef
      ? [
          { name: 'PyTorch ticket (REFERENCE.md)', color: '#8fb8dc', dash: '2 3', points: inRange(ref.ticket) },
          { name: 'PyTorch random reinit', color: '#e8a0a0', dash: '2 3', points: inRange(ref.randomReinit) },
        ]
      : []),
  );
  const svg = accuracyChartSvg({
    title: `Lottery ticket: LeNet-300-100 on MNIST${rewinding ? ', rewinding vs fine-tuning' : quick ? ' (quick run)' : ''}`,
    subtitle:
      `tfjs ${tf.getBackend()}, ${L.LOTTERY_RECIPES[recipe].label}, ${settings.rounds} rounds of ${100 * settings.perRoundRate.hidden}% hidden / ` +
      `${100 * settings.perRoundRate.output}% output, ${settings.epochsPerRound ?? ''} epoch(s) of ${study.trainCount.toLocaleString('en-US')} images per round, seed ${seed}`,
    series: series.filter((s) => s.points.length > 0),
    xLabel: 'Weights remaining (%, log scale)',
    yLabel: 'Test accuracy (%)',
  });
  writeFileSync(svgFile, svg);
  console.log(`wrote ${outFile}\nwrote ${detailsFile}\nwrote ${svgFile}`);
}
