// Figures of `npm run reproduce -- transfer` over seeds: the page's quick pretraining
// (reports/transfer.json, with the pruned extractors) and the full one (reports/transfer-full.json),
// both with the settings chosen on validation (reports/transfer-selection.json).
import { config as quickConfig, pretraining as quickPretraining, seeds as quickSeeds, summary as quickSummary } from '../../reports/transfer.json';
import { pretraining as fullPretraining, summary as fullSummary } from '../../reports/transfer-full.json';
import { validationCounts, winners } from '../../reports/transfer-selection.json';
import { fromReport, type Figures } from './figure';
import { mean, num, signed } from './format';

export interface TransferSummaryRow {
  task: string;
  labeled: number;
  extractorSparsity: number;
  source: number[];
  scratch: number[];
  frozen: number[];
  finetune: number[];
  gaps: number[];
  meanGap: number;
  worstGap: number;
  flops: Record<string, number>;
}

export function summaryRow(summary: readonly TransferSummaryRow[], task: string, labeled: number, sparsity = 0): TransferSummaryRow {
  const row = summary.find((r) => r.task === task && r.labeled === labeled && r.extractorSparsity === sparsity);
  if (!row) throw new Error(`The transfer report has no row for ${task}, ${labeled} labels, extractor sparsity ${sparsity}.`);
  return row;
}

const range = (xs: readonly number[], digits = 1) => `${signed(Math.min(...xs), digits)} to ${signed(Math.max(...xs), digits)}`;
const plainRange = (xs: readonly number[], digits = 1) => `${num(Math.min(...xs), digits)}-${num(Math.max(...xs), digits)}`;
/** How many seeds had frozen ahead of scratch. */
const ahead = (r: TransferSummaryRow) => num(r.gaps.filter((g) => g > 0).length, 0);

function gapFigures(prefix: string, summary: readonly TransferSummaryRow[], task: string, labels: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    labels.flatMap((n) => {
      const r = summaryRow(summary, task, n);
      const at = `${prefix}.${task}.${n}`;
      return [
        [`${at}.gap`, signed(r.meanGap)],
        [`${at}.worstGap`, signed(r.worstGap)],
        [`${at}.gapRange`, range(r.gaps)],
        [`${at}.ahead`, ahead(r)],
        [`${at}.scratch`, num(mean(r.scratch))],
        [`${at}.frozen`, num(mean(r.frozen))],
        [`${at}.finetune`, num(mean(r.finetune))],
        [`${at}.scratchRange`, plainRange(r.scratch)],
        [`${at}.frozenRange`, plainRange(r.frozen)],
        [`${at}.sourceRange`, plainRange(r.source, 0)],
        [`${at}.computeShare`, num(r.flops.scratch / r.flops.frozen, 0)],
      ];
    }),
  );
}

const LABELS = [10, 100, 1000];

/** The pruned extractors at 100 labels (quick pretraining): per-seed ranges and means. */
function prunedFigures(q: readonly TransferSummaryRow[]): Record<string, string> {
  return Object.fromEntries(
    ['digits', 'fashion'].flatMap((task) =>
      q
        .filter((r) => r.task === task && r.labeled === 100 && r.extractorSparsity > 0)
        .flatMap((r) => {
          const at = `transfer.pruned${Math.round(r.extractorSparsity * 100)}.${task}`;
          return [
            [`${at}.frozenRange`, plainRange(r.frozen)],
            [`${at}.finetuneRange`, plainRange(r.finetune)],
            [`${at}.sourceRange`, plainRange(r.source, 0)],
            [`${at}.frozen`, num(mean(r.frozen))],
            [`${at}.source`, num(mean(r.source))],
          ];
        }),
    ),
  );
}
/** The goal: frozen >= scratch + 5 points at 100 labels. */
export const GOAL_POINTS = 5;

const pretrainMs = (runs: readonly { task: string; ms: number }[], task: string) => mean(runs.filter((r) => r.task === task).map((r) => r.ms));

export function transferFigures(): Figures {
  const q = quickSummary as TransferSummaryRow[];
  const f = fullSummary as TransferSummaryRow[];
  const digits100 = summaryRow(q, 'digits', 100);
  const pruned = (task: string, sparsity: number) => summaryRow(q, task, 100, sparsity);
  const denseDigits = summaryRow(q, 'digits', 100, 0);
  const fullImages = (task: string) => fullPretraining.find((p) => p.task === task)!;
  const fullSource = (task: string) => num(mean(fullPretraining.filter((p) => p.task === task).map((p) => p.sourceAccuracy * 100)));
  return {
    ...fromReport('reports/transfer.json', {
      'transfer.seeds': num(quickSeeds.length, 0),
      'transfer.quickImages': num(quickConfig.pretrain.limit ?? 0, 0),
      ...gapFigures('transfer.quick', q, 'digits', LABELS),
      ...gapFigures('transfer.quick', q, 'fashion', LABELS),
      'transfer.quick.digits.100.scratchGflop': num(digits100.flops.scratch / 1e9, 2),
      'transfer.quick.digits.100.frozenGflop': num(digits100.flops.frozen / 1e9, 2),
      ...prunedFigures(q),
      'transfer.pruned90.digits.frozenLoss': num(mean(denseDigits.frozen) - mean(pruned('digits', 0.9).frozen)),
      'transfer.pruned90.digits.sourceLoss': num(mean(denseDigits.source) - mean(pruned('digits', 0.9).source)),
      'transfer.pruned98.digits.frozenBehindScratch': num(mean(denseDigits.scratch) - mean(pruned('digits', 0.98).frozen)),
    }),
    ...fromReport('reports/transfer-full.json', {
      ...gapFigures('transfer.full', f, 'digits', LABELS),
      ...gapFigures('transfer.full', f, 'fashion', LABELS),
      'transfer.full.digits.images': num(fullImages('digits').images, 0),
      'transfer.full.fashion.images': num(fullImages('fashion').images, 0),
      'transfer.full.digits.source': fullSource('digits'),
      'transfer.full.digits.100.goal': summaryRow(f, 'digits', 100).meanGap >= GOAL_POINTS ? 'holds' : 'is missed',
      'transfer.full.digits.100.goalSeeds': num(summaryRow(f, 'digits', 100).gaps.filter((g) => g >= GOAL_POINTS).length, 0),
      // How much longer the full pretraining takes than the quick one (digits, mean over seeds).
      'transfer.full.digits.timeRatio': num(pretrainMs(fullPretraining, 'digits') / pretrainMs(quickPretraining, 'digits'), 0),
      'transfer.full.fashion.source': fullSource('fashion'),
    }),
    ...fromReport('reports/transfer-selection.json', {
      'transfer.chosen.scratchRate': String(winners.scratchLearningRate),
      'transfer.chosen.headRate': String(winners.headLearningRate),
      'transfer.chosen.fineTuneRate': String(winners.fineTuneLearningRate),
      'transfer.chosen.cut': num(winners.extractorLayers, 0),
      'transfer.chosen.passes': num(winners.pretrainEpochs, 0),
      'transfer.validation.digits': num(validationCounts.digits, 0),
      'transfer.validation.fashion': num(validationCounts.fashion, 0),
    }),
  };
}
