// The worker side of "Auto-compress": runs the engine's search (engine/autocompress) on the model
// the compression lab holds, streams each candidate and the progress, then hands the best model
// to the lab (its float weights and masks), so Look inside and the downloads of its settings
// give exactly the file the search measured. One search at a time; Cancel stops it within a slice.
import { compressWeights, type CompressionSettings } from '../engine/compression/compress';
import { countMacs } from '../engine/compression/flops';
import { autoCompress, type AutoCompressCandidate, type AutoCompressProgress, type AutoCompressResult } from '../engine/autocompress';
import type { PagePresetId } from '../engine/autocompress/plans';
import type { CompressionLab } from './compression-lab';
import { summarize } from './lab-model';
import type { CompressionPoint } from './compression-protocol';

export interface AutoCompressRequest {
  /** Points of validation accuracy below the reference a candidate may lose. */
  budgetPoints: number;
  /** Stop after this many rounds (a share link's rerun); none: the quick preset's. */
  maxRounds?: number;
  /** Stop when this is spent (the round under way is dropped). */
  timeBudgetMs?: number;
  /** The search's preset (a share link names the one it ran). */
  preset: PagePresetId;
  /** Polish at most this many masks (a share link's rerun); none: the preset's. */
  maxPolished?: number;
}

export interface AutoCompressHandlers {
  onCandidate(candidate: AutoCompressCandidate): void;
  onProgress(progress: AutoCompressProgress): void;
}

export interface AutoCompressOutcome {
  /** The search as it ran: settings, rounds run, every candidate, why it stopped. */
  result: AutoCompressResult;
  /** The best candidate as the lab's current model, measured once on the full test set. */
  point: CompressionPoint;
}

const cancelled = () => Object.assign(new Error('Auto-compress was cancelled.'), { name: 'AbortError' });

export function autoCompressor(lab: CompressionLab) {
  let running: { aborted: boolean } | null = null;
  let jobs = 0;

  async function run(request: AutoCompressRequest, handlers: AutoCompressHandlers): Promise<AutoCompressOutcome> {
    if (running) throw new Error('An auto-compress search is already going.');
    const t = lab.searchModel('auto-compress');
    const signal = { aborted: false };
    running = signal;
    const started = performance.now();
    try {
      const { result, model } = await autoCompress(
        { spec: t.spec, weights: t.weights, masks: t.masks ?? null, data: t.data },
        { budgetPoints: request.budgetPoints, preset: request.preset, seed: t.spec.seed, maxRounds: request.maxRounds, maxPolished: request.maxPolished },
        { signal, timeBudgetMs: request.timeBudgetMs, sliceMs: 40, onCandidate: (c) => handlers.onCandidate(c), onProgress: (p) => handlers.onProgress(p) },
      );
      // The settings that give back the search's file from its float weights and masks.
      const first = model.floatWeights[0].name;
      const settings: CompressionSettings = {
        pruning: { method: 'layerwise_magnitude', sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: t.spec.seed },
        quantization: model.byTensor[first],
        byTensor: model.byTensor,
        entropyCoding: true,
      };
      const rebuilt = compressWeights(t.spec.model, model.floatWeights, settings, { startMasks: model.masks });
      if (rebuilt.bytes.length !== model.bytes.length) throw new Error(`The auto-compressed file could not be rebuilt (${rebuilt.bytes.length} bytes, the search measured ${model.bytes.length}).`);
      if (signal.aborted || !lab.keepAuto(t, settings, model.floatWeights, model.masks)) throw cancelled();
      const macs = countMacs(t.evalNetwork.layers, t.data.featureShape, rebuilt.masks);
      const point: CompressionPoint = {
        ...summarize(++jobs, settings, rebuilt, macs),
        accuracy: result.testAccuracy,
        evaluatedOn: t.data.test.count,
        estimate: false,
        ms: performance.now() - started,
        autoCompressed: { budgetPoints: request.budgetPoints, rounds: result.roundsRun, preset: request.preset, polished: result.polishedRun },
      };
      return { result, point };
    } finally {
      running = null;
    }
  }

  return {
    run,
    cancel(): void {
      if (running) running.aborted = true;
    },
  };
}
