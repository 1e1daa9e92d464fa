// The numbers a lesson may write by hand, because they are not measurements: settings of the
// experiment a step opens, names, and results of published papers (readmeAllowed.ts: the README's).
// Each phrase is taken out whole before claims.test.ts looks for numbers, so "90% sparsity" allows
// that setting and nothing else. Add a measured number as a figure instead (claims/figures.ts).
import { compressionRow } from './compression';
import { LOTTERY_TOLERANCE_POINTS, series } from './lottery';
import lotteryRounds from '../../reports/lottery.json';
import { summaryRow, type TransferSummaryRow } from './transfer';
import { summary as quickSummary } from '../../reports/transfer.json';
import { summary as fullSummary } from '../../reports/transfer-full.json';
import { mean } from './format';
import { speedUp } from './ondevice';

export const LESSON_ALLOWED: readonly string[] = [
  // Names and the network's shape.
  'LeNet-300-100',
  '28×28',
  '300 and 100 units',
  '(784×300)',
  'digits 0-4',
  'digits 5-9',
  '0-4',
  '5-9',
  '32-bit',
  // Settings of the experiments the steps open (share links, sliders, buttons) and of the questions.
  'From 32 bits to 8',
  'at 10% of the weights',
  '50% {sparsity}',
  '90%, 95% and 97%',
  '97% sparsity',
  '(3 weights in 100 left)',
  '95% sparsity',
  '90% sparsity',
  '90% of the pretrained',
  'Extractor sparsity at 90%',
  '4 bits or fewer',
  'Try 4, 3 and 2 bits',
  '6 bits',
  '2-3 bits',
  '1 bit',
  '32 to 8 bits',
  '32 / 8 = 4',
  '256 levels',
  'At 3 bits',
  '90% sparsity and 4 bits',
  '10% of weights at 4 bits is not 80×',
  '(16 levels)',
  'prune 20%',
  'about 100',
  '100 labelled examples',
  '100 labels',
  '5,000 labelled examples',
  '5,000 labels',
  '6,000 images',
  'at 100 labels',
  'at 1,000.',
  'one weight in ten',
  // Answer options: the choices offered, not results.
  '2×',
  '4×',
  '8×',
  '10×',
  '40×',
  '1,000×',
  'to chance, 10%',
  'at 50% and at 99% sparsity',
  'At 50%',
  'LeNet-5 at 90%',
  // Published results, with their papers.
  '(Deep Compression, 2015) kept 8%',
  'Deep Compression reported 40×',
  'Frankle & Carbin (2019)',
  'at 10-20% of',
  'Renda, Frankle & Carbin (2020)',
  'Elsen et al. (2019) report 1.3-2.4× at 90% on phone CPUs',
];

const nearestOption = (options: readonly string[], value: number) =>
  options.reduce((best, o) => (Math.abs(Number(o.replace(/[^\d.]/g, '')) - value) < Math.abs(Number(best.replace(/[^\d.]/g, '')) - value) ? o : best));

/** For the steps whose answer is something our reports measured: the option the reports support. */
export const LESSON_ANSWERS: Record<string, () => string> = {
  'pruning/half': () => {
    const drop = (compressionRow('dense').testAccuracy - compressionRow('prune-50').testAccuracy) * 100;
    return drop < 0.5 ? 'barely move' : drop > 2 ? 'fall by several points' : 'unclear';
  },
  'pruning/retrain': () => {
    const [dense, pruned, tuned] = ['dense', 'prune-90', 'ft-90'].map((id) => compressionRow(id).testAccuracy);
    return (tuned - pruned) / (dense - pruned) > 0.5 ? 'recover most of what pruning lost' : 'stay where it was';
  },
  'quantization/eight': () => {
    const options = ['2×', '4×', '8×'];
    const [a, b] = ['ptq-sym-tensor-8', 'ptq-sym-channel-8'].map((id) => nearestOption(options, compressionRow(id).ratio));
    return a === b ? a : 'the two granularities disagree';
  },
  'quantization/two': () => {
    const dense = compressionRow('dense').testAccuracy;
    const first = [8, 6, 4, 3, 2].find((bits) => (dense - compressionRow(`ptq-sym-tensor-${bits}`).testAccuracy) * 100 > 1);
    return first === 2 || first === 3 ? 'Around 2-3 bits' : `first clear drop at ${first} bits`;
  },
  'quantization/channel': () =>
    compressionRow('ptq-sym-channel-3').testAccuracy > compressionRow('ptq-sym-tensor-3').testAccuracy ? 'keep more accuracy' : 'lose accuracy',
  'pruning/faster': () => {
    const x = speedUp('lenet_300_100', 0.9, 1);
    return x < 1.1 ? 'no faster' : x < 2 ? 'less than twice as fast' : 'several times faster';
  },
  'quantization/both': () => nearestOption(['10×', '40×', '1,000×'], compressionRow('ft90-q4-tensor').ratio),
  'lottery/idea': () => {
    const [dense] = series(lotteryRounds, 'Dense');
    const ticket = series(lotteryRounds, 'Rewind to init');
    const atTen = ticket.reduce((a, b) => (Math.abs(b.percentRemaining - 10) < Math.abs(a.percentRemaining - 10) ? b : a));
    return Math.abs(atTen.testAccuracy - dense.testAccuracy) <= LOTTERY_TOLERANCE_POINTS ? 'About as well as dense' : 'Much worse than dense';
  },
  'lottery/control': () => {
    const behind = series(lotteryRounds, 'Rewind to init').at(-1)!.testAccuracy - series(lotteryRounds, 'Random reinit').at(-1)!.testAccuracy;
    return behind > 1 ? 'clearly worse than the ticket' : 'as well as the ticket';
  },
  'transfer/few': () => {
    const gap = summaryRow(quickSummary as TransferSummaryRow[], 'digits', 100).meanGap;
    return gap >= 1 ? 'does clearly better' : gap <= -1 ? 'does worse: wrong digits' : 'ties';
  },
  'transfer/many': () => {
    const q = quickSummary as TransferSummaryRow[];
    const [at100, at1000] = [100, 1000].map((n) => summaryRow(q, 'digits', n).meanGap);
    return at1000 < at100 - 0.5 ? 'shrinks' : at1000 > at100 + 0.5 ? 'grows' : 'stays the same';
  },
  'transfer/source': () => {
    const [quick, full] = [quickSummary, fullSummary].map((s) => summaryRow(s as TransferSummaryRow[], 'digits', 100).meanGap);
    return full > quick + 0.5 ? 'grows' : full < quick - 0.5 ? 'shrinks' : 'stays the same';
  },
  'transfer/pruned': () => {
    const q = quickSummary as TransferSummaryRow[];
    const loss = mean(summaryRow(q, 'digits', 100).frozen) - mean(summaryRow(q, 'digits', 100, 0.9).frozen);
    return loss < -0.5 ? 'improves' : loss <= 2 ? 'loses about a point' : 'collapses to chance';
  },
};

/** Words in a step that the reports must bear out (the step, the words, and the check). */
export const QUALITATIVE_CLAIMS: readonly { step: string; says: string; holds: () => boolean }[] = [
  {
    step: 'pruning/faster',
    says: 'half the work is not half the time',
    holds: () => speedUp('lenet_300_100', 0.5, 1) < 2,
  },
  {
    step: 'pruning/faster',
    says: 'Convolutions gain less',
    holds: () => speedUp('lenet5', 0.9, 1) < speedUp('lenet_300_100', 0.9, 1) && speedUp('lenet5', 0.9, 100) < speedUp('lenet_300_100', 0.9, 100),
  },
  {
    step: 'quantization/eight',
    says: 'The file does a little better',
    holds: () => compressionRow('ptq-sym-tensor-8').ratio > 4 && compressionRow('ptq-sym-channel-8').ratio > 4,
  },
  {
    step: 'quantization/eight',
    says: 'leaving less to compress',
    holds: () => compressionRow('ptq-sym-channel-8').ratio < compressionRow('ptq-sym-tensor-8').ratio,
  },
  {
    step: 'quantization/two',
    says: 'Four bits (16 levels) cost almost nothing',
    holds: () => ['ptq-sym-tensor-4', 'ptq-sym-channel-4'].every((id) => (compressionRow('dense').testAccuracy - compressionRow(id).testAccuracy) * 100 < 0.3),
  },
  {
    step: 'pruning/cliff',
    says: 'grew fast after it',
    holds: () => {
      const drops = ['prune-80', 'prune-90', 'prune-95', 'prune-98'].map((id) => compressionRow('dense').testAccuracy - compressionRow(id).testAccuracy);
      return drops.every((d, i) => i === 0 || d > drops[i - 1]);
    },
  },
  {
    step: 'transfer/pruned',
    says: 'The pruned network lost more on its old task',
    holds: () => {
      const q = quickSummary as TransferSummaryRow[];
      const [dense, pruned] = [summaryRow(q, 'digits', 100), summaryRow(q, 'digits', 100, 0.9)];
      return mean(dense.source) - mean(pruned.source) > mean(dense.frozen) - mean(pruned.frozen);
    },
  },
  {
    step: 'transfer/many',
    says: 'training from scratch catches up',
    holds: () => {
      const q = quickSummary as TransferSummaryRow[];
      return Math.abs(summaryRow(q, 'digits', 1000).meanGap) < Math.abs(summaryRow(q, 'digits', 100).meanGap);
    },
  },
];
