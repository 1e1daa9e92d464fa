// The object the engine worker exposes through comlink. `EngineApi` is its type; the page
// imports only the type. Callbacks arrive as comlink proxies and receive plain data only.
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, TrainSpec } from '../engine/spec/types';
import { selectBackend } from './backend-select';
import { nextAfterFailure } from './backend-choice';
import { checkSpec, trainForCheck, withTrainingImages, type AccuracyCheck } from './backend-accuracy';
import { loadDataset } from './data-loader';
import type { BackendInfo, BackendName, TrainHandlers, TrainOutcome } from './protocol';
import { TrainingSession } from './training-session';
import { GpuWatch } from './gpu-watch';
import { ChosenBackend } from './chosen-backend';
import { createTestHooks } from './test-hooks';
import { createLotteryApi } from './lottery-api';
import { CompressionLab } from './compression-lab';
import { labAdoption } from './lab-adoption';
import { autoCompressor, type AutoCompressHandlers, type AutoCompressOutcome, type AutoCompressRequest } from './auto-compress';
import type { BaselineInfo, CompressHandlers, CompressionPoint, CompressionSettings, FineTuneHandlers } from './compression-protocol';
import { benchmarkTraining, type TrainingBenchmark } from './benchmark';
import { inspectionBuffers, type Inspection } from '../engine/compression/inspect';
import type { LayersModelFiles } from '../engine/export/layersModel';
import type { CModelFiles } from '../engine/export/c/generate';
import type { SpeedReport } from './speed-lab';
import { kernelFactory, newKernels } from './kernels-loader';
import { useCompressionKernels } from '../engine/kernels/compressionKernels';
import { useResidentKernels } from '../engine/kernels/residentStore';
import { benchmarkInference, type InferenceBenchRow } from './inference-bench';
import { gridBuffers, isTwoDimensional, liveDecisionGrid, type DecisionGrid } from './decision-grid';
import { TransferSession } from './transfer-session';
import type { TransferHandlers, TransferOutcome, TransferRequest } from './transfer-protocol';
import { evaluateImportedModel, type ImportedAccuracy } from './evaluate-imported';
import { DigitProbe, type DigitProbabilities, type TestDigit } from './digit-probe';
import type { MissGallery } from './miss-gallery';

export function createEngineApi() {
  const gpu = new GpuWatch();
  /** Bumped by every train, cancel and reset: a run whose data finished loading after a cancel
   * sees it changed and does not start. */
  let trainTicket = 0;
  /** Bumped by every import measurement, its cancel, and every train and reset: a measurement
   * whose ticket changed stops at its next tensor or chunk. */
  let importTicket = 0;
  // A lost WebGL context or WebGPU device moves the run to the next backend measured (see
  // training-session.ts); the card keeps the measured figures.
  const session = new TrainingSession({
    watch: gpu,
    fallBack: async () => {
      const failed = backend.current;
      const next = nextAfterFailure(failed?.name ?? (gpu.active ? 'webgl' : 'wasm'), failed?.timings);
      const info = await selectBackend(next);
      backend.current = failed?.timings ? { ...info, timings: failed.timings } : info;
      gpu.forgetLostBackend();
      gpu.attach();
      return backend.current;
    },
  });
  const backend = new ChosenBackend();
  const lab = new CompressionLab();
  const probe = new DigitProbe();
  const transfer = new TransferSession();
  const lottery = createLotteryApi({
    ready: async () => void (await backend.ready()),
    lab,
    currentTrainer: () => session.activeTrainer,
    trainingBusy: () =>
      session.runState === 'running' || session.runState === 'paused' || session.runState === 'loading-data'
        ? 'A training run is going in the Train view: let it finish or press Reset there, then start the lottery run.'
        : null,
  });
  const adoption = labAdoption({ lab, session, ticketHeld: (t) => lottery.ticketHeld(t) });
  // The compression kernels that measure faster in WebAssembly (bit for bit the same results);
  // until the module has loaded, or if it cannot, the JavaScript loops run.
  newKernels().then(useCompressionKernels, () => undefined);
  // The lab's weights then live in WebAssembly memory, where those kernels read them in place.
  kernelFactory().then(useResidentKernels, () => undefined);
  const auto = autoCompressor(lab);

  return {
    ...lottery.api,
    /** Picks (or switches to) the backend the person chose, and says which runs and why. The
     * page's bridge sends it first to every worker it starts, so a restart keeps the choice. */
    init(choice: BackendChoice): Promise<BackendInfo> {
      // Tensors cannot follow a backend switch safely mid-run: start clean.
      return backend.choose(choice, async () => {
        auto.cancel();
        lab.clear();
        probe.clear();
        await session.reset();
        await lottery.stop();
      });
    },

    /** Loads the data if needed, builds the model from the spec's seed and trains it, streaming
     * metrics through the handlers. Resolves when done or cancelled. */
    async train(spec: TrainSpec, handlers: TrainHandlers): Promise<TrainOutcome> {
      if (lottery.busy()) throw new Error('A lottery run is going in the Lottery view: let it finish or cancel it there, then train.');
      importTicket++; // training goes first: an imported model's measurement stops
      const ticket = ++trainTicket;
      await backend.ready();
      handlers.onState('loading-data');
      const data = await loadDataset(spec.dataset, spec.seed, (s) => handlers.onData?.(s));
      // Cancelled or reset while the data loaded: the run must not start behind the page's back.
      if (ticket !== trainTicket) return { status: 'cancelled', steps: 0, seconds: 0 };
      return session.train(spec, data, handlers);
    },

    pause: async () => session.pause(),
    resume: async () => session.resume(),
    /** While paused: runs this many batches, reports, and stays paused. */
    step: async (batches: number) => session.step(batches),
    /** Stops the run within 200 ms; the weights trained so far are kept. */
    cancel: () => {
      trainTicket++;
      return session.cancel();
    },
    /** Drops the model, its optimizer state and the lab's copy (every tensor disposed). */
    async reset(): Promise<void> {
      trainTicket++;
      importTicket++;
      auto.cancel();
      lab.clear();
      probe.clear();
      await session.reset();
    },

    /** The trained dense model the compression lab starts from, or null before training. */
    compressionBaseline: (): Promise<BaselineInfo | null> => adoption.baseline(),

    /** Prune + quantize + encode the trained model; an estimate first, then the full test set.
     * Resolves null when a newer request superseded this one. */
    async compress(settings: CompressionSettings, handlers: CompressHandlers): Promise<CompressionPoint | null> {
      return (await adoption.trainedLab('compress')).compress(settings, handlers);
    },

    /** Retrains the pruned model with its mask held, then measures it (see CompressionLab). */
    async fineTune(settings: CompressionSettings, epochs: number, handlers: FineTuneHandlers): Promise<CompressionPoint> {
      return (await adoption.trainedLab('fine-tune')).fineTune(settings, epochs, handlers);
    },

    cancelFineTune: async () => lab.cancelFineTune(),

    /** Searches for the smallest encoded model within an accuracy budget (engine/autocompress),
     * streaming candidates; the best becomes the lab's model for its settings. */
    async autoCompress(request: AutoCompressRequest, handlers: AutoCompressHandlers): Promise<AutoCompressOutcome> {
      await adoption.trainedLab('auto-compress');
      return auto.run(request, handlers);
    },

    cancelAutoCompress: async () => auto.cancel(),

    /** The compressed model file (docs/FORMAT.md), its buffer transferred, not copied. */
    async encodedModel(settings: CompressionSettings, fineTunedEpochs = 0): Promise<Uint8Array> {
      // A copy of its own, so transferring it cannot detach a buffer the encoder reuses.
      const bytes = (await adoption.trainedLab('download')).encoded(settings, fineTunedEpochs).slice();
      return Comlink.transfer(bytes, [bytes.buffer]);
    },

    /** Pretrains on digits 0-4 (once per seed) and learns digits 5-9 from each number of labels
     * three ways (transfer-session.ts); results stream through the handlers. */
    async runTransfer(request: TransferRequest, handlers: TransferHandlers): Promise<TransferOutcome> {
      await backend.ready();
      return transfer.run(request, handlers);
    },

    cancelTransfer: async () => transfer.cancel(),

    /** The live model's decision boundary while it trains on a 2-D set (null otherwise). */
    async liveDecisionGrid(size: number): Promise<DecisionGrid | null> {
      const trainer = session.activeTrainer;
      if (!trainer || !isTwoDimensional(trainer.data)) return null;
      const grid = liveDecisionGrid(trainer.network, trainer.data, size);
      return Comlink.transfer(grid, gridBuffers(grid));
    },

    /** The compressed model's decision boundary (2-D sets), with its agreement with the dense one. */
    async decisionGrid(settings: CompressionSettings, size: number): Promise<DecisionGrid> {
      const grid = (await adoption.trainedLab('draw')).decisionGrid(settings, size);
      return Comlink.transfer(grid, gridBuffers(grid));
    },

    /** The compressed model as a TF.js LayersModel: model.json text and its weights file, transferred. */
    async layersModel(settings: CompressionSettings, name: string, fineTunedEpochs = 0): Promise<LayersModelFiles> {
      const files = (await adoption.trainedLab('download')).layersModel(settings, name, fineTunedEpochs);
      return Comlink.transfer(files, [files.weightData.buffer]);
    },

    /** The compressed model as C source: a header holding the encoded weights and a .c with predict(). */
    async cCode(settings: CompressionSettings, fineTunedEpochs = 0): Promise<CModelFiles> {
      return (await adoption.trainedLab('download')).cCode(settings, fineTunedEpochs);
    },

    /** Time per image of the model at `settings`: tfjs dense, our dense kernel, our compressed kernel. */
    async speed(settings: CompressionSettings, fineTunedEpochs = 0): Promise<SpeedReport> {
      const lab = await adoption.trainedLab('time');
      return lab.speed(await newKernels(), settings, fineTunedEpochs, tf.getBackend());
    },

    /** Class probabilities of one 28x28 image from the reference model and the model at
     * `settings` (the digit pad); the image arrives and the answer leaves as typed arrays. */
    async classifyDigit(settings: CompressionSettings, fineTunedEpochs: number, pixels: Float32Array): Promise<DigitProbabilities> {
      const probs = probe.probabilities((await adoption.trainedLab('classify')).compared(settings, fineTunedEpochs), pixels);
      return Comlink.transfer(probs, [probs.reference.buffer, probs.compressed.buffer]);
    },

    /** Test image number `index` with its label and both models' probabilities. */
    async testDigit(settings: CompressionSettings, fineTunedEpochs: number, index: number): Promise<TestDigit> {
      const digit = probe.testDigit((await adoption.trainedLab('classify')).compared(settings, fineTunedEpochs), index);
      return Comlink.transfer(digit, [digit.pixels.buffer, digit.reference.buffer, digit.compressed.buffer]);
    },

    /** Test images the model at `settings` gets wrong and the reference right (null: superseded). */
    async missGallery(settings: CompressionSettings, fineTunedEpochs = 0): Promise<MissGallery | null> {
      const gallery = await probe.missGallery((await adoption.trainedLab('classify')).compared(settings, fineTunedEpochs));
      return gallery ? Comlink.transfer(gallery, [gallery.pixels.buffer]) : null;
    },

    /** "Look inside" data for these settings (histograms, levels, mask pictures), transferred. */
    async inspect(settings: CompressionSettings, fineTunedEpochs = 0): Promise<Inspection> {
      const inside = (await adoption.trainedLab('look inside')).inspect(settings, fineTunedEpochs);
      return Comlink.transfer(inside, inspectionBuffers(inside));
    },

    /** Training throughput of LeNet-300-100 on MNIST on the given backend (npm run bench). */
    async benchmarkTraining(choice: BackendChoice, batchSize: number, seconds: number): Promise<TrainingBenchmark & { backend: BackendInfo }> {
      lab.clear();
      probe.clear();
      await session.reset();
      const info = await backend.choose(choice, async () => undefined);
      const data = await loadDataset('mnist', 0, () => undefined);
      return { ...benchmarkTraining(data, batchSize, seconds), backend: info };
    },

    /** One epoch on the first `trainImages` MNIST training images on `choice`, through the training
     * session, for the backend correctness check (e2e/webgpu-accuracy.spec.ts). */
    async trainForBackendCheck(choice: BackendName, seed: number, batchSize: number, trainImages: number): Promise<AccuracyCheck> {
      lab.clear();
      probe.clear();
      await session.reset();
      const info = await backend.choose(choice, async () => undefined);
      const data = await loadDataset('mnist', seed, () => undefined);
      return trainForCheck(session, info.name, withTrainingImages(data, trainImages), checkSpec(seed, batchSize));
    },

    /** Inference time of LeNet-300-100 (one epoch) at these sparsities + 4 bits, on wasm (npm run bench). */
    async benchmarkInference(sparsities: number[]): Promise<InferenceBenchRow[]> {
      lab.clear();
      probe.clear();
      await session.reset();
      await backend.choose('wasm', async () => undefined);
      const data = await loadDataset('mnist', 0, () => undefined);
      return benchmarkInference(data, newKernels, sparsities);
    },

    ...createTestHooks(session, gpu),

    /** Test accuracy of an imported compressed model file (History > Import). */
    async evaluateImportedModel(bytes: Uint8Array): Promise<ImportedAccuracy> {
      const ticket = ++importTicket;
      await backend.ready();
      return evaluateImportedModel(bytes, () => ticket !== importTicket);
    },

    /** Stops the imported model's measurement at its next tensor or chunk (Train and Reset stop it too). */
    async cancelImportedModel(): Promise<void> {
      importTicket++;
    },

    /** tfjs memory in the worker, for tests and the debug readout. */
    async memory(): Promise<{ numTensors: number; numBytes: number }> {
      // On the chosen backend: asked before one is set, tfjs would start its own default.
      await backend.ready();
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
