// The compression study's measuring tools: one row per compressed model (real encoded bytes,
// test accuracy on a scratch network) and fine-tuning with the mask held.
import { compressWeights, type CompressionSettings } from '../compression/compress';
import { createNetwork, type Network } from '../models/network';
import { globalMagnitudePrune } from '../pruning/globalMagnitude';
import type { Mask } from '../pruning/mask';
import type { QuantizationSettings } from '../quantization/types';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { evaluateNetwork } from '../training/evaluate';
import { createFineTuner } from './finetune';
import { PYTORCH_REFERENCE } from './studyReference';
import type { StudyGroup, StudyRow } from './compressionStudy';

export const STUDY_MODEL = 'lenet_300_100';
export const NO_QUANTIZATION: QuantizationSettings = { scheme: 'none', granularity: 'tensor', bits: 32 };
export const symmetric = (granularity: 'tensor' | 'channel', bits: number): QuantizationSettings => ({ scheme: 'symmetric', granularity, bits });
export const epochsText = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;
const pct = (a: number) => `${(a * 100).toFixed(2)}%`;

/** Global magnitude pruning of every layer at `sparsity`, with `quantization`. */
export const studySettings = (sparsity: number, quantization: QuantizationSettings, entropyCoding = true): CompressionSettings => ({
  pruning: { method: 'global_magnitude', sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
  quantization,
  entropyCoding,
});

export interface RowRequest {
  id: string;
  group: StudyGroup;
  config: string;
  weights: WeightArray[];
  settings: CompressionSettings;
  masks?: Mask[] | null;
  extra?: Partial<StudyRow>;
}

export interface StudyMeasurer {
  /** Compresses, encodes and measures one model, and keeps its row. */
  measure(request: RowRequest): StudyRow;
  /** Prunes the trained weights globally and retrains the survivors with the mask held (and
   * quantization-aware when `quantizeAware` is given), from a fresh Adam at the training rate. */
  fineTune(trained: WeightArray[], sparsity: number, epochs: number, quantizeAware: QuantizationSettings | null): { masks: Mask[]; weights: WeightArray[]; trainerAccuracy: number };
  rows: StudyRow[];
  dispose(): void;
}

export function createStudyMeasurer(spec: TrainSpec, data: Dataset, log: (line: string) => void, now: () => number): StudyMeasurer {
  // One scratch network for every evaluation of compressed weights.
  const scratch = createNetwork(STUDY_MODEL, spec.hidden, data.featureShape, data.numClasses, spec.seed);
  const rows: StudyRow[] = [];
  const testAccuracy = (weights: WeightArray[]) => {
    scratch.setWeights(weights);
    return evaluateNetwork(scratch, data.test, data.featureShape).accuracy;
  };
  return {
    rows,
    measure({ id, group, config, weights, settings, masks = null, extra = {} }) {
      const t0 = now();
      const result = compressWeights(STUDY_MODEL, weights, settings, { startMasks: masks });
      const row: StudyRow = {
        id,
        group,
        config,
        testAccuracy: testAccuracy(result.weights),
        encodedBytes: result.encoded.totalBytes,
        ratio: result.ratio,
        sparsity: result.sparsity,
        entropyCoding: settings.entropyCoding ?? true,
        reference: PYTORCH_REFERENCE[id] ?? null,
        ...extra,
      };
      rows.push(row);
      log(`${config}: ${pct(row.testAccuracy)}, ${row.encodedBytes} B, ${row.ratio.toFixed(1)}x (${((now() - t0) / 1000).toFixed(1)} s)`);
      return row;
    },
    fineTune(trained, sparsity, epochs, quantizeAware) {
      const masks = globalMagnitudePrune(trained, null, studySettings(sparsity, NO_QUANTIZATION).pruning);
      const network: Network = createNetwork(STUDY_MODEL, spec.hidden, data.featureShape, data.numClasses, spec.seed);
      network.setWeights(trained);
      const t0 = now();
      const tuner = createFineTuner(network, spec, data, { epochs, masks, quantization: quantizeAware, quantizeAware: quantizeAware !== null });
      tuner.runSteps(Infinity);
      const trainerAccuracy = tuner.evaluateSplit(data.test).accuracy;
      tuner.dispose();
      const weights = network.getWeights();
      network.dispose();
      const what = quantizeAware ? `QAT ${quantizeAware.bits}-bit per-${quantizeAware.granularity}` : 'mask held';
      log(`fine-tuned ${Math.round(sparsity * 100)}% (${what}), ${epochsText(epochs)}: ${pct(trainerAccuracy)} (${((now() - t0) / 1000).toFixed(1)} s)`);
      return { masks, weights, trainerAccuracy };
    },
    dispose: () => scratch.dispose(),
  };
}
