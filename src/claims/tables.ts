// The README's results tables, written from the reports (readme.ts puts them between
// <!--table:name--> and <!--/table--> marks). Node only: they read whole reports.
import { dense, rows } from '../../reports/compression.json';
import lotteryRounds from '../../reports/lottery.json';
import { reference } from '../../reports/lottery-details.json';
import { summary as quickSummary } from '../../reports/transfer.json';
import { summary as fullSummary } from '../../reports/transfer-full.json';
import { stages, tasks as selectionTasks } from '../../reports/transfer-selection.json';
import smallestReport from '../../reports/smallest.json';
import smallestCloseReport from '../../reports/smallest-close.json';
import smallestSeed3Report from '../../reports/smallest-seed-3.json';
import smallestLenet5Seeds45Report from '../../reports/smallest-lenet5-seeds-4-5.json';
import smallestLenet300Seeds45Report from '../../reports/smallest-lenet300-seeds-4-5.json';
import smallestLenet5Seeds67Report from '../../reports/smallest-lenet5-seeds-6-7.json';
import smallestIntBiasesLenet300Report from '../../reports/smallest-int-biases-lenet300-seeds-4-5.json';
import smallestIntBiasesLenet5Report from '../../reports/smallest-int-biases-lenet5-seeds-6-7.json';
import smallestDistillReport from '../../reports/smallest-distill.json';
import smallestTunedReport from '../../reports/smallest-tuned.json';
import smallestValidation20kReport from '../../reports/smallest-validation-20k.json';
import smallestFullPolishReport from '../../reports/smallest-full-polish.json';
import smallestWideReport from '../../reports/smallest-wide.json';
import smallestStrictReport from '../../reports/smallest-budget-0.1.json';
import smallestBeforeReport from '../../reports/smallest-whole-validation.json';
import smallestLenet5Report from '../../reports/smallest-lenet5.json';
import smallestHeldOutReport from '../../reports/smallest-before-polish.json';
import smallestLenet5FullReport from '../../reports/smallest-lenet5-full.json';
import smallestLenet5QuickReport from '../../reports/smallest-lenet5-quick-polish.json';
import smallestLenet5DistillReport from '../../reports/smallest-lenet5-distill.json';
import smallestLenet5TunedReport from '../../reports/smallest-lenet5-tuned.json';
import smallestPagePolishReport from '../../reports/smallest-page-quick-polish.json';
import smallestPageDistillReport from '../../reports/smallest-page-quick-distill.json';
import smallestPageTunedReport from '../../reports/smallest-page-quick-tuned.json';
import { presetPairsTable, smallestGoalsTable, smallestTable, type SmallestReport } from './smallest';
import { trainedQuantizationTable, type TunedReport } from './trainedQuantization';
import { compressionRow } from './compression';
import { meanSd, num, pct, signed, table } from './format';
import { series, type LotteryRound } from './lottery';
import type { TransferSummaryRow } from './transfer';

function compressionTable(): string {
  type Row = (typeof rows)[number];
  const refAcc = (r: Row) => (r.reference ? `${pct(r.reference.testAccuracy)}%` : '');
  const group = (label: string, ids: string[], opts: { bytes?: boolean } = {}) => {
    const rs = ids.map(compressionRow);
    const join = (f: (r: Row) => string) => rs.map(f).join(' / ');
    return [
      label,
      `${join((r) => pct(r.testAccuracy))}%`,
      opts.bytes === false ? '' : join((r) => num(r.encodedBytes, 0)),
      `${join((r) => num(r.ratio))}x`,
      rs.some((r) => r.reference) ? `${join((r) => (r.reference ? pct(r.reference.testAccuracy) : '-'))}%` : '',
    ];
  };
  const one = (label: string, id: string, bold = false) => {
    const r = compressionRow(id);
    const b = (t: string) => (bold && t ? `**${t}**` : t);
    return [b(label), b(`${pct(r.testAccuracy)}%`), b(num(r.encodedBytes, 0)), b(`${num(r.ratio)}x`), refAcc(r)];
  };
  return table(
    ['configuration', 'test accuracy', 'encoded bytes', 'ratio', 'PyTorch'],
    [
      one(`dense float32 (epoch ${dense.selectedEpoch})`, 'dense'),
      group('post-training 8 / 4 / 3 / 2-bit, per tensor', ['ptq-sym-tensor-8', 'ptq-sym-tensor-4', 'ptq-sym-tensor-3', 'ptq-sym-tensor-2']),
      group('post-training 8 / 4 / 3 / 2-bit, per output channel', ['ptq-sym-channel-8', 'ptq-sym-channel-4', 'ptq-sym-channel-3', 'ptq-sym-channel-2']),
      one('float16', 'ptq-float16'),
      group('k-means 16 / 4 clusters', ['ptq-kmeans-16', 'ptq-kmeans-4']),
      group('global magnitude 50 / 80 / 90 / 95 / 98%, no retraining', ['prune-50', 'prune-80', 'prune-90', 'prune-95', 'prune-98'], { bytes: false }),
      one('90% + 2 epochs fine-tuning (mask held)', 'ft-90'),
      one('98% + 2 epochs fine-tuning', 'ft-98'),
      one('90% fine-tuned + 4-bit per tensor, Huffman', 'ft90-q4-tensor', true),
      one('90% fine-tuned + 4-bit per tensor, no entropy coding', 'ft90-q4-tensor-raw'),
      one('90% fine-tuned + 4-bit per channel, Huffman', 'ft90-q4-channel'),
      one('90% + 2 epochs quantization-aware 4-bit per tensor', 'qat90-q4-tensor'),
      one('90% + 2 epochs quantization-aware 2-bit per channel', 'qat90-q2-channel'),
    ],
  );
}

/** The ticket's rounds at the sparsities the PyTorch reference has (within 1% of the value), and dense. */
function lotteryTable(): string {
  const report = lotteryRounds as LotteryRound[];
  const [denseRound] = series(report, 'Dense');
  const ticket = series(report, 'Rewind to init');
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.01 * b;
  const columns = ticket.filter((r) => reference.ticket.some((p) => near(p.percentRemaining, r.percentRemaining)));
  const pctLeft = (p: number) => num(p, p < 10 ? 2 : 1);
  const row = (label: string, variant: string) => {
    const s = series(report, variant);
    return [label, variant === 'Rewind to init' ? `${num(denseRound.testAccuracy, 2)} (dense)` : '', ...columns.map((c) => num(s.find((r) => r.round === c.round)!.testAccuracy, 2))];
  };
  const refAt = (list: readonly { percentRemaining: number; testAccuracy: number }[], p: number) => list.find((x) => near(x.percentRemaining, p))?.testAccuracy;
  const refCell = (p: number) => {
    const [t, r] = [refAt(reference.ticket, p), refAt(reference.randomReinit, p)];
    return `${t === undefined ? '' : num(t, 2)} / ${r === undefined ? '' : num(r, 2)}`;
  };
  return table(
    ['% of weights left', '100', ...columns.map((c) => pctLeft(c.percentRemaining))],
    [
      row('Rewind to init (the ticket)', 'Rewind to init'),
      row('Random reinit (same masks)', 'Random reinit'),
      row('Random pruning (same per-layer sparsity)', 'Random pruning'),
      ['PyTorch ticket / reinit (REFERENCE.md)', num(reference.dense, 2), ...columns.map((c) => refCell(c.percentRemaining))],
    ],
  );
}

function transferTable(summary: readonly TransferSummaryRow[]): string {
  const body = summary
    .filter((r) => r.extractorSparsity === 0)
    .map((r) => [
      `${r.task === 'digits' ? 'digits 5-9' : 'Fashion'}, ${num(r.labeled, 0)}`,
      meanSd(r.scratch),
      meanSd(r.frozen),
      meanSd(r.finetune),
      `${r.gaps.map((g) => signed(g)).join(' ')} (${signed(r.meanGap)})`,
    ]);
  return table(['task, labels', 'from scratch', 'frozen extractor + new head', 'full fine-tuning', 'frozen - scratch per seed (mean)'], body);
}

function transferPrunedTable(): string {
  const body = (quickSummary as TransferSummaryRow[])
    .filter((r) => r.labeled === 100)
    .map((r) => [
      `${r.task === 'digits' ? 'digits' : 'Fashion'}, ${r.extractorSparsity === 0 ? 'dense' : `${num(r.extractorSparsity * 100, 0)}% pruned`}`,
      meanSd(r.source),
      meanSd(r.frozen),
      meanSd(r.finetune),
    ]);
  return table(['task, extractor', 'source accuracy', 'frozen + new head', 'full fine-tuning'], body);
}

function selectionTable(): string {
  const body = stages.flatMap((stage) =>
    stage.scores.map((sc) => {
      const won = JSON.stringify(sc.candidate) === JSON.stringify(stage.best);
      const what = Object.entries(sc.candidate).map(([k, v]) => `${CHOICE_NAMES[k] ?? k} ${v}`).join(', ');
      const perTask = sc.perTask as Record<string, number>;
      return [stage.method, won ? `**${what}**` : what, num(sc.meanValidationAccuracy * 100, 2), ...selectionTasks.map((t) => num(perTask[t] * 100, 2))];
    }),
  );
  return table(['method', 'candidate (chosen in bold)', 'mean validation %', ...selectionTasks.map((t) => `${t} %`)], body);
}

const CHOICE_NAMES: Record<string, string> = {
  scratchLearningRate: 'rate',
  pretrainEpochs: 'passes',
  extractorLayers: 'cut after layer',
  headLearningRate: 'head rate',
  fineTuneLearningRate: 'extractor rate',
};

export const TABLES: Record<string, () => string> = {
  compression: compressionTable,
  lottery: lotteryTable,
  'transfer-quick': () => transferTable(quickSummary as TransferSummaryRow[]),
  'transfer-full': () => transferTable(fullSummary as TransferSummaryRow[]),
  'transfer-pruned': transferPrunedTable,
  'transfer-selection': selectionTable,
  smallest: () => smallestTable(smallestReport as unknown as SmallestReport),
  'smallest-goals': () => smallestGoalsTable(smallestReport as unknown as SmallestReport),
  'smallest-close': () => smallestTable(smallestCloseReport as unknown as SmallestReport),
  'smallest-close-goals': () => smallestGoalsTable(smallestCloseReport as unknown as SmallestReport),
  'smallest-seed-3': () => smallestTable(smallestSeed3Report as unknown as SmallestReport),
  'smallest-lenet5-seeds-4-5': () => smallestTable(smallestLenet5Seeds45Report as unknown as SmallestReport),
  'smallest-lenet300-seeds-4-5': () => smallestTable(smallestLenet300Seeds45Report as unknown as SmallestReport),
  'smallest-lenet5-seeds-6-7': () => smallestTable(smallestLenet5Seeds67Report as unknown as SmallestReport),
  // The integer-bias preset on the fresh seeds, beside the default preset's runs of them.
  'smallest-int-biases': () =>
    presetPairsTable(
      [smallestLenet300Seeds45Report, smallestLenet5Seeds67Report] as unknown as SmallestReport[],
      [smallestIntBiasesLenet300Report, smallestIntBiasesLenet5Report] as unknown as SmallestReport[],
      { before: 'float16 biases (default preset)', after: 'integer biases allowed' },
    ),
  'smallest-int-biases-runs': () => smallestTable({ ...(smallestIntBiasesLenet300Report as unknown as SmallestReport), runs: [smallestIntBiasesLenet300Report, smallestIntBiasesLenet5Report].flatMap((r) => (r as unknown as SmallestReport).runs) }),
  // Every report whose preset ends each polish with trained quantization; smallest-close.json is
  // left out, its candidates are smallest.json's (the presets differ only in which one is final).
  'smallest-trained-quantization': () =>
    trainedQuantizationTable(
      (
        [
          ['smallest.json', smallestReport],
          ['smallest-seed-3.json', smallestSeed3Report],
          ['smallest-lenet5-seeds-4-5.json', smallestLenet5Seeds45Report],
          ['smallest-lenet300-seeds-4-5.json', smallestLenet300Seeds45Report],
          ['smallest-lenet5-seeds-6-7.json', smallestLenet5Seeds67Report],
          ['smallest-int-biases-lenet300-seeds-4-5.json', smallestIntBiasesLenet300Report],
          ['smallest-int-biases-lenet5-seeds-6-7.json', smallestIntBiasesLenet5Report],
          ['smallest-tuned.json', smallestTunedReport],
          ['smallest-lenet5-tuned.json', smallestLenet5TunedReport],
          ['smallest-page-quick-tuned.json', smallestPageTunedReport],
        ] as const
      ).map(([name, report]) => [name, report as unknown as TunedReport]),
    ),
  'smallest-tuned': () => smallestTable(smallestTunedReport as unknown as SmallestReport),
  'smallest-tuned-goals': () => smallestGoalsTable(smallestTunedReport as unknown as SmallestReport),
  'smallest-larger-split': () => smallestTable(smallestValidation20kReport as unknown as SmallestReport),
  'smallest-larger-split-goals': () => smallestGoalsTable(smallestValidation20kReport as unknown as SmallestReport),
  'smallest-distill': () => smallestTable(smallestDistillReport as unknown as SmallestReport),
  'smallest-distill-goals': () => smallestGoalsTable(smallestDistillReport as unknown as SmallestReport),
  'smallest-wide': () => smallestTable(smallestWideReport as unknown as SmallestReport),
  'smallest-full-polish': () => smallestTable(smallestFullPolishReport as unknown as SmallestReport),
  'smallest-full-polish-goals': () => smallestGoalsTable(smallestFullPolishReport as unknown as SmallestReport),
  'smallest-strict': () => smallestTable(smallestStrictReport as unknown as SmallestReport),
  'smallest-before': () => smallestTable(smallestBeforeReport as unknown as SmallestReport),
  'smallest-before-polish': () => smallestTable(smallestHeldOutReport as unknown as SmallestReport),
  'smallest-before-polish-goals': () => smallestGoalsTable(smallestHeldOutReport as unknown as SmallestReport),
  'smallest-conv': () => smallestTable(smallestLenet5Report as unknown as SmallestReport),
  'smallest-conv-goals': () => smallestGoalsTable(smallestLenet5Report as unknown as SmallestReport),
  'smallest-conv-tuned': () => smallestTable(smallestLenet5TunedReport as unknown as SmallestReport),
  'smallest-conv-tuned-goals': () => smallestGoalsTable(smallestLenet5TunedReport as unknown as SmallestReport),
  'smallest-conv-distill': () => smallestTable(smallestLenet5DistillReport as unknown as SmallestReport),
  'smallest-conv-distill-goals': () => smallestGoalsTable(smallestLenet5DistillReport as unknown as SmallestReport),
  'smallest-conv-full': () => smallestTable(smallestLenet5FullReport as unknown as SmallestReport),
  'smallest-conv-full-goals': () => smallestGoalsTable(smallestLenet5FullReport as unknown as SmallestReport),
  'smallest-conv-quick-polish': () => smallestTable(smallestLenet5QuickReport as unknown as SmallestReport),
  'smallest-page-quick-polish': () => smallestTable(smallestPagePolishReport as unknown as SmallestReport),
  'smallest-page-quick-tuned': () => smallestTable(smallestPageTunedReport as unknown as SmallestReport),
  'smallest-page-quick-distill': () => smallestTable(smallestPageDistillReport as unknown as SmallestReport),
};
