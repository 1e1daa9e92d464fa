// `npm run bench`'s inference part: trains LeNet-300-100 for one epoch in this worker, then times
// it at several sparsities + 4 bits three ways (speed-lab.ts). The compressed files come back so
// the bench can also build and time the exported C program on the same models.
import * as tf from '@tensorflow/tfjs';
import { compressWeights } from '../engine/compression/compress';
import type { KernelExports } from '../engine/kernels/types';
import { createNetwork } from '../engine/models/network';
import { MNIST_DEFAULTS } from '../engine/spec/defaults';
import type { Dataset } from '../engine/spec/types';
import { Trainer } from '../engine/training/trainer';
import { measureModelSpeed, type SpeedReport } from './speed-lab';

export interface InferenceBenchRow {
  sparsity: number;
  bits: number;
  report: SpeedReport;
  bytes: Uint8Array;
}

export async function benchmarkInference(data: Dataset, newKernels: () => Promise<KernelExports>, sparsities: number[]): Promise<InferenceBenchRow[]> {
  const spec = { ...MNIST_DEFAULTS, epochs: 1, evalEverySteps: 1_000_000 };
  const network = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  const trainer = new Trainer(spec, data, { network });
  trainer.runSteps(Infinity);
  trainer.dispose();
  const weights = network.getWeights();
  network.dispose();
  const rows: InferenceBenchRow[] = [];
  for (const sparsity of sparsities) {
    const { bytes } = compressWeights(spec.model, weights, {
      pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: spec.seed },
      quantization: { scheme: 'symmetric', granularity: 'channel', bits: 4 },
    });
    rows.push({ sparsity, bits: 4, report: measureModelSpeed(await newKernels(), { spec, data, weights }, bytes, tf.getBackend()), bytes });
  }
  return rows;
}
