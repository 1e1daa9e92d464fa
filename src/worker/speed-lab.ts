// "Speed and energy": the current model timed in the worker three ways (engine/kernels/speed.ts)
// at batch 1 and 100, with the multiply-adds each way executes. Runs on demand, not per slider
// move: it takes a second or two, during which the worker answers nothing else.
import { compressWeights, type CompressionSettings } from '../engine/compression/compress';
import { C_MODELS } from '../engine/export/c/network';
import { KernelNetwork } from '../engine/kernels/kernelNetwork';
import { measureSpeed, type SpeedSample } from '../engine/kernels/speed';
import type { KernelExports } from '../engine/kernels/types';
import { createNetwork } from '../engine/models/network';
import type { Dataset, TrainSpec, WeightArray } from '../engine/spec/types';

export interface SpeedReport {
  samples: SpeedSample[];
  /** tfjs's backend for the "tfjs dense" rows. */
  backend: string;
  denseMacs: number;
  /** Multiply-adds of the kept weights (the kernels also skip inputs that are 0 for the batch). */
  compressedMacs: number;
  denseBytes: number;
  encodedBytes: number;
  /** Image count per timed repeat, and repeats per way and batch. */
  imagesPerRepeat: number;
  repeats: number;
}

const FLOAT32: CompressionSettings['quantization'] = { scheme: 'none', granularity: 'tensor', bits: 32 };

export function measureModelSpeed(
  kernels: KernelExports,
  model: { spec: TrainSpec; data: Dataset; weights: WeightArray[] },
  compressedBytes: Uint8Array,
  backend: string,
): SpeedReport {
  const { spec, data, weights } = model;
  if (!(C_MODELS as readonly string[]).includes(spec.model)) {
    throw new Error('Speed is measured for LeNet-300-100 and LeNet-5 on MNIST; the 2-D sets are too small to time.');
  }
  const denseFile = compressWeights(spec.model, weights, {
    pruning: { method: 'global_magnitude', sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: spec.seed },
    quantization: FLOAT32,
  });
  const kernelDense = new KernelNetwork(kernels, denseFile.bytes);
  const kernelCompressed = new KernelNetwork(kernels, compressedBytes);
  const tfjsDense = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  const imagesPerRepeat = 100;
  const repeats = 5;
  try {
    tfjsDense.setWeights(weights);
    const samples = measureSpeed(
      { tfjsDense, kernelDense, kernelCompressed },
      { images: data.test.x, count: data.test.count, batches: [1, 100], repeats, imagesPerRepeat, now: () => performance.now() },
    );
    return { samples, backend, denseMacs: kernelDense.keptMacs, compressedMacs: kernelCompressed.keptMacs, denseBytes: denseFile.denseBytes, encodedBytes: compressedBytes.length, imagesPerRepeat, repeats };
  } finally {
    tfjsDense.dispose();
  }
}
