// npm run reproduce -- transfer-select: chooses the Transfer lab's settings (learning rates, cut
// point, pretraining passes; the grid and its stages are src/engine/transfer/selection.ts) by mean
// accuracy on the targets' validation splits, over both tasks, several seeds and 10 / 100 / 1,000
// labels, with the page's quick pretraining. Writes reports/transfer-selection.json: every
// candidate's mean validation accuracy and the winners. No test accuracy is recorded or printed:
// the test splits are measured once, by `npm run reproduce -- transfer`, with the winners.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { printTable, readMnistFiles, reportHeader, root, setupBackend, withEngine } from './common.mjs';
import { loadFashion } from './transfer.mjs';

export const options = {
  seeds: { type: 'string' },
};

export const usageText =
  'npm run reproduce -- transfer-select [--quick] [--out FILE] [--seeds N] [--seed N] [--backend wasm|cpu]\n\n' +
  '  --quick            smoke run: one seed, 100 labels, digits only, 2,400 source images\n' +
  '  --out FILE         JSON report (default reports/transfer-selection.json, reports/transfer-selection-quick.json with --quick)\n' +
  '  --seeds N          seeds --seed .. --seed+N-1 (default 5)';

export async function main(values, { usage, positiveInt, seed }) {
  const quick = values.quick;
  const tasks = quick ? ['digits'] : ['digits', 'fashion'];
  const seeds = Array.from({ length: positiveInt('seeds', values.seeds, quick ? 1 : 5) }, (_, i) => seed + i);
  const labels = quick ? [100] : [10, 100, 1000];
  const outFile = resolve(values.out ?? join(root, 'reports', quick ? 'transfer-selection-quick.json' : 'transfer-selection.json'));
  const wallStart = performance.now();
  const { tf, backendNote } = await setupBackend(values.backend, usage);

  const result = await withEngine(async (runner) => {
    const { buildMnistDataset } = await runner.import('/src/engine/datasets/mnist.ts');
    const T = await runner.import('/src/engine/transfer/index.ts');
    const S = await runner.import('/src/engine/transfer/selection.ts');
    const { WORKER_TRANSFER_CONFIG } = await runner.import('/src/worker/transfer-session.ts');
    const base = { ...WORKER_TRANSFER_CONFIG, pretrain: { ...WORKER_TRANSFER_CONFIG.pretrain, limit: quick ? 2400 : WORKER_TRANSFER_CONFIG.pretrain.limit } };
    const mnist = buildMnistDataset(readMnistFiles(), {});
    const taskOf = new Map();
    for (const id of tasks) taskOf.set(id, id === 'digits' ? T.digitsTask(mnist) : T.fashionTask(mnist, await loadFashion(runner)));
    const pretrained = new Map(); // "task:seed:epochs" -> model
    const runs = [];
    const stageResults = [];
    let fixed = {}; // winners of the stages so far

    for (const stage of S.SELECTION_STAGES) {
      const candidates = S.candidatesOf(stage);
      const rows = [];
      console.log(`\nstage ${stage.method}: ${candidates.length} candidates (${stage.choices.join(', ')})${Object.keys(fixed).length ? `, with ${S.candidateKey(fixed)}` : ''}`);
      for (const [id, task] of taskOf) {
        for (const s of seeds) {
          for (const n of labels) {
            const line = [`  ${id} seed ${s}, ${n} labels:`];
            for (const c of candidates) {
              const chosen = { ...fixed, ...c };
              const config = { ...S.withCandidate(base, chosen), seed: s };
              const key = `${id}:${s}:${config.pretrain.epochs}`;
              if (!pretrained.has(key)) pretrained.set(key, await T.pretrainSource(task, config));
              const r = await T.adaptToTarget(task, pretrained.get(key), stage.method, n, config);
              rows.push({ candidate: c, validationAccuracy: r.validationAccuracy });
              runs.push({ task: id, seed: s, labeled: n, method: stage.method, ...chosen, validationAccuracy: r.validationAccuracy, validationCount: r.validationCount, steps: r.steps, ms: r.ms });
              line.push((r.validationAccuracy * 100).toFixed(1));
            }
            console.log(line.join(' '));
          }
        }
      }
      const { scores, best } = S.scoreCandidates(rows);
      const perTask = (c) =>
        Object.fromEntries(
          tasks.map((id) => {
            const mine = runs.filter((r) => r.task === id && r.method === stage.method && Object.entries(c).every(([k, v]) => r[k] === v));
            return [id, mine.reduce((a, r) => a + r.validationAccuracy, 0) / mine.length];
          }),
        );
      stageResults.push({ method: stage.method, choices: stage.choices, fixed: { ...fixed }, scores: scores.map((sc) => ({ ...sc, perTask: perTask(sc.candidate) })), best });
      fixed = { ...fixed, ...best };
    }
    return { runs, stageResults, winners: fixed, validationCounts: Object.fromEntries([...taskOf].map(([id, t]) => [id, t.target.validation.count])), grid: S.SELECTION_GRID };
  });

  const pct = (x) => (x * 100).toFixed(2);
  const table = [['method', 'candidate', 'mean validation %', ...tasks.map((t) => `${t} %`), 'runs']];
  for (const st of result.stageResults) {
    for (const sc of st.scores) {
      const won = JSON.stringify(sc.candidate) === JSON.stringify(st.best);
      table.push([st.method, `${Object.entries(sc.candidate).map(([k, v]) => `${k} ${v}`).join(', ')}${won ? '  <- chosen' : ''}`, pct(sc.meanValidationAccuracy), ...tasks.map((t) => pct(sc.perTask[t])), String(sc.runs)]);
    }
  }
  printTable(table);
  console.log(`\nchosen on validation: ${Object.entries(result.winners).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  console.log(`wall time ${wallSeconds.toFixed(1)} s`);
  const json = {
    ...reportHeader('transfer-select', { quick, tf, backendNote }),
    wallSeconds: +wallSeconds.toFixed(1),
    seeds,
    labels,
    tasks,
    validationCounts: result.validationCounts,
    grid: result.grid,
    stages: result.stageResults,
    winners: result.winners,
    runs: result.runs,
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${outFile}`);
}
