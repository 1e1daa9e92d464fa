// A briefly trained MNIST model for engine tests that need real predictions: one epoch of Adam
// on the first 6,000 training images (about 91% test accuracy for both LeNets), seed 3.
import type { CompressionSettings } from '../src/engine/compression/compress';
import { createNetwork } from '../src/engine/models/network';
import { MNIST_DEFAULTS } from '../src/engine/spec/defaults';
import type { Dataset, ModelId, TrainSpec, WeightArray } from '../src/engine/spec/types';
import { Trainer } from '../src/engine/training/trainer';

export const BRIEF_TRAIN_LIMIT = 6000;

export function trainBriefly(data: Dataset, model: ModelId, hidden: number[]): WeightArray[] {
  const spec: TrainSpec = { ...MNIST_DEFAULTS, model, hidden, epochs: 1, seed: 3, evalEverySteps: 1000 };
  const network = createNetwork(model, hidden, data.featureShape, data.numClasses, spec.seed);
  const trainer = new Trainer(spec, data, { network });
  trainer.runSteps(Infinity);
  trainer.dispose();
  const weights = network.getWeights();
  network.dispose();
  return weights;
}

const SYM4 = { scheme: 'symmetric', granularity: 'channel', bits: 4 } as const;
const KMEANS3 = { scheme: 'kmeans', granularity: 'tensor', bits: 3 } as const;
const globalPrune = (sparsity: number, outerLayers = true): CompressionSettings['pruning'] => ({
  method: 'global_magnitude',
  sparsity,
  includeFirstLayer: outerLayers,
  includeOutputLayer: outerLayers,
  seed: 0,
});

/** Float16 biases, as the auto-compress search stores them (its bias ladder starts there). */
const float16Biases = (layers: string[]): CompressionSettings['byTensor'] =>
  Object.fromEntries(layers.map((l) => [`${l}/bias`, { scheme: 'float16', granularity: 'tensor', bits: 16 } as const]));

/** Two settings per model that keep a briefly trained (not fine-tuned) model well above chance.
 * That LeNet-5 falls apart past ~90% (to 15-45%), so it is pruned less, and its first and output
 * layers, which Deep Compression prunes least, are left dense. */
export const BRIEF_SETTINGS: Record<'lenet_300_100' | 'lenet5', Record<string, CompressionSettings>> = {
  lenet_300_100: {
    '90% + 4-bit symmetric per unit': { pruning: globalPrune(0.9), quantization: SYM4 },
    '95% + k-means 3-bit, float16 biases': { pruning: globalPrune(0.95), quantization: KMEANS3, byTensor: float16Biases(['dense_0', 'dense_1', 'dense_2']) },
  },
  lenet5: {
    '85% + 4-bit symmetric per unit, outer layers dense': { pruning: globalPrune(0.85, false), quantization: SYM4 },
    '90% + k-means 3-bit, float16 biases, outer layers dense': {
      pruning: globalPrune(0.9, false),
      quantization: KMEANS3,
      byTensor: float16Biases(['conv_0', 'conv_1', 'dense_0', 'dense_1', 'dense_2']),
    },
  },
};

export const BRIEF_HIDDEN = { lenet_300_100: [300, 100], lenet5: [6, 16, 120, 84] } as const;
