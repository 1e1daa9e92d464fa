// Small, valid run records of each kind for tests and examples (not used by the page).
import type { LotteryRunRecord, TrainingRunRecord, TransferRunRecord } from './types';

export function sampleRun(id: string, createdAt: number, overrides: Partial<TrainingRunRecord> = {}): TrainingRunRecord {
  return {
    kind: 'training',
    id,
    name: `LeNet-300-100 · MNIST digits · seed 0 (${id})`,
    createdAt,
    link: 'v=1&epochs=1&seed=0',
    dataset: 'mnist',
    model: 'lenet_300_100',
    backend: 'wasm',
    status: 'done',
    epochs: 1,
    steps: 917,
    seconds: 12.5,
    testAccuracy: 0.966,
    validationAccuracy: 0.968,
    curves: {
      loss: [
        { epoch: 0.1, value: 0.9 },
        { epoch: 1, value: 0.2 },
      ],
      trainAccuracy: [{ epoch: 1, value: 94 }],
      validationAccuracy: [{ epoch: 1, value: 96.8 }],
      testAccuracy: [{ epoch: 1, value: 96.6 }],
    },
    denseBytes: 1_066_440,
    points: [{ method: 'global_magnitude', sparsity: 0.9, bits: 4, encodedBytes: 26_371, accuracy: 0.95 }],
    ...overrides,
  };
}

/** A run as a real 5-epoch MNIST run stores it: 300-point loss and training-accuracy curves
 * (the series cap), an evaluation every fifth of an epoch, and a sweep's 34 compression points.
 * `i` varies the seed, date, accuracies and curves, so 1,000 of them are 1,000 different runs. */
export function realisticRun(i: number, createdAt: number): TrainingRunRecord {
  const wobble = (k: number) => Math.sin(i * 12.9898 + k * 78.233) * 0.5;
  const final = 0.975 + wobble(1) * 0.01;
  const curve = (count: number, at: (t: number) => number) =>
    Array.from({ length: count }, (_, k) => ({ epoch: ((k + 1) * 5) / count, value: at((k + 1) / count) + wobble(k) * 0.02 }));
  const sparsities = [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99];
  const points = [32, 8, 4, 2].flatMap((bits) =>
    sparsities.map((sparsity) => ({
      method: 'global_magnitude',
      sparsity,
      bits,
      encodedBytes: Math.round((1_066_440 * (1 - sparsity) * bits) / 32 + 800 + i),
      accuracy: Math.max(0.1, final - sparsity ** 6 * 0.3 - (bits <= 2 ? 0.4 : 0)),
    })),
  );
  const controls = sparsities.slice(1).map((sparsity) => ({ method: 'random', sparsity, bits: 32, encodedBytes: Math.round(1_066_440 * (1 - sparsity) + 800), accuracy: Math.max(0.1, final - sparsity ** 2 * 0.5) }));
  return sampleRun(`run-${createdAt.toString(36)}-${i.toString(36)}`, createdAt, {
    name: `LeNet-300-100 · MNIST digits · seed ${i}`,
    link: `v=1&epochs=5&seed=${i}`,
    epochs: 5,
    steps: 4585,
    seconds: 60 + (i % 40),
    testAccuracy: final,
    validationAccuracy: final + 0.002,
    curves: {
      loss: curve(300, (t) => 0.08 + 0.6 * Math.exp(-6 * t)),
      trainAccuracy: curve(300, (t) => 99 - 20 * Math.exp(-6 * t)),
      validationAccuracy: curve(25, (t) => final * 100 - 3 * Math.exp(-5 * t)),
      testAccuracy: curve(25, (t) => final * 100 - 3 * Math.exp(-5 * t)),
    },
    points: [...points, ...controls],
  });
}

/** A lottery run of 2 rounds of 50% (ticket and random reinit), as the page keeps one. */
export function sampleLotteryRun(id: string, createdAt: number, overrides: Partial<LotteryRunRecord> = {}): LotteryRunRecord {
  const round = (variant: string, r: number, percentRemaining: number, accuracy: number) => ({
    variant,
    round: r,
    percentRemaining,
    accuracy,
    earlyStopAccuracy: accuracy - 0.002,
    earlyStopStep: 600,
    steps: 667,
    startStep: 0,
    curve: [
      { step: 300, trainLoss: 0.4, validationLoss: 0.35, validationAccuracy: accuracy * 100 - 2 },
      { step: 667, trainLoss: 0.2, validationLoss: 0.18, validationAccuracy: accuracy * 100 },
    ],
    overlap: variant === 'dense' ? null : { against: variant === 'rewind_init' ? ('one-shot' as const) : ('ticket' as const), jaccard: 0.7, chance: percentRemaining / 100 },
    layers: [
      { name: 'dense_1/kernel', kept: Math.round(235200 * percentRemaining / 100), total: 235200, percentRemaining },
      { name: 'dense_2/kernel', kept: Math.round(30000 * percentRemaining / 100), total: 30000, percentRemaining },
    ],
  });
  return {
    kind: 'lottery',
    id,
    name: `Lottery · 2 rounds of 50% · seed 0 (${id})`,
    createdAt,
    link: 'v=1&view=lottery&rounds=2&seed=0',
    backend: 'wasm',
    status: 'done',
    seconds: 48.2,
    seed: 0,
    plannedRounds: 2,
    rounds: [round('dense', 0, 100, 0.951), round('rewind_init', 1, 50.4, 0.953), round('random_reinit', 1, 50.4, 0.947), round('rewind_init', 2, 25.5, 0.949), round('random_reinit', 2, 25.5, 0.93)],
    ...overrides,
  };
}

/** A transfer run on digits 0-4 -> 5-9 at 10 and 100 labels, the three methods each. */
export function sampleTransferRun(id: string, createdAt: number, overrides: Partial<TransferRunRecord> = {}): TransferRunRecord {
  const result = (method: 'scratch' | 'frozen' | 'finetune', labeled: number, accuracy: number) => ({
    method,
    labeled,
    accuracy,
    testCount: 4861,
    validationAccuracy: accuracy - 0.01,
    validationCount: 2000,
    steps: 40,
    flops: labeled * 5e7,
    ms: 800,
    trainedParams: method === 'frozen' ? 1290 : 44_426,
    extractorSparsity: 0,
  });
  return {
    kind: 'transfer',
    id,
    name: `Transfer · MNIST digits 0-4 → digits 5-9 · seed 0 (${id})`,
    createdAt,
    link: 'v=1&view=transfer&seed=0',
    backend: 'wasm',
    status: 'done',
    seconds: 21.7,
    task: 'digits',
    pretraining: 'quick',
    seed: 0,
    extractorSparsity: 0,
    labels: 100,
    results: [result('scratch', 10, 0.52), result('frozen', 10, 0.71), result('finetune', 10, 0.66), result('scratch', 100, 0.8), result('frozen', 100, 0.85), result('finetune', 100, 0.84)],
    ...overrides,
  };
}
