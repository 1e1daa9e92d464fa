// Seeded random weights shaped like a real model, named as the engine names parameters. Tests
// and benchmarks compress these when a trained model would be too slow to make.
import type { WeightArray } from '../spec/types';
import { createRng, deriveSeed } from '../random';

/** The parameter shapes of LeNet-300-100 on MNIST: 266,200 weights and 410 biases. */
export const LENET_300_100_SHAPES: number[][] = [[784, 300], [300], [300, 100], [100], [100, 10], [10]];

/**
 * Kernels (rank >= 2) drawn from N(0, std^2), biases from N(0, (std / 10)^2); each tensor from
 * its own seeded stream. Names follow planLayers: dense_i/kernel, or conv_i/kernel for rank 4.
 */
export function syntheticWeights(shapes: number[][], seed: number, std = 0.05): WeightArray[] {
  let dense = 0;
  let conv = 0;
  let layer = '';
  return shapes.map((shape, index) => {
    const isKernel = shape.length >= 2;
    if (isKernel) layer = shape.length === 4 ? `conv_${conv++}` : `dense_${dense++}`;
    const name = `${layer || `dense_${dense++}`}/${isKernel ? 'kernel' : 'bias'}`;
    const rng = createRng(deriveSeed(seed, `synthetic:${index}`));
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const sd = isKernel ? std : std / 10;
    for (let i = 0; i < values.length; i++) values[i] = rng.normal() * sd;
    return { name, shape: shape.slice(), values };
  });
}
