// Minibatch Adam on some layers of a network (pretrained layers at a rate of their own), on a split whose rows are that layer's input (raw
// pixels, or cached features of a frozen body), in time slices so an abort lands quickly.
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../spec/types';
import { createRng } from '../random';
import { BatchSampler } from '../training/batcher';
import { countCorrect, meanSoftmaxCrossEntropy } from '../training/loss';
import { createOptimizer, disposeOptimizer } from '../training/optimizers';
import { throwIfAborted, yieldToEventLoop, type AbortSignalLike } from '../training/yield';
import type { Net } from './net';
import type { Mask } from '../pruning/mask';
import { KernelMasks } from '../training/masking';
import { kernelMaskName } from './extractorSparsity';

export interface FitOptions {
  /** The first layer trained; the split's rows are its input. */
  from: number;
  steps: number;
  batchSize: number;
  /** Adam's rate for freshly initialised layers. */
  learningRate: number;
  /** Layers below this index hold pretrained weights (0: none); they train at their own rate,
   * so fine-tuning adjusts them without washing out what they learned. */
  pretrainedBelow: number;
  pretrainedLearningRate: number;
  /** Seeds the data order. */
  seed: number;
  /** Kernels held to these masks (named by kernelMaskName): pruned weights are set to exactly 0
   * before training and after every optimizer step. Absent: nothing is held. */
  heldMasks?: Mask[];
  signal?: AbortSignalLike;
  /** Called after each slice with the steps done so far. */
  onSteps?: (done: number) => void;
  /** Milliseconds clock; Date.now by default. */
  now?: () => number;
}

const SLICE_MS = 40;
const EVAL_ROWS = 500;

export async function fitLayers(net: Net, split: Split, opts: FitOptions): Promise<void> {
  const width = net.inputSize(opts.from);
  const numClasses = net.plan[net.plan.length - 1].output[0];
  const sampler = new BatchSampler(split, [width], numClasses, opts.batchSize, createRng(opts.seed));
  const paramsOf = (layers: Net['variables']) => layers.flatMap((l) => [l.kernel, l.bias]);
  const pretrainedVars = paramsOf(net.variables.slice(opts.from, Math.max(opts.from, opts.pretrainedBelow)));
  const freshVars = paramsOf(net.variables.slice(Math.max(opts.from, opts.pretrainedBelow)));
  const varList = [...pretrainedVars, ...freshVars];
  const held = heldKernelMasks(net, opts.heldMasks);
  const pretrainedOptimizer = createOptimizer('adam', opts.pretrainedLearningRate);
  const freshOptimizer = createOptimizer('adam', opts.learningRate);
  const now = opts.now ?? Date.now;
  try {
    let done = 0;
    while (done < opts.steps) {
      throwIfAborted(opts.signal);
      const started = now();
      while (done < opts.steps && now() - started < SLICE_MS) {
        const batch = sampler.next();
        try {
          tf.tidy(() => {
            const { grads } = tf.variableGrads(() => meanSoftmaxCrossEntropy(net.forward(batch.x as tf.Tensor2D, opts.from), batch.oneHot), varList);
            const pick = (vars: tf.Variable[]) => Object.fromEntries(vars.map((v) => [v.name, grads[v.name]]));
            if (pretrainedVars.length > 0) pretrainedOptimizer.applyGradients(pick(pretrainedVars));
            if (freshVars.length > 0) freshOptimizer.applyGradients(pick(freshVars));
            held?.apply();
          });
        } finally {
          tf.dispose([batch.x, batch.oneHot, batch.labels]);
        }
        done++;
      }
      opts.onSteps?.(done);
      if (done < opts.steps) await yieldToEventLoop();
    }
  } finally {
    disposeOptimizer(pretrainedOptimizer);
    disposeOptimizer(freshOptimizer);
    held?.dispose();
  }
}

/** Runs `fn` on the split in chunks of rows of width `width`. */
function chunks(split: Split, width: number, fn: (x: tf.Tensor2D, start: number, end: number) => void): void {
  for (let start = 0; start < split.count; start += EVAL_ROWS) {
    const end = Math.min(split.count, start + EVAL_ROWS);
    tf.tidy(() => fn(tf.tensor2d(split.x.subarray(start * width, end * width), [end - start, width]), start, end));
  }
}

/** Fraction of the split the network classifies correctly (rows are raw inputs). */
export function accuracyOn(net: Net, split: Split): number {
  if (split.count === 0) return NaN;
  let correct = 0;
  chunks(split, net.inputSize(0), (x, start, end) => {
    const labels = tf.tensor1d(Int32Array.from(split.y.subarray(start, end)), 'int32');
    correct += countCorrect(net.forward(x), labels).dataSync()[0];
  });
  return correct / split.count;
}

/** The split passed through the first `upTo` layers: the frozen body's features, computed once. */
export function extractFeatures(net: Net, split: Split, upTo: number): Split {
  const width = net.inputSize(upTo);
  const x = new Float32Array(split.count * width);
  chunks(split, net.inputSize(0), (rows, start) => {
    x.set(net.features(rows, upTo).dataSync(), start * width);
  });
  return { x, y: split.y, count: split.count };
}

/** The held masks as tensors (made once), applied once now; null when there are none. */
function heldKernelMasks(net: Net, masks: Mask[] | undefined): KernelMasks | null {
  if (!masks || masks.length === 0) return null;
  const params = net.variables.map((v, i) => ({ name: kernelMaskName(i), variable: v.kernel, kind: 'kernel' as const, layerIndex: i }));
  const held = new KernelMasks(params, masks);
  held.apply();
  return held;
}
