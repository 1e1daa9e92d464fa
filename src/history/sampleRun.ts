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
