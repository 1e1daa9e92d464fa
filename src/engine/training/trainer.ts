// Synchronous, step-by-step training of one network on one dataset. Nothing inside a step
// reads back from the device: loss and accuracy accumulate in tensors and are read once per
// report, so WebGL and wasm can run batches back to back.
import * as tf from '@tensorflow/tfjs';
import type { Dataset, EvalMetrics, ProgressMetrics, Split, TrainSpec, WeightArray } from '../spec/types';
import { createRng, deriveSeed } from '../random';
import { createNetwork, type Network } from '../models/network';
import { MetricAccumulator } from './accumulator';
import { BatchSampler } from './batcher';
import { checkTrainSpec } from './check_spec';
import { evaluateNetwork, type SplitMetrics } from './evaluate';
import { meanSoftmaxCrossEntropy } from './loss';
import { createOptimizer, disposeOptimizer, setLearningRate } from './optimizers';
import { learningRateAt } from './schedule';
import { adaptSliceSize, nextEvalStep, throwIfAborted, yieldToEventLoop, type AbortSignalLike } from './yield';

export interface TrainerOptions {
  /** Train this network instead of building one from the spec. The caller keeps ownership:
   * Trainer.dispose() leaves it alive (e.g. for pruning after training). */
  network?: Network;
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
    this.sampler = new BatchSampler(data.train, data.featureShape, data.numClasses, spec.batchSize, orderRng);
    this.stepsPerEpoch = this.sampler.stepsPerEpoch;
    this.totalSteps = this.stepsPerEpoch * spec.epochs;
    this.ownsNetwork = !opts.network;
    this.network =
      opts.network ?? createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
    this.varList = this.network.params.map((p) => p.variable);
    this.learningRate = learningRateAt(spec.learningRate, spec.schedule, 0);
    this.optimizer = createOptimizer(spec.optimizer, this.learningRate);
    this.checkpointAt = new Set(spec.checkpointSteps);
    this.checkpoints.set(0, this.network.getWeights());
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

  /** Mean loss and accuracy over the batches since the previous call (NaN if none ran). */
  takeProgress(): ProgressMetrics {
    this.assertAlive();
    const { loss, accuracy } = this.metrics.take(); // the one readback
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
    return evaluateNetwork(this.network, split, this.data.featureShape, limit);
  }

  /** Frees the optimizer (with its moment estimates), the accumulators and an owned network. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeOptimizer(this.optimizer);
    this.metrics.dispose();
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
    const loss = this.optimizer.minimize(
      () => {
        // Kept past the gradient scope so accuracy is counted without a second forward pass.
        held.logits = tf.keep(this.network.predict(batch.x));
        return meanSoftmaxCrossEntropy(held.logits, batch.oneHot);
      },
      true,
      this.varList,
    ) as tf.Scalar;
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
  const trainer = new Trainer(spec, data);
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
