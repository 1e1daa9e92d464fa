// The compression study behind `npm run reproduce -- compression` (issue 3, item 11): train
// LeNet-300-100 on MNIST, then measure test accuracy and real encoded bytes for post-training
// quantization, magnitude pruning without and with fine-tuning, pruning + 4-bit, and
// quantization-aware fine-tuning, next to the PyTorch figures of ../shared/REFERENCE.md.
// Synchronous and free of Node APIs: the script feeds it a Dataset and prints what it returns.
// The steps: dense training (studyDense.ts), then one measured row per compressed model
// (studyRows.ts).
import type { Mask } from '../pruning/mask';
import type { Dataset, EvalMetrics, TrainSpec, WeightArray } from '../spec/types';
import { PYTORCH_REFERENCE, type ReferenceFigure } from './studyReference';
import { studyChecks, type StudyCheck } from './studyChecks';
import { trainDenseForStudy } from './studyDense';
import { createStudyMeasurer, epochsText, NO_QUANTIZATION, STUDY_MODEL, studySettings, symmetric } from './studyRows';

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


/** The LeNet-300-100 setup of the Lottery Ticket paper and of REFERENCE.md. */
export function studySpec(epochs: number, seed = 0, hidden = [300, 100]): TrainSpec {
  return {
    dataset: 'mnist',
    model: STUDY_MODEL,
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

export function runCompressionStudy(data: Dataset, opts: CompressionStudyOptions): CompressionStudyReport {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? Date.now;
  const started = now();
  const spec = studySpec(opts.epochs, opts.seed ?? 0, opts.hidden);
  const epochs = opts.fineTuneEpochs;

  // 1. Dense training (studyDense.ts).
  const { trained, dense } = trainDenseForStudy(spec, data, log, now);
  const m = createStudyMeasurer(spec, data, log, now);
  m.rows.push({
    id: 'dense',
    group: 'dense',
    config: `dense float32 (epoch ${dense.selectedEpoch} of ${spec.epochs})`,
    testAccuracy: dense.testAccuracy,
    encodedBytes: dense.denseBytes,
    ratio: 1,
    sparsity: 0,
    entropyCoding: null,
    reference: PYTORCH_REFERENCE.dense,
  });

  try {
    // 2. Post-training quantization of the dense model (weights only, round half to even).
    for (const granularity of ['tensor', 'channel'] as const) {
      for (const bits of [8, 6, 4, 3, 2]) {
        m.measure({ id: `ptq-sym-${granularity}-${bits}`, group: 'ptq', config: `PTQ symmetric per-${granularity} ${bits}-bit`, weights: trained, settings: studySettings(0, symmetric(granularity, bits)) });
      }
    }
    m.measure({ id: 'ptq-float16', group: 'ptq', config: 'PTQ float16', weights: trained, settings: studySettings(0, { scheme: 'float16', granularity: 'tensor', bits: 16 }) });
    for (const clusters of [16, 4]) {
      m.measure({ id: `ptq-kmeans-${clusters}`, group: 'ptq', config: `PTQ k-means ${clusters} clusters`, weights: trained, settings: studySettings(0, { scheme: 'kmeans', granularity: 'tensor', bits: Math.log2(clusters), clusters }) });
    }

    // 3. Global magnitude pruning, no retraining (survivors stay float32).
    for (const sparsity of [0.5, 0.8, 0.9, 0.95, 0.98]) {
      const p = Math.round(sparsity * 100);
      m.measure({ id: `prune-${p}`, group: 'prune', config: `global magnitude ${p}%, no retraining`, weights: trained, settings: studySettings(sparsity, NO_QUANTIZATION) });
    }

    // 4. Fine-tuning with the mask held (fresh Adam at the training rate).
    const ft = new Map<number, { masks: Mask[]; weights: WeightArray[] }>();
    for (const sparsity of [0.9, 0.98]) {
      const p = Math.round(sparsity * 100);
      const tuned = m.fineTune(trained, sparsity, epochs, null);
      ft.set(sparsity, tuned);
      m.measure({ id: `ft-${p}`, group: 'finetune', config: `global magnitude ${p}% + ${epochsText(epochs)} fine-tuning`, weights: tuned.weights, settings: studySettings(sparsity, NO_QUANTIZATION), masks: tuned.masks });
    }

    // 5. The 90% fine-tuned model quantized after training, with and without entropy coding.
    const ft90 = ft.get(0.9)!;
    for (const granularity of ['tensor', 'channel'] as const) {
      for (const entropy of [true, false]) {
        m.measure({
          id: `ft90-q4-${granularity}${entropy ? '' : '-raw'}`,
          group: 'prune+quant',
          config: `90% fine-tuned + 4-bit per-${granularity}, entropy coding ${entropy ? 'on' : 'off'}`,
          weights: ft90.weights,
          settings: studySettings(0.9, symmetric(granularity, 4), entropy),
          masks: ft90.masks,
        });
      }
    }
    m.measure({ id: 'ft90-q2-channel', group: 'prune+quant', config: '90% fine-tuned + 2-bit per-channel', weights: ft90.weights, settings: studySettings(0.9, symmetric('channel', 2)), masks: ft90.masks });

    // 6. Quantization-aware fine-tuning from the dense model, pruned 90%, as long as step 4.
    if (opts.quantizeAware ?? true) {
      for (const q of [symmetric('tensor', 4), symmetric('channel', 4), symmetric('channel', 2)]) {
        const tuned = m.fineTune(trained, 0.9, epochs, q);
        m.measure({
          id: `qat90-q${q.bits}-${q.granularity}`,
          group: 'qat',
          config: `90% + ${epochsText(epochs)} QAT ${q.bits}-bit per-${q.granularity}`,
          weights: tuned.weights,
          settings: studySettings(0.9, q),
          masks: tuned.masks,
          extra: { trainerAccuracy: tuned.trainerAccuracy },
        });
      }
    }
  } finally {
    m.dispose();
  }

  return {
    spec,
    fineTuneEpochs: epochs,
    trainExamples: data.train.count,
    testExamples: data.test.count,
    dense,
    rows: m.rows,
    checks: studyChecks(m.rows),
    seconds: (now() - started) / 1000,
  };
}
