// Draws training batches in a seeded order. Rows are copied into reusable typed arrays in JS
// and uploaded once per batch, which is cheaper than tf.gather on a device-resident dataset
// for every backend we run on, and keeps the whole dataset out of GPU memory.
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../spec/types';
import { permutation, type Rng } from '../random';

export interface Batch {
  x: tf.Tensor;
  oneHot: tf.Tensor2D;
  labels: tf.Tensor1D;
}

/** Targets mixed with a teacher's predictions (knowledge distillation, Hinton, Vinyals & Dean
 * 2015, at temperature 1): each row's target is (1 - weight) x its one-hot label + weight x the
 * teacher's class probabilities for that training image (`probabilities`, one row of
 * `numClasses` per image of the split). */
export interface SoftTargets {
  probabilities: Float32Array;
  weight: number;
}

export class BatchSampler {
  /**
   * Whole batches per epoch. The last partial batch of each epoch is dropped: every step
   * then has the same size (one compiled shape on WebGL, a constant loss scale), and the
   * dropped rows differ from epoch to epoch because the order is reshuffled.
   */
  readonly stepsPerEpoch: number;
  private readonly featureSize: number;
  private readonly xBuf: Float32Array;
  private readonly oneHotBuf: Float32Array;
  private readonly labelBuf: Int32Array;
  private order: Uint32Array = new Uint32Array(0);
  private cursor = 0;

  constructor(
    private readonly split: Split,
    private readonly featureShape: number[],
    private readonly numClasses: number,
    private readonly batchSize: number,
    private readonly rng: Rng,
    private readonly soft: SoftTargets | null = null,
  ) {
    this.featureSize = featureShape.reduce((a, b) => a * b, 1);
    if (soft && !(soft.probabilities.length === split.count * numClasses && soft.weight >= 0 && soft.weight <= 1)) {
      throw new Error(`Soft targets need ${split.count} x ${numClasses} probabilities and a weight from 0 to 1.`);
    }
    this.stepsPerEpoch = Math.floor(split.count / batchSize);
    if (this.stepsPerEpoch < 1) {
      throw new Error(`The training set has ${split.count} examples, fewer than one batch of ${batchSize}.`);
    }
    this.xBuf = new Float32Array(batchSize * this.featureSize);
    this.oneHotBuf = new Float32Array(batchSize * numClasses);
    this.labelBuf = new Int32Array(batchSize);
  }

  /** Moves past one batch without building it (a run continued on another backend). */
  skip(): void {
    if (this.cursor === 0) this.order = permutation(this.split.count, this.rng);
    this.cursor = (this.cursor + 1) % this.stepsPerEpoch;
  }

  /** The next batch (`oneHot` holds the soft targets when there are some); the caller disposes
   * its three tensors. */
  next(): Batch {
    if (this.cursor === 0) this.order = permutation(this.split.count, this.rng); // a new epoch
    const { batchSize, featureSize, numClasses, split } = this;
    const start = this.cursor * batchSize;
    this.oneHotBuf.fill(0);
    for (let i = 0; i < batchSize; i++) {
      const row = this.order[start + i];
      this.xBuf.set(split.x.subarray(row * featureSize, (row + 1) * featureSize), i * featureSize);
      const label = split.y[row];
      this.labelBuf[i] = label;
      if (this.soft) {
        const { probabilities, weight } = this.soft;
        for (let c = 0; c < numClasses; c++) this.oneHotBuf[i * numClasses + c] = weight * probabilities[row * numClasses + c];
        this.oneHotBuf[i * numClasses + label] += 1 - weight;
      } else this.oneHotBuf[i * numClasses + label] = 1;
    }
    this.cursor = (this.cursor + 1) % this.stepsPerEpoch;
    // Reusing the buffers is safe: the tensors are consumed and disposed within the step
    // (the cpu backend keeps a reference, WebGL and wasm copy on upload).
    return {
      x: tf.tensor(this.xBuf, [batchSize, ...this.featureShape], 'float32'),
      oneHot: tf.tensor2d(this.oneHotBuf, [batchSize, numClasses], 'float32'),
      labels: tf.tensor1d(this.labelBuf, 'int32'),
    };
  }
}
