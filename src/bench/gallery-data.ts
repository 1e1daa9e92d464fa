// Synthetic, deterministic data for the chart gallery (chart-gallery.tsx): a lottery run of four
// rounds with three variants, one layer's weight histogram at 4 bits, a transfer sweep. Shaped
// like the real results; only the drawing is under test.
import type { LayerInspection } from '../worker/compression-protocol';
import type { LotteryRoundMessage } from '../worker/lottery-protocol';
import type { TransferResult } from '../worker/transfer-protocol';
import { seriesName } from '../engine/lottery/results';
import type { VariantId } from '../engine/lottery/variants';

const wobble = (k: number) => Math.sin(k * 12.9898) * 0.5;

function round(variant: VariantId | 'dense', r: number, accuracy: number): LotteryRoundMessage {
  const percentRemaining = 100 * 0.5 ** r;
  const steps = 600;
  return {
    result: {
      variant,
      name: seriesName(variant),
      round: r,
      percentRemaining,
      testAccuracy: accuracy,
      earlyStopStep: Math.round(steps * (0.55 + 0.1 * r * (variant === 'random_reinit' ? 1 : -0.4))),
      earlyStopTestAccuracy: accuracy - 0.1,
      steps,
      startStep: 0,
      curve: Array.from({ length: 12 }, (_, k) => ({ step: ((k + 1) * steps) / 12, trainLoss: 0.3, validationLoss: 0.2, validationAccuracy: accuracy - 8 * Math.exp(-(k + 1) / 2.5) })),
      layers: [],
    },
    // The ticket against one-shot pruning; random pruning against the ticket (random reinit uses
    // the ticket's own mask: no overlap to show).
    overlap:
      variant === 'rewind_init'
        ? { against: 'one-shot', jaccard: 0.9 - 0.05 * r, chance: 0.5 ** r / (2 - 0.5 ** r) }
        : variant === 'random_prune'
          ? { against: 'ticket', jaccard: 0.5 ** r / (2 - 0.5 ** r) + 0.01, chance: 0.5 ** r / (2 - 0.5 ** r) }
          : null,
    firstLayerSurvivors: null,
    ticketKept: variant === 'rewind_init',
  };
}

export function galleryRounds(): LotteryRoundMessage[] {
  const rounds = [round('dense', 0, 97.4)];
  for (let r = 1; r <= 4; r++) {
    rounds.push(round('rewind_init', r, 97.5 + 0.2 * r - 0.15 * r * r + wobble(r) * 0.2));
    rounds.push(round('random_reinit', r, 97.2 - 0.5 * r * r * 0.5));
    rounds.push(round('random_prune', r, 97.0 - 0.6 * r));
  }
  return rounds;
}

export function galleryLayer(): LayerInspection {
  const bins = 60;
  const before = new Uint32Array(bins);
  const after = new Uint32Array(bins);
  for (let i = 0; i < bins; i++) {
    const z = (i - bins / 2 + 0.5) / 8;
    before[i] = Math.round(20_000 * Math.exp(-z * z));
    after[i] = Math.abs(z) > 0.6 && i % 4 === 0 ? Math.round(before[i] * 3) : 0;
  }
  const levels = Float32Array.from({ length: 15 }, (_, k) => (k - 7) * 0.03);
  return { name: 'dense_0/kernel', shape: [784, 300], count: 235_200, kept: 23_520, range: 0.25, before, after, levels, levelGroups: 1, levelsChannel: 0 };
}

export function galleryTransfer(): TransferResult[] {
  const labels = [10, 30, 100, 300, 1000, 5000];
  const methods = [
    ['scratch', 0, 0.55],
    ['frozen', 0, 0.78],
    ['finetune', 0, 0.7],
    ['frozen', 0.9, 0.74],
  ] as const;
  return methods.flatMap(([method, extractorSparsity, start]) =>
    labels.map((labeled, i) => ({
      method,
      labeled,
      accuracy: Math.min(0.99, start + (0.97 - start) * (1 - Math.exp(-i / 2))),
      testCount: 4861,
      steps: 300,
      flops: labeled * (method === 'frozen' ? 2e6 : 4e7),
      ms: 100,
      trainedParams: 1000,
      extractorSparsity,
      validationAccuracy: Math.min(0.99, start + (0.97 - start) * (1 - Math.exp(-i / 2))),
      validationCount: 2480,
    })),
  );
}
