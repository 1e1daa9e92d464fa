// The worker side of the compression lab. It keeps a copy of the trained weights and a second
// network used only for evaluation, compresses on request, and answers twice: first an
// estimate on a seeded stratified sample of the test set (fast; engine/compression/estimate.ts),
// then the full test set. A newer request makes an
// older one stop between evaluation chunks, so a dragged slider never queues up work.
import { compressWeights, type CompressionResult } from '../engine/compression/compress';
import { countMacs } from '../engine/compression/flops';
import { inspectCompression, type Inspection } from '../engine/compression/inspect';
import { estimateSample } from '../engine/compression/estimate';
import { layersModelFiles, type LayersModelFiles } from '../engine/export/layersModel';
import { cModelFiles, type CModelFiles } from '../engine/export/c/generate';
import type { KernelExports } from '../engine/kernels/types';
import { createNetwork } from '../engine/models/network';
import { MODELS } from '../engine/models/registry';
import type { Dataset, TrainSpec, WeightArray } from '../engine/spec/types';
import { maskSparsity, type Mask } from '../engine/pruning/mask';
import { residentWeights } from '../engine/kernels/residentStore';
import { evaluateInChunks } from './chunked-eval';
import type { BaselineInfo, CompressHandlers, CompressionPoint, CompressionSettings, FineTuneHandlers } from './compression-protocol';
import { compressedDecisionGrid, type DecisionGrid } from './decision-grid';
import { fineTuneLabModel } from './lab-finetune';
import { summarize, trainFirst, tunedKey, type LabModel } from './lab-model';
import { measureModelSpeed, type SpeedReport } from './speed-lab';
import type { ComparedModels } from './digit-probe';

interface SliderOutputs {
  dequantized: Float32Array[];
  codes: ArrayBuffer[];
}

export class CompressionLab {
  private trained: LabModel | null = null;
  /** Bumped by every clear: an adoption still measuring when a newer one (or a reset) cleared
   * the lab is dropped, its network disposed, instead of replacing the newer model. */
  private generation = 0;
  private latestJob = 0;
  private fineTuneAbort: { aborted: boolean } | null = null;
  /** The last fine-tuned model: its retrained weights, for the settings and epochs it was tuned
   * with, so the page can make it the current model (card, Look inside, downloads). */
  private tuned: { key: string; model: LabModel } | null = null;
  /** The last auto-compressed model (worker/auto-compress.ts): requests with exactly its
   * settings (per-tensor, `byTensor`) are about it. */
  private auto: { key: string; model: LabModel } | null = null;
  /** The last slider result, so "Look inside" and downloads of the same settings need no second pass. */
  private last: { key: string; trained: LabModel; result: CompressionResult } | null = null;

  /** The weights slider moves compress (a copy in WebAssembly memory when the kernels are
   * loaded: engine/kernels/residentStore.ts) and two sets of arrays for dequantized weights and
   * codes, used in turn. */
  private outputs: { source: WeightArray[]; weights: WeightArray[]; sets: SliderOutputs[]; next: number } | null = null;

  private compressTrained(t: LabModel, settings: CompressionSettings): CompressionResult {
    const key = JSON.stringify(settings);
    if (this.last && this.last.key === key && this.last.trained === t) return this.last.result;
    const out = this.nextOutputs(t);
    const result = compressWeights(t.spec.model, out.weights, settings, { startMasks: t.masks, into: out });
    this.last = { key, trained: t, result };
    return result;
  }

  /**
   * Arrays the next slider result (dequantized weights, codes) is written into. Fresh megabytes
   * cost page faults and garbage collections that made the slowest estimates 3x the median; two
   * sets in turn mean a result stays intact while the next one is computed (only `last`, the
   * newest, is ever read again; the network copies weights on setWeights). In WebAssembly
   * memory, beside the weights, the kernels write the dequantized weights in place.
   */
  private nextOutputs(t: LabModel): SliderOutputs & { weights: WeightArray[] } {
    if (this.outputs?.source !== t.weights) {
      const resident = residentWeights(t.weights, 2);
      const set = (s: number): SliderOutputs => ({
        dequantized: resident?.outputs[s] ?? t.weights.map((w) => new Float32Array(w.values.length)),
        codes: t.weights.map((w) => new ArrayBuffer(4 * w.values.length)),
      });
      this.outputs = { source: t.weights, weights: resident?.weights ?? t.weights, sets: [set(0), set(1)], next: 0 };
    }
    const o = this.outputs;
    o.next ^= 1;
    return { ...o.sets[o.next], weights: o.weights };
  }

  /**
   * Runs the slider's compress path once on a newly adopted model, off the critical path: the
   * first real move then finds its code compiled and its memory touched instead of paying
   * ~100 ms for both (the estimate's p95 was set by such moves).
   */
  private warmUp(t: LabModel): void {
    // Only before the first real move: warming later would overwrite the buffers of `last`.
    if (this.trained?.weights !== t.weights || this.last !== null) return;
    const pruning = { method: 'global_magnitude' as const, sparsity: 0.5, includeFirstLayer: true, includeOutputLayer: true, seed: t.spec.seed };
    const warmSettings: CompressionSettings[] = [
      { pruning, quantization: { scheme: 'none', granularity: 'tensor', bits: 32 }, entropyCoding: true },
      { pruning, quantization: { scheme: 'symmetric', granularity: 'channel', bits: 4 }, entropyCoding: true },
    ];
    for (const settings of warmSettings) {
      const out = this.nextOutputs(t);
      const result = compressWeights(t.spec.model, out.weights, settings, { startMasks: this.trained.masks, into: out });
      countMacs(t.evalNetwork.layers, t.data.featureShape, result.masks);
    }
  }

  /** The model a request is about: the trained one, or the last fine-tuned one (which exists
   * only for the settings and epochs it was tuned with). */
  private modelFor(settings: CompressionSettings, fineTunedEpochs: number, toDo: string): LabModel {
    const t = this.model(toDo);
    if (settings.byTensor) {
      if (this.auto?.key === JSON.stringify(settings)) return this.auto.model;
      throw new Error(`Press Auto-compress first: this model has not been found in this tab, so there is nothing to ${toDo} yet.`);
    }
    if (!fineTunedEpochs) return t;
    const tuned = this.tuned;
    if (!tuned || tuned.key !== tunedKey(settings, fineTunedEpochs) || tuned.model.weights.length === 0) {
      throw new Error(`Press Fine-tune first: this setting has not been fine-tuned for ${fineTunedEpochs} ${fineTunedEpochs === 1 ? 'epoch' : 'epochs'} in this tab.`);
    }
    return tuned.model;
  }

  /** The adopted model, for a search of its own; the one "train first" sentence when none. */
  searchModel(toDo: string): LabModel {
    return this.model(toDo);
  }

  /** Keeps an auto-compressed model (its float weights and masks) for its settings; false when
   * the lab moved on to another model while the search ran. */
  keepAuto(from: LabModel, settings: CompressionSettings, weights: WeightArray[], masks: Mask[]): boolean {
    if (this.trained !== from) return false;
    this.auto = { key: JSON.stringify(settings), model: { ...from, weights, masks } };
    return true;
  }

  get hasModel(): boolean {
    return this.trained !== null;
  }

  get baseline(): BaselineInfo | null {
    return this.trained?.baseline ?? null;
  }

  /** Takes over a copy of freshly trained weights and measures the dense baseline. Resolves null
   * when the lab was cleared (a newer adoption, a reset) before the measurement ended. */
  async adopt(spec: TrainSpec, data: Dataset, weights: WeightArray[]): Promise<BaselineInfo | null> {
    this.clear();
    const generation = this.generation;
    const superseded = () => generation !== this.generation;
    const evalNetwork = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
    let full: Awaited<ReturnType<typeof evaluateInChunks>>;
    try {
      evalNetwork.setWeights(weights);
      full = await evaluateInChunks(evalNetwork, data.test, data.featureShape, superseded);
    } catch (error) {
      evalNetwork.dispose();
      throw error;
    }
    if (!full || superseded()) {
      evalNetwork.dispose();
      return null;
    }
    const macs = countMacs(evalNetwork.layers, data.featureShape, null);
    const baseline: BaselineInfo = {
      modelId: spec.model,
      modelLabel: MODELS[spec.model].label,
      reference: 'dense model',
      denseBytes: weights.reduce((sum, w) => sum + 4 * w.values.length, 0),
      denseMacs: macs.denseMacs,
      accuracy: full.accuracy,
      testCount: data.test.count,
      sparsity: 0,
      firstKernelShape: weights[0].shape,
    };
    const estimateImages = estimateSample(data.test, data.numClasses, data.featureShape, spec.seed);
    this.trained = { spec, data, weights, evalNetwork, estimateImages, baseline };
    const adopted = this.trained;
    setTimeout(() => this.warmUp(adopted), 0);
    return baseline;
  }

  /** Takes over a lottery ticket: its retrained weights, and its masks as the starting mask. */
  async adoptTicket(spec: TrainSpec, data: Dataset, weights: WeightArray[], masks: Mask[], label: string): Promise<BaselineInfo> {
    const dense = await this.adopt(spec, data, weights);
    if (!dense || this.trained?.baseline !== dense) throw new Error('Another model replaced the ticket before it was measured: send it again.');
    const baseline = { ...dense, modelLabel: label, reference: 'ticket' as const, sparsity: maskSparsity(masks) };
    this.trained = { ...this.trained, baseline, masks };
    return baseline;
  }

  clear(): void {
    this.cancelFineTune();
    this.generation++;
    this.latestJob++;
    this.trained?.evalNetwork.dispose();
    this.trained = null;
    this.tuned = null;
    this.auto = null;
    this.last = null;
    this.outputs = null;
  }

  /** The adopted model; the one "train first" sentence when there is none. */
  private model(toDo: string): LabModel {
    if (!this.trained) throw new Error(trainFirst(toDo));
    return this.trained;
  }

  /** The encoded model for `settings`: the exact bytes whose length the page shows as "Model size". */
  encoded(settings: CompressionSettings, fineTunedEpochs = 0): Uint8Array {
    const t = this.modelFor(settings, fineTunedEpochs, 'download');
    return this.compressTrained(t, settings).bytes;
  }

  /** The compressed model as a TF.js LayersModel (dequantized float32 weights) named `name`. */
  layersModel(settings: CompressionSettings, name: string, fineTunedEpochs = 0): LayersModelFiles {
    const t = this.modelFor(settings, fineTunedEpochs, 'download');
    const layers = MODELS[t.spec.model].layers(t.spec.hidden, t.data.numClasses);
    return layersModelFiles(name, layers, t.data.featureShape, this.compressTrained(t, settings).weights);
  }

  /** The compressed model as C code: a header of const arrays in the encoded layout and a .c
   * with predict() (engine/export/c). Throws a sentence for a model it cannot export. */
  cCode(settings: CompressionSettings, fineTunedEpochs = 0): CModelFiles {
    return cModelFiles(this.encoded(settings, fineTunedEpochs));
  }

  /** Time per image three ways (speed-lab.ts) for the model at `settings`. */
  speed(kernels: KernelExports, settings: CompressionSettings, fineTunedEpochs: number, backend: string): SpeedReport {
    const t = this.modelFor(settings, fineTunedEpochs, 'time');
    return measureModelSpeed(kernels, t, this.compressTrained(t, settings).bytes, backend);
  }

  /** The reference model and the model at `settings`, for the digit pad and the gallery of
   * mistakes (digit-probe.ts). The compressed weights live in reused buffers: copy them at once. */
  compared(settings: CompressionSettings, fineTunedEpochs = 0): ComparedModels {
    const reference = this.model('classify');
    const t = this.modelFor(settings, fineTunedEpochs, 'classify');
    return { spec: reference.spec, data: reference.data, reference: reference.weights, source: t.weights, key: tunedKey(settings, fineTunedEpochs), compressed: () => this.compressTrained(t, settings).weights };
  }

  /** Histograms, levels and first-layer mask pictures of the trained model under `settings`. */
  inspect(settings: CompressionSettings, fineTunedEpochs = 0): Inspection {
    const t = this.modelFor(settings, fineTunedEpochs, 'look inside');
    const result = this.compressTrained(t, settings);
    return inspectCompression(t.weights, result.quantized, result.masks, t.data.featureShape);
  }

  /** The compressed model's predictions over the plane (2-D sets only; decision-grid.ts). */
  decisionGrid(settings: CompressionSettings, size: number): DecisionGrid {
    const t = this.model('draw');
    return compressedDecisionGrid(t.spec, t.data, t.weights, settings, size);
  }

  cancelFineTune(): void {
    if (this.fineTuneAbort) this.fineTuneAbort.aborted = true;
  }

  /** Fine-tunes at `settings` for `epochs` (lab-finetune.ts) and keeps the tuned model, so the
   * page can make it the current one. Rejects with an AbortError when cancelled. */
  async fineTune(settings: CompressionSettings, epochs: number, handlers: FineTuneHandlers): Promise<CompressionPoint> {
    const t = this.model('fine-tune');
    if (this.fineTuneAbort) throw new Error('A fine-tuning run is already going.');
    const signal = { aborted: false };
    this.fineTuneAbort = signal;
    try {
      const { point, tuned } = await fineTuneLabModel(t, settings, epochs, handlers, signal, () => ++this.latestJob);
      this.tuned = { key: tunedKey(settings, epochs), model: tuned };
      return point;
    } finally {
      this.fineTuneAbort = null;
    }
  }

  /** Resolves with the full-test-set point, or null when a newer request superseded it. */
  async compress(settings: CompressionSettings, handlers: CompressHandlers): Promise<CompressionPoint | null> {
    const t = this.model('compress');
    const jobId = ++this.latestJob;
    const started = performance.now();
    const stale = () => jobId !== this.latestJob || this.trained !== t;
    const result = this.compressTrained(t, settings);
    const macs = countMacs(t.evalNetwork.layers, t.data.featureShape, result.masks);
    const summary = summarize(jobId, settings, result, macs);
    t.evalNetwork.setWeights(result.weights);
    const compressed = performance.now();
    const quick = await evaluateInChunks(t.evalNetwork, t.estimateImages, t.data.featureShape, stale);
    if (!quick || stale()) return null;
    handlers.onEstimate({ ...summary, accuracy: quick.accuracy, evaluatedOn: t.estimateImages.count, estimate: true, ms: performance.now() - started, phaseMs: { compress: compressed - started, evaluate: performance.now() - compressed } });
    // A newer job would have replaced the weights; then this one is stale and stops here.
    if (stale()) return null;
    const full = await evaluateInChunks(t.evalNetwork, t.data.test, t.data.featureShape, stale);
    if (!full || stale()) return null;
    return { ...summary, accuracy: full.accuracy, evaluatedOn: t.data.test.count, estimate: false, ms: performance.now() - started };
  }
}
