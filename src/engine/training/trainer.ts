// Synchronous, step-by-step training of one network on one dataset. Nothing inside a step
// reads back from the device: loss and accuracy accumulate in tensors and are read once per
// report, so WebGL and wasm can run batches back to back.
import * as tf from '@tensorflow/tfjs';
import type { Dataset, EvalMetrics, ProgressMetrics, Split, TrainSpec, WeightArray } from '../spec/types';
import { createRng, deriveSeed } from '../random';
import { createNetwork, type Network } from '../models/network';
import type { Mask } from '../pruning/mask';
import type { QuantizationSettings } from '../quantization/types';
import { MetricAccumulator } from './accumulator';
import { BatchSampler, type SoftTargets } from './batcher';
import { checkTrainSpec } from './check_spec';
import { evaluateNetwork, type SplitMetrics } from './evaluate';
import { QuantizeAware } from './fake_quant';
import { meanSoftmaxCrossEntropy } from './loss';
import { KernelMasks } from './masking';
import { createOptimizer, disposeOptimizer, setLearningRate } from './optimizers';
import { learningRateAt } from './schedule';
import { adaptSliceSize, nextEvalStep, throwIfAborted, yieldToEventLoop, type AbortSignalLike } from './yield';

export interface TrainerOptions {
  /** Train this network instead of building one from the spec. The caller keeps ownership:
   * Trainer.dispose() leaves it alive (e.g. for pruning after training). */
  network?: Network;
  /** Masked training (fine-tuning a pruned network): one mask per kernel, matched by name
   * (pruning/mask.ts); kernels without a mask train freely. Pruned weights are set to exactly 0
   * in the constructor (before the step-0 checkpoint) and again after every optimizer step, so
   * they are 0 whenever anything reads them. */
  masks?: Mask[] | null;
  /** Quantization-aware training with a straight-through estimator (training/fake_quant.ts):
   * each training step's forward and backward pass see the kernels fake-quantized under
   * `settings` (symmetric or affine, 1-8 bits, per tensor or per channel; scheme 'none' turns it
   * off), and the gradient updates the float kernels. evaluate() and evaluateSplit() then
   * measure the quantized network; getWeights() still gives the float kernels, which
   * compressWeights with the same settings quantizes to what was evaluated. */
  quantizeAware?: { settings: QuantizationSettings } | null;
  /** Train towards a teacher's predictions mixed with the labels (batcher.ts SoftTargets): the
   * cross-entropy's gradient, softmax minus target, holds for any target that sums to 1. */
  softTargets?: SoftTargets | null;
}

export class Trainer {
  readonly network: Network;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** Weight copies by step: 0 (taken in the constructor) and every reached spec.checkpointSteps. */
  readonly checkpoints = new Map<number, WeightArray[]>();

  private readonly optimizer: tf.Optimizer;
  private readonly sampler: BatchSampler;
  private readonly varList: tf.Variable[];
  private readonly checkpointAt: Set<number>;
  private readonly ownsNetwork: boolean;
  private stepCount = 0;
  private learningRate: number;
  private readonly metrics = new MetricAccumulator();
  private readonly masks: KernelMasks | null;
  private readonly quantizeAware: QuantizeAware | null;
  private disposed = false;

  constructor(
    readonly spec: TrainSpec,
    readonly data: Dataset,
    opts: TrainerOptions = {},
  ) {
    const problem = checkTrainSpec(spec, data);
    if (problem) throw new Error(problem);
    // Separate streams: the data order must not depend on how many numbers the init drew.
    const orderRng = createRng(deriveSeed(spec.seed, 'data-order'));
    this.sampler = new BatchSampler(data.train, data.featureShape, data.numClasses, spec.batchSize, orderRng, opts.softTargets ?? null);
    this.stepsPerEpoch = this.sampler.stepsPerEpoch;
    this.totalSteps = this.stepsPerEpoch * spec.epochs;
    this.ownsNetwork = !opts.network;
    this.network =
      opts.network ?? createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
    this.varList = this.network.params.map((p) => p.variable);
    let masks: KernelMasks | null = null;
    try {
      masks = opts.masks && opts.masks.length > 0 ? new KernelMasks(this.network.params, opts.masks) : null;
      this.quantizeAware = opts.quantizeAware
        ? new QuantizeAware(this.network.params, opts.quantizeAware.settings, masks)
        : null;
    } catch (e) {
      masks?.dispose();
      if (this.ownsNetwork) this.network.dispose();
      throw e;
    }
    this.masks = masks;
    this.masks?.apply();
    this.learningRate = learningRateAt(spec.learningRate, spec.schedule, 0);
    this.optimizer = createOptimizer(spec.optimizer, this.learningRate);
    this.checkpointAt = new Set(spec.checkpointSteps);
    // A network built here still holds the weights drawn in JS: no readback needed (WebGPU).
    this.checkpoints.set(0, this.ownsNetwork && !this.masks ? this.network.initialWeights.map((w) => ({ ...w, values: w.values.slice() })) : this.network.getWeights());
  }

  get step(): number {
    return this.stepCount;
  }

  get done(): boolean {
    return this.stepCount >= this.totalSteps;
  }

  /** Runs up to `n` batches (fewer at the end of training); returns how many ran. */
  runSteps(n: number): number {
    this.assertAlive();
    let ran = 0;
    while (ran < n && this.stepCount < this.totalSteps) {
      this.trainStep();
      ran++;
      this.stepCount++;
      if (this.checkpointAt.has(this.stepCount)) this.checkpoints.set(this.stepCount, this.network.getWeights());
    }
    return ran;
  }

  /** Continues a run from `step` (weights set by the caller): the batches of the steps before
   * are skipped, so the data order goes on as it would have. Optimizer moments start at 0. */
  fastForward(step: number): void {
    this.assertAlive();
    while (this.stepCount < Math.min(step, this.totalSteps)) {
      this.sampler.skip();
      this.stepCount++;
    }
  }

  /** Mean loss and accuracy over the batches since the previous call (NaN if none ran). */
  takeProgress(): ProgressMetrics {
    this.assertAlive();
    return this.progressOf(this.metrics.take()); // the one readback
  }

  /** The same, read without blocking the thread (the only readback WebGPU can do everywhere). */
  async takeProgressAsync(): Promise<ProgressMetrics> {
    this.assertAlive();
    return this.progressOf(await this.metrics.takeAsync());
  }

  private progressOf({ loss, accuracy }: { loss: number; accuracy: number }): ProgressMetrics {
    return {
      step: this.stepCount,
      epoch: this.stepCount / this.stepsPerEpoch,
      totalSteps: this.totalSteps,
      loss,
      trainAccuracy: accuracy,
      learningRate: this.learningRate,
    };
  }

  evaluate(): EvalMetrics {
    const validation = this.evaluateSplit(this.data.validation);
    const test = this.evaluateSplit(this.data.test);
    return {
      step: this.stepCount,
      epoch: this.stepCount / this.stepsPerEpoch,
      validationLoss: validation.loss,
      validationAccuracy: validation.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
    };
  }

  evaluateSplit(split: Split, limit?: number): SplitMetrics {
    this.assertAlive();
    const run = () => evaluateNetwork(this.network, split, this.data.featureShape, limit);
    return this.quantizeAware ? this.quantizeAware.withQuantizedKernels(run) : run();
  }

  /** Whether pruned weights are held at 0 during training. */
  get masked(): boolean {
    return this.masks !== null;
  }

  /** Frees the optimizer (with its moment estimates), the accumulators and an owned network. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeOptimizer(this.optimizer);
    this.metrics.dispose();
    this.masks?.dispose();
    if (this.ownsNetwork) this.network.dispose();
  }

  private trainStep(): void {
    const rate = learningRateAt(this.spec.learningRate, this.spec.schedule, this.stepCount);
    if (rate !== this.learningRate) {
      setLearningRate(this.optimizer, rate);
      this.learningRate = rate;
    }
    const batch = this.sampler.next();
    const held: { logits?: tf.Tensor2D } = {};
    const lossOf = (): tf.Scalar => {
      // Kept past the gradient scope so accuracy is counted without a second forward pass.
      held.logits = tf.keep(this.network.predict(batch.x));
      return meanSoftmaxCrossEntropy(held.logits, batch.oneHot);
    };
    let loss: tf.Scalar;
    if (this.quantizeAware) {
      // Gradients at the quantized kernels, applied to the float ones (straight through).
      const { value, grads } = this.quantizeAware.withQuantizedKernels(() =>
        this.optimizer.computeGradients(lossOf, this.varList),
      );
      this.optimizer.applyGradients(grads);
      tf.dispose(grads);
      loss = value;
    } else {
      loss = this.optimizer.minimize(lossOf, true, this.varList) as tf.Scalar;
    }
    this.masks?.apply();
    this.metrics.add(loss, held.logits!, batch.labels);
    tf.dispose([held.logits!, batch.x, batch.oneHot, batch.labels]);
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This trainer was disposed; create a new one to train again.');
  }
}

export interface TrainOptions {
  signal?: AbortSignalLike;
  onProgress?: (progress: ProgressMetrics) => void;
  onEval?: (metrics: EvalMetrics) => void;
  /** Target milliseconds of training between two turns of the event loop. Default 100. */
  sliceMs?: number;
  /** Passed to the Trainer: a network to keep training (fine-tuning), masks, quantization-aware
   * training. The network stays the caller's. */
  trainer?: TrainerOptions;
}

/**
 * Trains `spec` to the end: slices of synchronous steps, a progress report after each slice,
 * an evaluation every spec.evalEverySteps, at each epoch end and at the end. Rejects with an
 * error named 'AbortError' when `signal` aborts. Frees every tensor it created either way.
 */
export async function train(
  spec: TrainSpec,
  data: Dataset,
  opts: TrainOptions = {},
): Promise<{ final: EvalMetrics; steps: number }> {
  throwIfAborted(opts.signal);
  const trainer = new Trainer(spec, data, opts.trainer);
  try {
    const sliceMs = opts.sliceMs ?? 100;
    let stepsPerSlice = 1;
    let final: EvalMetrics | null = null;
    while (!trainer.done) {
      const target = nextEvalStep(trainer.step, spec.evalEverySteps, trainer.stepsPerEpoch, trainer.totalSteps);
      const started = Date.now();
      const ran = trainer.runSteps(Math.min(stepsPerSlice, target - trainer.step));
      // The readback waits for the device, so the elapsed time covers the real work on any backend.
      const progress = trainer.takeProgress();
      stepsPerSlice = adaptSliceSize(stepsPerSlice, ran, Date.now() - started, sliceMs);
      opts.onProgress?.(progress);
      if (trainer.step === target) {
        final = trainer.evaluate();
        opts.onEval?.(final);
      }
      await yieldToEventLoop();
      throwIfAborted(opts.signal);
    }
    return { final: final ?? trainer.evaluate(), steps: trainer.step };
  } finally {
    trainer.dispose();
  }
}
