// Fine-tuning in the compression lab: prune with the settings, retrain the survivors with the
// mask held (quantization-aware at <= 4 bits), compress again and measure on the full test set.
// The sliders keep working from the original trained weights meanwhile.
import { compressWeights } from '../engine/compression/compress';
import { countMacs } from '../engine/compression/flops';
import { fineTune, wantsQuantizeAware } from '../engine/finetune/finetune';
import { createNetwork } from '../engine/models/network';
import { evaluateInChunks } from './chunked-eval';
import type { CompressionPoint, CompressionSettings, FineTuneHandlers } from './compression-protocol';
import { summarize, type LabModel } from './lab-model';

const cancelled = () => Object.assign(new Error('Fine-tuning was cancelled.'), { name: 'AbortError' });

/** The measured point and the tuned model (its retrained weights, and the masks it was tuned
 * with so later compressions of it stay on that mask). Rejects with an AbortError when
 * `signal.aborted` turns true. */
export async function fineTuneLabModel(
  t: LabModel,
  settings: CompressionSettings,
  epochs: number,
  handlers: FineTuneHandlers,
  signal: { aborted: boolean },
  jobId: () => number,
): Promise<{ point: CompressionPoint; tuned: LabModel }> {
  const started = performance.now();
  const untuned = compressWeights(t.spec.model, t.weights, settings, { startMasks: t.masks });
  const network = createNetwork(t.spec.model, t.spec.hidden, t.data.featureShape, t.data.numClasses, t.spec.seed);
  try {
    // "Before" is the same settings without retraining, measured here on the full test set.
    network.setWeights(untuned.weights);
    const before = await evaluateInChunks(network, t.data.test, t.data.featureShape, () => signal.aborted);
    if (!before) throw cancelled();
    network.setWeights(t.weights);
    await fineTune(network, t.spec, t.data, { epochs, masks: untuned.masks, quantization: settings.quantization }, {
      signal,
      sliceMs: 40,
      onProgress: (p) => handlers.onProgress(p.step, p.totalSteps, p.loss),
    });
    const tunedWeights = network.getWeights();
    const result = compressWeights(t.spec.model, tunedWeights, settings, { startMasks: t.masks });
    const macs = countMacs(network.layers, t.data.featureShape, result.masks);
    // Measured on a network of its own: a slider job may be using the evaluation network.
    network.setWeights(result.weights);
    const full = await evaluateInChunks(network, t.data.test, t.data.featureShape, () => signal.aborted);
    if (!full) throw cancelled();
    const point: CompressionPoint = {
      ...summarize(jobId(), settings, result, macs),
      accuracy: full.accuracy,
      evaluatedOn: t.data.test.count,
      estimate: false,
      ms: performance.now() - started,
      fineTunedEpochs: epochs,
      quantizeAware: wantsQuantizeAware(settings.quantization),
      accuracyBeforeFineTune: before.accuracy,
    };
    return { point, tuned: { ...t, weights: tunedWeights, masks: result.masks } };
  } finally {
    network.dispose();
  }
}
