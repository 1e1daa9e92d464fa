// npm run reproduce -- transfer: the Transfer view's experiment over several seeds. For each task
// (MNIST digits 0-4 -> 5-9, MNIST digits -> Fashion-MNIST) and seed, pretrain on the source with
// the page's settings, then learn the target from N labels from scratch, with the frozen
// extractor under a new head, and with full fine-tuning; every accuracy is on the target's whole
// test split. Prints each method's accuracy per seed, the frozen - scratch gap (mean, spread,
// worst seed) and the check (frozen >= scratch + 5 points at 100 labels); writes JSON
// (default reports/transfer.json). A seed changes the initial weights, the data order and which
// N examples are labelled, so the spread over seeds is the honest error bar of one page run.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { printTable, readMnistFiles, reportHeader, root, setupBackend, withEngine } from './common.mjs';

export const options = {
  task: { type: 'string', default: 'both' },
  seeds: { type: 'string' },
  labels: { type: 'string' },
  'source-images': { type: 'string' },
  'source-epochs': { type: 'string' },
  'extractor-sparsity': { type: 'string' },
};

export const usageText =
  'npm run reproduce -- transfer [--quick] [--out FILE] [--task digits|fashion|both] [--seeds N]\n' +
  '                                     [--labels LIST] [--source-images N] [--source-epochs N] [--seed N]\n' +
  '                                     [--extractor-sparsity LIST] [--backend wasm|cpu]\n\n' +
  '  --quick            smoke run: one seed, 100 labels, digits only, 2,400 source images\n' +
  '  --out FILE         JSON report (default reports/transfer.json, reports/transfer-quick.json with --quick)\n' +
  '  --task             which transfer task (default both)\n' +
  '  --seeds N          seeds --seed .. --seed+N-1 (default 5)\n' +
  '  --labels LIST      labelled target examples, comma-separated (default 10,100,1000)\n' +
  "  --source-images N  source images to pretrain on (default: the page's)\n" +
  "  --source-epochs N  passes over them (default: the page's)\n" +
  '  --extractor-sparsity LIST  also run frozen and fine-tuning on the extractor pruned to these\n' +
  '                     percentages, comma-separated (e.g. 90,95,98), and score the pruned network on the source';

const METHODS = ['scratch', 'frozen', 'finetune'];
const GOAL_POINTS = 5;
const GOAL_LABELS = 100;

export async function main(values, { usage, positiveInt, seed }) {
  const quick = values.quick;
  const tasks = values.task === 'both' ? (quick ? ['digits'] : ['digits', 'fashion']) : [values.task];
  if (!tasks.every((t) => t === 'digits' || t === 'fashion')) usage(`--task takes digits, fashion or both, got "${values.task}".`);
  const seedCount = positiveInt('seeds', values.seeds, quick ? 1 : 5);
  const labels = values.labels === undefined ? (quick ? [GOAL_LABELS] : [10, 100, 1000]) : values.labels.split(',').map((s) => positiveInt('labels', s.trim()));
  const sourceImages = positiveInt('source-images', values['source-images'], quick ? 2400 : undefined);
  const sourceEpochs = positiveInt('source-epochs', values['source-epochs'], undefined);
  const outFile = resolve(values.out ?? join(root, 'reports', quick ? 'transfer-quick.json' : 'transfer.json'));
  const seeds = Array.from({ length: seedCount }, (_, i) => seed + i);
  const sparsities = [0];
  for (const text of values['extractor-sparsity']?.split(',') ?? []) {
    const percent = Number(text.trim());
    if (!(percent > 0 && percent < 100)) usage(`--extractor-sparsity takes percentages above 0 and below 100, got "${text}".`);
    sparsities.push(percent / 100);
  }

  const wallStart = performance.now();
  const { tf, backendNote } = await setupBackend(values.backend, usage);

  const runs = await withEngine(async (runner) => {
    const { buildMnistDataset } = await runner.import('/src/engine/datasets/mnist.ts');
    const T = await runner.import('/src/engine/transfer/index.ts');
    const { WORKER_TRANSFER_CONFIG } = await runner.import('/src/worker/transfer-session.ts');
    const base = WORKER_TRANSFER_CONFIG;
    const config = { ...base, pretrain: { ...base.pretrain, limit: sourceImages ?? base.pretrain.limit, epochs: sourceEpochs ?? base.pretrain.epochs } };
    // The page's data: MNIST's 55,000 training images (5,000 kept for validation) and its test set.
    const mnist = buildMnistDataset(readMnistFiles(), {});
    const out = [];
    const pretrainedImages = new Map();
    const pretraining = [];
    for (const taskId of tasks) {
      const task = taskId === 'digits' ? T.digitsTask(mnist) : T.fashionTask(mnist, await loadFashion(runner));
      console.log(
        `${task.label}: pretrain on ${Math.min(config.pretrain.limit ?? Infinity, task.source.train.count).toLocaleString('en-US')} source images, ` +
          `${config.pretrain.epochs} passes; target test ${task.target.test.count.toLocaleString('en-US')} images; ` +
          `tfjs ${tf.version.tfjs} on ${tf.getBackend()}, ${os.cpus().length} cores`,
      );
      for (const s of seeds) {
        const seeded = { ...config, seed: s };
        const pretrained = await T.pretrainSource(task, seeded);
        pretrainedImages.set(taskId, pretrained.images);
        pretraining.push({ task: taskId, seed: s, images: pretrained.images, epochs: pretrained.epochs, sourceAccuracy: pretrained.sourceAccuracy, ms: pretrained.ms });
        const line = [`  seed ${s}: source ${(pretrained.sourceAccuracy * 100).toFixed(1)}% (${(pretrained.ms / 1000).toFixed(1)} s)`];
        const sourceAfter = new Map([[0, pretrained.sourceAccuracy]]);
        for (const sparsity of sparsities.slice(1)) {
          const pruning = T.measureExtractorPruning(task, pretrained, seeded.extractorLayers, sparsity);
          sourceAfter.set(sparsity, pruning.sourceAccuracy);
          line.push(`pruned ${sparsity * 100}%: source ${(pruning.sourceAccuracy * 100).toFixed(1)}%`);
        }
        for (const n of labels) {
          for (const sparsity of sparsities) {
            // Scratch does not use the extractor: it runs once, with the dense rows.
            for (const method of sparsity > 0 ? METHODS.slice(1) : METHODS) {
              const r = await T.adaptToTarget(task, pretrained, method, n, { ...seeded, extractorSparsity: sparsity });
              out.push({ task: taskId, seed: s, labeled: n, method, sparsity, accuracy: r.accuracy, validationAccuracy: r.validationAccuracy, flops: r.flops, steps: r.steps, ms: r.ms, sourceAccuracy: sourceAfter.get(sparsity) });
            }
          }
          const acc = (m) => out.find((r) => r.task === taskId && r.seed === s && r.labeled === n && r.method === m && r.sparsity === 0).accuracy * 100;
          line.push(`${n}: ${METHODS.map((m) => acc(m).toFixed(1)).join(' / ')}`);
        }
        console.log(line.join('; '));
      }
    }
    out.config = { pretrain: config.pretrain, extractorLayers: config.extractorLayers, adapt: config.adapt, pretrainedImages: Object.fromEntries(pretrainedImages) };
    out.pretraining = pretraining;
    return out;
  });

  // --- table --------------------------------------------------------------------------------------
  const find = (task, s, n, method, sparsity) => runs.find((r) => r.task === task && r.seed === s && r.labeled === n && r.method === method && r.sparsity === (method === 'scratch' ? 0 : sparsity));
  const pick = (task, n, method, sparsity = 0) => seeds.map((s) => find(task, s, n, method, sparsity).accuracy * 100);
  const sourcePick = (task, sparsity) => seeds.map((s) => find(task, s, labels[0], 'frozen', sparsity).sourceAccuracy * 100);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs) => (xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)));
  const cell = (xs) => `${mean(xs).toFixed(1)} ± ${sd(xs).toFixed(1)}`;
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
  const summary = [];
  const table = [['task, labels, extractor', 'source %', 'scratch %', 'frozen %', 'fine-tune %', 'frozen - scratch, per seed', 'mean', 'worst']];
  for (const task of tasks) {
    for (const n of labels) {
      for (const sparsity of sparsities) {
        const [scratch, frozen, finetune] = METHODS.map((m) => pick(task, n, m, sparsity));
        const gaps = frozen.map((f, i) => f - scratch[i]);
        const source = sourcePick(task, sparsity);
        // Training compute of one run (the same for every seed), and the validation accuracy the settings were chosen on.
        const flops = Object.fromEntries(METHODS.map((m) => [m, find(task, seeds[0], n, m, sparsity).flops]));
        const validation = Object.fromEntries(METHODS.map((m) => [m, mean(seeds.map((s) => find(task, s, n, m, sparsity).validationAccuracy * 100))]));
        summary.push({ task, labeled: n, extractorSparsity: sparsity, source, scratch, frozen, finetune, gaps, meanGap: mean(gaps), worstGap: Math.min(...gaps), flops, validation });
        const extractor = sparsity > 0 ? `${Math.round(sparsity * 100)}% pruned` : 'dense';
        table.push([`${task}, ${n}, ${extractor}`, cell(source), sparsity > 0 ? '' : cell(scratch), cell(frozen), cell(finetune), gaps.map(signed).join(' '), signed(mean(gaps)), signed(Math.min(...gaps))]);
      }
    }
  }
  printTable(table, new Set(tasks.slice(1).map((_, i) => (i + 1) * labels.length * sparsities.length)));
  console.log(
    `\nAccuracy: mean ± standard deviation over seeds ${seeds.join(', ')}; every method gets the same steps for N labels. Source: the\n` +
      'pretrained network with its own head on the source test images (after pruning, for a pruned extractor).',
  );

  // The goal, read two ways: the gap expected of a run (the mean over seeds), and the gap
  // of every seed.
  const checks = summary
    .filter((s) => s.labeled === GOAL_LABELS && s.extractorSparsity === 0)
    .flatMap((s) => [
      { name: `${s.task}: frozen extractor >= scratch + ${GOAL_POINTS} points at ${GOAL_LABELS} labels, mean over seeds`, pass: s.meanGap >= GOAL_POINTS, detail: `mean ${signed(s.meanGap)}` },
      { name: `${s.task}: the same on every seed`, pass: s.worstGap >= GOAL_POINTS, detail: `worst seed ${signed(s.worstGap)}, best ${signed(Math.max(...s.gaps))}` },
    ]);
  if (checks.length > 0) {
    console.log(`\nchecks (issue 6)${quick ? '; a quick run pretrains on fewer images, so the goal is not expected to hold' : ''}:`);
    for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  console.log(`\nwall time ${wallSeconds.toFixed(1)} s`);

  const json = {
    ...reportHeader('transfer', { quick, tf, backendNote }),
    wallSeconds: +wallSeconds.toFixed(1),
    seeds,
    labels,
    sourceImages: sourceImages ?? null,
    sourceEpochs: sourceEpochs ?? null,
    config: runs.config,
    pretraining: runs.pretraining,
    extractorSparsities: sparsities,
    summary,
    checks,
    runs,
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${outFile}`);
}

/** Fashion-MNIST as the page uses it: the files converted at install (public/data/fashion-mnist). */
export async function loadFashion(runner) {
  const { smallFashionMnist } = await runner.import('/test/fashionMnist.ts');
  // The page keeps the first 10,000 training images (it never asks for more than 5,000 labels).
  return smallFashionMnist({ trainLimit: 10_000 });
}
