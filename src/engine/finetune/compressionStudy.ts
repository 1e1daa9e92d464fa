// The compression study behind `npm run reproduce -- compression` (issue 3, item 11): train
// LeNet-300-100 on MNIST, then measure test accuracy and real encoded bytes for post-training
// quantization, magnitude pruning without and with fine-tuning, pruning + 4-bit, and
// quantization-aware fine-tuning, next to the PyTorch figures of ../shared/REFERENCE.md.
// Synchronous and free of Node APIs: the script feeds it a Dataset and prints what it returns.
import { compressWeights, type CompressionSettings } from '../compression/compress';
import { createNetwork, type Network } from '../models/network';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import type { Mask } from '../pruning/mask';
import type { QuantizationSettings } from '../quantization/types';
import type { Dataset, EvalMetrics, TrainSpec, WeightArray } from '../spec/types';
import { evaluateNetwork } from '../training/evaluate';
import { Trainer } from '../training/trainer';
import { createFineTuner } from './finetune';
import { PYTORCH_REFERENCE, type ReferenceFigure } from './studyReference';
import { studyChecks, type StudyCheck } from './studyChecks';

export { PYTORCH_REFERENCE, studyChecks, type ReferenceFigure, type StudyCheck };

export type StudyGroup = 'dense' | 'ptq' | 'prune' | 'finetune' | 'prune+quant' | 'qat';

export interface StudyRow {
  id: string;
  group: StudyGroup;
  config: string;
  /** Test accuracy, fraction 0..1. */
  testAccuracy: number;
  /** Length of the encoded model (docs/FORMAT.md); plain float32 size for the dense row. */
  encodedBytes: number;
  ratio: number;
  /** Fraction of kernel weights pruned. */
  sparsity: number;
  entropyCoding: boolean | null;
  reference: ReferenceFigure | null;
  /** Quantization-aware rows: the accuracy the trainer measured on its fake-quantized kernels. */
  trainerAccuracy?: number;
}

export interface CompressionStudyOptions {
  /** Epochs of dense training; the epoch with the lowest validation loss is kept. */
  epochs: number;
  /** Epochs of each fine-tuning run (the reference used 2). */
  fineTuneEpochs: number;
  seed?: number;
  /** Hidden widths (default [300, 100]; smaller only for fast tests). */
  hidden?: number[];
  /** Quantization-aware fine-tuning rows (default true). */
  quantizeAware?: boolean;
  log?: (line: string) => void;
  /** Milliseconds clock for the timings (default Date.now). */
  now?: () => number;
}

export interface CompressionStudyReport {
  spec: TrainSpec;
  fineTuneEpochs: number;
  trainExamples: number;
  testExamples: number;
  dense: {
    testAccuracy: number;
    selectedEpoch: number;
    finalEpochTestAccuracy: number;
    params: number;
    denseBytes: number;
    byEpoch: EvalMetrics[];
    trainSeconds: number;
    samplesPerSecond: number;
  };
  rows: StudyRow[];
  checks: StudyCheck[];
  seconds: number;
}

const MODEL = 'lenet_300_100';

/** The LeNet-300-100 setup of the Lottery Ticket paper and of REFERENCE.md. */
export function studySpec(epochs: number, seed = 0, hidden = [300, 100]): TrainSpec {
  return {
    dataset: 'mnist',
    model: MODEL,
    hidden: hidden.slice(),
    epochs,
    batchSize: 60,
    optimizer: 'adam',
    learningRate: 1.2e-3,
    schedule: { kind: 'constant' },
    seed,
    evalEverySteps: 1000,
    checkpointSteps: [],
  };
}

const sym = (granularity: 'tensor' | 'channel', bits: number): QuantizationSettings => ({
  scheme: 'symmetric',
  granularity,
  bits,
});
const epochsText = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;
const NONE: QuantizationSettings = { scheme: 'none', granularity: 'tensor', bits: 32 };

export function runCompressionStudy(data: Dataset, opts: CompressionStudyOptions): CompressionStudyReport {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? Date.now;
  const started = now();
  const spec = studySpec(opts.epochs, opts.seed ?? 0, opts.hidden);
  const rows: StudyRow[] = [];
  const pct = (a: number) => `${(a * 100).toFixed(2)}%`;

  // 1. Dense training. With a constant rate, Adam's test accuracy wanders by about half a point
  // from epoch to epoch, so the model kept is the one of the epoch with the lowest validation
  // loss (the early-stopping rule of the Lottery Ticket paper); the test set picks nothing.
  const trainer = new Trainer(spec, data);
  const byEpoch: EvalMetrics[] = [];
  const trainStart = now();
  let trainMs = 0;
  let best: { epoch: number; loss: number; weights: WeightArray[]; metrics: EvalMetrics } | null = null;
  for (let epoch = 1; epoch <= spec.epochs; epoch++) {
    const t0 = now();
    trainer.runSteps(trainer.stepsPerEpoch);
    const progress = trainer.takeProgress(); // waits for the device
    trainMs += now() - t0;
    const metrics = trainer.evaluate();
    byEpoch.push(metrics);
    if (best === null || metrics.validationLoss < best.loss) {
      best = { epoch, loss: metrics.validationLoss, weights: trainer.network.getWeights(), metrics };
    }
    log(
      `epoch ${epoch}/${spec.epochs}: training loss ${progress.loss.toFixed(4)}, validation loss ` +
        `${metrics.validationLoss.toFixed(4)}, validation ${pct(metrics.validationAccuracy)}, ` +
        `test ${pct(metrics.testAccuracy)} (${((now() - trainStart) / 1000).toFixed(1)} s)`,
    );
  }
  const samples = trainer.totalSteps * spec.batchSize;
  const params = trainer.network.countParams();
  trainer.dispose();
  const trained = best!.weights;
  const denseAccuracy = best!.metrics.testAccuracy;
  const denseBytes = 4 * params;
  const dense = {
    testAccuracy: denseAccuracy,
    /** The epoch whose weights were kept (lowest validation loss), 1-based. */
    selectedEpoch: best!.epoch,
    finalEpochTestAccuracy: byEpoch[byEpoch.length - 1].testAccuracy,
    params,
    denseBytes,
    byEpoch,
    trainSeconds: trainMs / 1000,
    samplesPerSecond: samples / (trainMs / 1000),
  };
  log(
    `kept epoch ${best!.epoch} (lowest validation loss): ${pct(denseAccuracy)} test; ` +
      `training ran at ${Math.round(dense.samplesPerSecond)} samples/s`,
  );
  rows.push({
    id: 'dense',
    group: 'dense',
    config: `dense float32 (epoch ${best!.epoch} of ${spec.epochs})`,
    testAccuracy: denseAccuracy,
    encodedBytes: denseBytes,
    ratio: 1,
    sparsity: 0,
    entropyCoding: null,
    reference: PYTORCH_REFERENCE.dense,
  });

  // One scratch network for every evaluation of compressed weights.
  const scratch = createNetwork(MODEL, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  const testAccuracy = (weights: WeightArray[]) => {
    scratch.setWeights(weights);
    return evaluateNetwork(scratch, data.test, data.featureShape).accuracy;
  };
  const settings = (sparsity: number, quantization: QuantizationSettings, entropyCoding = true): CompressionSettings => ({
    pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
    quantization,
    entropyCoding,
  });
  const addRow = (
    id: string,
    group: StudyGroup,
    config: string,
    weights: WeightArray[],
    s: CompressionSettings,
    masks: Mask[] | null = null,
    extra: Partial<StudyRow> = {},
  ): StudyRow => {
    const t0 = now();
    const result = compressWeights(MODEL, weights, s, masks);
    const row: StudyRow = {
      id,
      group,
      config,
      testAccuracy: testAccuracy(result.weights),
      encodedBytes: result.encoded.totalBytes,
      ratio: result.ratio,
      sparsity: result.sparsity,
      entropyCoding: s.entropyCoding ?? true,
      reference: PYTORCH_REFERENCE[id] ?? null,
      ...extra,
    };
    rows.push(row);
    log(
      `${config}: ${pct(row.testAccuracy)}, ${row.encodedBytes} B, ${row.ratio.toFixed(1)}x ` +
        `(${((now() - t0) / 1000).toFixed(1)} s)`,
    );
    return row;
  };

  try {
    // 2. Post-training quantization of the dense model (weights only, round half to even).
    for (const granularity of ['tensor', 'channel'] as const) {
      for (const bits of [8, 6, 4, 3, 2]) {
        addRow(`ptq-sym-${granularity}-${bits}`, 'ptq', `PTQ symmetric per-${granularity} ${bits}-bit`, trained, settings(0, sym(granularity, bits)));
      }
    }
    addRow('ptq-float16', 'ptq', 'PTQ float16', trained, settings(0, { scheme: 'float16', granularity: 'tensor', bits: 16 }));
    for (const clusters of [16, 4]) {
      addRow(`ptq-kmeans-${clusters}`, 'ptq', `PTQ k-means ${clusters} clusters`, trained, settings(0, { scheme: 'kmeans', granularity: 'tensor', bits: Math.log2(clusters), clusters }));
    }

    // 3. Global magnitude pruning, no retraining (survivors stay float32).
    for (const sparsity of [0.5, 0.8, 0.9, 0.95, 0.98]) {
      const p = Math.round(sparsity * 100);
      addRow(`prune-${p}`, 'prune', `global magnitude ${p}%, no retraining`, trained, settings(sparsity, NONE));
    }

    // 4. Fine-tuning with the mask held (fresh Adam at the training rate).
    const fineTune = (sparsity: number, quantizeAware: QuantizationSettings | null) => {
      const masks = globalMagnitudePrune(trained, null, settings(sparsity, NONE).pruning);
      const network: Network = createNetwork(MODEL, spec.hidden, data.featureShape, data.numClasses, spec.seed);
      network.setWeights(trained);
      const t0 = now();
      const tuner = createFineTuner(network, spec, data, {
        epochs: opts.fineTuneEpochs,
        masks,
        quantization: quantizeAware,
        quantizeAware: quantizeAware !== null,
      });
      tuner.runSteps(Infinity);
      const trainerAccuracy = tuner.evaluateSplit(data.test).accuracy;
      tuner.dispose();
      const weights = network.getWeights();
      network.dispose();
      const what = quantizeAware ? `QAT ${quantizeAware.bits}-bit per-${quantizeAware.granularity}` : 'mask held';
      log(`fine-tuned ${Math.round(sparsity * 100)}% (${what}), ${epochsText(opts.fineTuneEpochs)}: ${pct(trainerAccuracy)} (${((now() - t0) / 1000).toFixed(1)} s)`);
      return { masks, weights, trainerAccuracy };
    };
    const ft = new Map<number, { masks: Mask[]; weights: WeightArray[] }>();
    for (const sparsity of [0.9, 0.98]) {
      const p = Math.round(sparsity * 100);
      const tuned = fineTune(sparsity, null);
      ft.set(sparsity, tuned);
      addRow(`ft-${p}`, 'finetune', `global magnitude ${p}% + ${epochsText(opts.fineTuneEpochs)} fine-tuning`, tuned.weights, settings(sparsity, NONE), tuned.masks);
    }

    // 5. The 90% fine-tuned model quantized after training, with and without entropy coding.
    const ft90 = ft.get(0.9)!;
    for (const granularity of ['tensor', 'channel'] as const) {
      for (const entropy of [true, false]) {
        addRow(
          `ft90-q4-${granularity}${entropy ? '' : '-raw'}`,
          'prune+quant',
          `90% fine-tuned + 4-bit per-${granularity}, entropy coding ${entropy ? 'on' : 'off'}`,
          ft90.weights,
          settings(0.9, sym(granularity, 4), entropy),
          ft90.masks,
        );
      }
    }
    addRow('ft90-q2-channel', 'prune+quant', '90% fine-tuned + 2-bit per-channel', ft90.weights, settings(0.9, sym('channel', 2)), ft90.masks);

    // 6. Quantization-aware fine-tuning from the dense model, pruned 90%, as long as step 4.
    if (opts.quantizeAware ?? true) {
      for (const q of [sym('tensor', 4), sym('channel', 4), sym('channel', 2)]) {
        const tuned = fineTune(0.9, q);
        addRow(
          `qat90-q${q.bits}-${q.granularity}`,
          'qat',
          `90% + ${epochsText(opts.fineTuneEpochs)} QAT ${q.bits}-bit per-${q.granularity}`,
          tuned.weights,
          settings(0.9, q),
          tuned.masks,
          { trainerAccuracy: tuned.trainerAccuracy },
        );
      }
    }
  } finally {
    scratch.dispose();
  }

  return {
    spec,
    fineTuneEpochs: opts.fineTuneEpochs,
    trainExamples: data.train.count,
    testExamples: data.test.count,
    dense,
    rows,
    checks: studyChecks(rows),
    seconds: (now() - started) / 1000,
  };
}
