// One epoch of LeNet-300-100 on the first images of MNIST's training split, on a backend chosen
// by hand, through the page's own training session (its non-blocking readbacks and its fallback
// when a GPU fails). The WebGPU correctness check (e2e/webgpu-accuracy.spec.ts) runs it on WebGPU
// and on WebAssembly with the same seed and compares test accuracy on all 10,000 test images.
// A subset of the training images, because WebGPU drawn in software (SwiftShader, the only
// adapter a GPU-less test machine has) trains about 100x slower than WebAssembly there.
import { MNIST_DEFAULTS } from '../engine/spec/defaults';
import type { Dataset, TrainSpec } from '../engine/spec/types';
import type { TrainingSession } from './training-session';

export interface AccuracyCheck {
  /** The backend the run ended on (another one if the chosen one failed mid-run). */
  backend: string;
  testAccuracy: number | null;
  steps: number;
  seconds: number;
  /** The page's sentence when the run moved to another backend; null when it did not. */
  fellBack: string | null;
}

/** The spec of the check: MNIST defaults, one epoch, evaluated once at its end. */
export function checkSpec(seed: number, batchSize: number): TrainSpec {
  return { ...MNIST_DEFAULTS, epochs: 1, batchSize, seed, evalEverySteps: 1_000_000 };
}

/** `data` with only its first `images` training images (validation and test untouched). */
export function withTrainingImages(data: Dataset, images: number): Dataset {
  const count = Math.min(images, data.train.count);
  const width = data.featureShape.reduce((a, b) => a * b, 1);
  return { ...data, train: { x: data.train.x.subarray(0, count * width), y: data.train.y.subarray(0, count), count } };
}

export async function trainForCheck(session: TrainingSession, backend: string, data: Dataset, spec: TrainSpec): Promise<AccuracyCheck> {
  let fellBack: string | null = null;
  let running = backend;
  const outcome = await session.train(spec, data, {
    onState: () => undefined,
    onProgress: () => undefined,
    onEval: () => undefined,
    onBackendChange: (info, message) => {
      running = info.name;
      fellBack = message;
    },
  });
  return { backend: running, testAccuracy: outcome.final?.testAccuracy ?? null, steps: outcome.steps, seconds: outcome.seconds, fellBack };
}
