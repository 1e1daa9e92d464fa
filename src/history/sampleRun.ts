// A small, valid run record for tests and examples (not used by the page).
import type { RunRecord } from './types';

export function sampleRun(id: string, createdAt: number, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
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
export function realisticRun(i: number, createdAt: number): RunRecord {
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
