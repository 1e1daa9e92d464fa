// The decision boundary of a 2-D model: its predicted probability of class 1 on a square grid
// over the plane, plus what the page needs to draw the picture (the test points) and the network
// graph (its kernels). Everything here is a fresh typed array, so the API can transfer it.
import * as tf from '@tensorflow/tfjs';
import { compressWeights } from '../engine/compression/compress';
import { createNetwork, type Network } from '../engine/models/network';
import type { Dataset, TrainSpec, WeightArray } from '../engine/spec/types';
import type { CompressionSettings } from './compression-protocol';

/** The toy sets span about [-1, 1] (toy2d.ts rescales the Playground's [-6, 6]). */
export const GRID_EXTENT = 1;
export const MAX_GRID_SIZE = 128;

export interface GridKernel {
  name: string;
  /** [inputs, outputs]: a dense kernel. */
  shape: [number, number];
  values: Float32Array;
}

export interface DecisionGrid {
  size: number;
  /** The grid covers [-extent, extent] on both axes. */
  extent: number;
  /** P(class 1) per cell, row-major, row 0 at the top (y = +extent), column 0 at x = -extent. */
  probabilities: Float32Array;
  /** The test split drawn over the picture: x, y pairs, and their classes. */
  points: Float32Array;
  labels: Uint8Array;
  /** The network's dense kernels in layer order; pruned weights are exactly 0. */
  kernels: GridKernel[];
  /** Compressed grids only: fraction of cells whose predicted class is the dense model's. */
  agreement?: number;
}

export function isTwoDimensional(data: Dataset): boolean {
  return data.featureShape.length === 1 && data.featureShape[0] === 2 && data.numClasses === 2;
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 2 || size > MAX_GRID_SIZE) {
    throw new Error(`The decision grid must be 2 to ${MAX_GRID_SIZE} cells wide, got ${size}.`);
  }
  return size;
}

/** Cell centres, row 0 at the top, as [size * size, 2]. */
function gridInputs(size: number): Float32Array {
  const xy = new Float32Array(size * size * 2);
  const step = (2 * GRID_EXTENT) / size;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      xy[2 * i] = -GRID_EXTENT + (col + 0.5) * step;
      xy[2 * i + 1] = GRID_EXTENT - (row + 0.5) * step;
    }
  }
  return xy;
}

/** P(class 1) on every cell of the grid. */
export function predictGrid(network: Network, size: number): Float32Array {
  const n = checkSize(size) * size;
  const probs = tf.tidy(() => {
    const logits = network.predict(tf.tensor2d(gridInputs(size), [n, 2]));
    return tf.softmax(logits).slice([0, 1], [n, 1]).dataSync();
  });
  // A copy of our own: dataSync may hand out the backend's buffer, which must not be transferred.
  return Float32Array.from(probs);
}

function kernelsOf(weights: WeightArray[]): GridKernel[] {
  return weights
    .filter((w) => w.shape.length === 2 && w.name.endsWith('/kernel'))
    .map((w) => ({ name: w.name, shape: [w.shape[0], w.shape[1]], values: w.values.slice() }));
}

function testPoints(data: Dataset): Pick<DecisionGrid, 'points' | 'labels'> {
  return { points: data.test.x.slice(0, data.test.count * 2), labels: data.test.y.slice(0, data.test.count) };
}

/** The grid of a network as it is now (the live model while it trains). */
export function liveDecisionGrid(network: Network, data: Dataset, size: number): DecisionGrid {
  return {
    size,
    extent: GRID_EXTENT,
    probabilities: predictGrid(network, size),
    ...testPoints(data),
    kernels: kernelsOf(network.getWeights()),
  };
}

/** Share of cells on which two grids predict the same class. */
export function gridAgreement(a: Float32Array, b: Float32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] >= 0.5 === b[i] >= 0.5) same++;
  return a.length === 0 ? 1 : same / a.length;
}

/** The dense model's grid, computed once per trained model and size. */
const denseCache = new WeakMap<WeightArray[], Map<number, Float32Array>>();

function withWeights<T>(spec: TrainSpec, data: Dataset, weights: WeightArray[], use: (n: Network) => T): T {
  // A network of its own: the lab's evaluation network may be mid-measurement.
  const network = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  try {
    network.setWeights(weights);
    return use(network);
  } finally {
    network.dispose();
  }
}

/** The grid of the trained model compressed with `settings`, and how much of it still agrees
 * with the dense model's grid. */
export function compressedDecisionGrid(
  spec: TrainSpec,
  data: Dataset,
  denseWeights: WeightArray[],
  settings: CompressionSettings,
  size: number,
): DecisionGrid {
  if (!isTwoDimensional(data)) throw new Error('The decision boundary is drawn for the 2-D datasets only.');
  checkSize(size);
  let bySize = denseCache.get(denseWeights);
  if (!bySize) denseCache.set(denseWeights, (bySize = new Map()));
  let dense = bySize.get(size);
  if (!dense) {
    dense = withWeights(spec, data, denseWeights, (n) => predictGrid(n, size));
    bySize.set(size, dense);
  }
  const { weights } = compressWeights(spec.model, denseWeights, settings);
  const probabilities = withWeights(spec, data, weights, (n) => predictGrid(n, size));
  return {
    size,
    extent: GRID_EXTENT,
    probabilities,
    ...testPoints(data),
    kernels: kernelsOf(weights),
    agreement: gridAgreement(probabilities, dense),
  };
}

/** The buffers to hand to Comlink.transfer. */
export function gridBuffers(grid: DecisionGrid): ArrayBuffer[] {
  return [grid.probabilities, grid.points, grid.labels, ...grid.kernels.map((k) => k.values)].map((a) => a.buffer as ArrayBuffer);
}
