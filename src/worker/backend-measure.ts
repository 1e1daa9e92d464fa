// Times a few training steps of the chosen model on each backend that can start here, so the
// automatic choice is the fastest measured, not a guess from the renderer's name. The inputs
// are made up (a fixed pattern; only speed is measured), so no data has to be downloaded first.
import * as tf from '@tensorflow/tfjs';
import { Trainer } from '../engine/training/trainer';
import type { Dataset, Split, TrainSpec } from '../engine/spec/types';
import { releaseBackend, trySetBackend } from './backend-start';
import type { BackendMeasurement, BackendName } from './protocol';

const MNIST_SHAPE = [28, 28, 1];

function patternSplit(count: number, features: number): Split {
  const x = new Float32Array(count * features);
  for (let i = 0; i < x.length; i++) x[i] = ((i * 7919) % 256) / 255;
  const y = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { x, y, count };
}

/** Enough made-up MNIST-shaped examples for a few batches of `spec`. */
export function timingData(spec: TrainSpec): Dataset {
  const features = MNIST_SHAPE.reduce((a, b) => a * b, 1);
  const small = patternSplit(spec.batchSize, features);
  return { id: 'mnist', featureShape: MNIST_SHAPE, numClasses: 10, train: patternSplit(spec.batchSize * 8, features), validation: small, test: small };
}

/** Samples per second of `spec` on the running backend: two warm-up steps (shader compiles,
 * wasm tiering), then blocks of two steps until `budgetMs` is spent, each closed by a readback so
 * queued GPU work is counted. The median block counts: one block slowed by another process or
 * sped up by a GPU queue that had not drained does not decide. The readback does not block, as in
 * training: on SwiftShader WebGPU's blocking read did not wait for the GPU (it read zeros), so
 * WebGPU measured 240-3,125 samples/s with it against 44 when reads wait, and then it lost the
 * device (README, WebGPU). */
export async function timeTraining(spec: TrainSpec, data: Dataset, budgetMs: number): Promise<number> {
  const trainer = new Trainer({ ...spec, epochs: 1000, evalEverySteps: 1_000_000, checkpointSteps: [] }, data);
  try {
    trainer.runSteps(2);
    await trainer.takeProgressAsync();
    const rates: number[] = [];
    const start = performance.now();
    for (let blocks = 0; blocks < 3 || performance.now() - start < budgetMs; blocks++) {
      const t0 = performance.now();
      const ran = trainer.runSteps(2);
      await trainer.takeProgressAsync();
      rates.push((ran * spec.batchSize * 1000) / Math.max(1e-3, performance.now() - t0));
    }
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)];
  } finally {
    trainer.dispose();
  }
}

/** Measures every candidate (about `totalMs` of timed steps in all, plus start-up), skipping
 * with its reason any that is unavailable or fails to start. Leaves no backend chosen. */
export async function measureBackends(
  candidates: readonly { name: BackendName; missing: string | null }[],
  spec: TrainSpec,
  totalMs: number,
): Promise<BackendMeasurement[]> {
  const data = timingData(spec);
  const runnable = candidates.filter((c) => c.missing === null).length;
  const out: BackendMeasurement[] = [];
  for (const { name, missing } of candidates) {
    if (missing !== null) {
      out.push({ name, samplesPerSecond: null, error: missing });
      continue;
    }
    const error = await trySetBackend(name);
    if (error !== null) {
      out.push({ name, samplesPerSecond: null, error: `failed to start: ${error}` });
      continue;
    }
    const before = tf.memory().numTensors;
    try {
      out.push({ name, samplesPerSecond: await timeTraining(spec, data, totalMs / Math.max(1, runnable)) });
    } catch (err) {
      out.push({ name, samplesPerSecond: null, error: `failed while training: ${err instanceof Error ? err.message : String(err)}` });
    }
    if (tf.memory().numTensors !== before) console.warn(`backend-measure: ${tf.memory().numTensors - before} tensors left on ${name}`);
  }
  return out;
}

/** Frees the WebGL backend when it did not win. */
export function releaseLosers(measured: readonly BackendMeasurement[], winner: BackendName): void {
  for (const m of measured) if (m.name !== winner) releaseBackend(m.name);
}
