// Auto-compress on the real store with a fake worker: candidates stream in, the result becomes
// the current model (card, downloads, link) only while the controls ask for it, a slider move
// goes back to the slider's model, a link to a search's result asks for a rerun, and Cancel
// leaves the model as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineBridge } from '../../bridge/engine-bridge-types';
import { DEFAULT_SPEC } from '../../engine/spec/defaults';
import type { AutoCompressCandidate, AutoCompressResult } from '../../engine/autocompress/types';
import { setBridgeForTests } from '../../store/bridge';
import { useAppStore } from '../../store';
import { encodeExperiment } from '../../url/codec';
import { experimentOf } from '../../store/link';
import type { BaselineInfo, CModelFiles, CompressionPoint, CompressionSettings, LayersModelFiles, SpeedReport } from '../../worker/compression-protocol';
import { selectShownPoint, selectShownState } from './shown';

vi.hoisted(() => {
  Object.assign(globalThis, {
    window: {
      location: { hash: '', origin: 'http://localhost', pathname: '/', search: '' },
      history: { state: null, replaceState: () => undefined },
      sessionStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
});

const BASELINE: BaselineInfo = { modelId: 'lenet_300_100', modelLabel: 'LeNet-300-100', reference: 'dense model', denseBytes: 1_066_440, denseMacs: 266_200, accuracy: 0.98, testCount: 10_000, sparsity: 0, firstKernelShape: [784, 300] };

function point(settings: CompressionSettings, extra: Partial<CompressionPoint> = {}): CompressionPoint {
  const bytes = Math.round(BASELINE.denseBytes * (1 - settings.pruning.sparsity)) + 1000;
  return { jobId: 1, settings, sparsity: settings.pruning.sparsity, denseBytes: BASELINE.denseBytes, encodedBytes: bytes, ratio: BASELINE.denseBytes / bytes, denseMacs: 1, sparseMacs: 1, breakdown: [], notes: [], accuracy: 0.975, evaluatedOn: 10_000, estimate: false, ms: 1, ...extra };
}

const candidate = (index: number, bytes: number): AutoCompressCandidate => ({ index, round: index, stage: 'bits', bytes, ratio: BASELINE.denseBytes / bytes, sparsity: 0.9, validationAccuracy: 0.978, withinBudget: true, layers: [] });
const AUTO_SETTINGS: CompressionSettings = {
  pruning: { method: 'layerwise_magnitude', sparsity: 0, includeFirstLayer: true, includeOutputLayer: true, seed: 0 },
  quantization: { scheme: 'kmeans', granularity: 'tensor', bits: 3 },
  byTensor: { 'dense_0/kernel': { scheme: 'kmeans', granularity: 'tensor', bits: 3 } },
  entropyCoding: true,
};

interface Fake {
  requests: { maxRounds?: number; budgetPoints: number; preset: string; maxPolished?: number }[];
  downloads: CompressionSettings[];
  /** What the speed card, the digit pad and the gallery of mistakes asked the worker for. */
  measured: CompressionSettings[];
  cancel: boolean;
}

function fakeBridge(fake: Fake): EngineBridge {
  const partial: Partial<EngineBridge> = {
    compressionBaseline: async () => BASELINE,
    async compress(settings, handlers) {
      handlers.onEstimate(point(settings, { estimate: true }));
      return point(settings);
    },
    async autoCompress(request, handlers) {
      fake.requests.push(request);
      handlers.onCandidate(candidate(0, 90_000));
      handlers.onProgress({ round: 1, maxRounds: 10, rate: 0.5, phase: 'bits', fraction: 0.1, elapsedMs: 1000 });
      handlers.onCandidate(candidate(1, 9_000));
      await new Promise((r) => setTimeout(r, 20));
      if (fake.cancel) throw Object.assign(new Error('Auto-compress was cancelled.'), { name: 'AbortError' });
      const polished = request.preset === 'quick' ? 0 : 2;
      const result = { roundsRun: 4, polishedRun: polished, stoppedBy: 'time', testAccuracy: 0.976 } as AutoCompressResult;
      return { result, point: point(AUTO_SETTINGS, { encodedBytes: 9_000, autoCompressed: { budgetPoints: request.budgetPoints, rounds: 4, preset: request.preset, polished } }) };
    },
    cancelAutoCompress: async () => void (fake.cancel = true),
    async encodedModel(settings) {
      fake.downloads.push(settings);
      return new Uint8Array(4);
    },
    async layersModel(settings) {
      fake.downloads.push(settings);
      return {} as LayersModelFiles;
    },
    async cCode(settings) {
      fake.downloads.push(settings);
      return {} as CModelFiles;
    },
    async speed(settings) {
      fake.measured.push(settings);
      return { samples: [] } as unknown as SpeedReport;
    },
    async classifyDigit(settings) {
      fake.measured.push(settings);
      return { reference: new Float32Array(10), compressed: new Float32Array(10) };
    },
    async missGallery(settings) {
      fake.measured.push(settings);
      return null;
    },
  };
  return partial as EngineBridge;
}

const settle = () => new Promise((r) => setTimeout(r, 120));
const initial = useAppStore.getState();

describe('auto-compress in the store', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = { requests: [], downloads: [], measured: [], cancel: false };
    setBridgeForTests(fakeBridge(fake));
    useAppStore.setState(initial, true);
    useAppStore.setState({ runState: 'done', runId: 1, runSpec: { ...DEFAULT_SPEC }, view: 'compress' });
    await useAppStore.getState().syncBaseline();
    await settle();
  });
  afterEach(() => setBridgeForTests(null));

  it('streams candidates, then makes the result the current model, its link and its download', async () => {
    useAppStore.getState().setCompressUi({ autoBudget: 0.5 });
    const run = useAppStore.getState().startAutoCompress();
    // Streamed before the search ends.
    expect(useAppStore.getState().autoCompress?.candidates.map((c) => c.bytes)).toEqual([90_000, 9_000]);
    expect(useAppStore.getState().autoCompress?.running).toBe(true);
    await run;
    const s = useAppStore.getState();
    // A new search runs the page's preset (rounds, then a polish, distilled, its shared values
    // trained); the link names it.
    expect(fake.requests).toEqual([{ budgetPoints: 0.5, maxRounds: undefined, preset: 'quick-tuned', maxPolished: undefined, timeBudgetMs: s.autoTimeBudgetS * 1000 }]);
    expect(s.compressUi).toMatchObject({ auto: true, autoBudget: 0.5, autoRounds: 4, autoPreset: 'quick-tuned', autoPolished: 2, fineTuned: 0 });
    expect(selectShownPoint(s)?.autoCompressed).toEqual({ budgetPoints: 0.5, rounds: 4, preset: 'quick-tuned', polished: 2 });
    expect(encodeExperiment(experimentOf(s))).toContain('auto=1&auto_budget=0.5&auto_rounds=4&auto_preset=quick-tuned&auto_polished=2');
    // Every download is the found model: the file, the TF.js model and the C code (which once
    // exported the sliders' settings of the trained model instead).
    await s.encodedModelFile('compressed');
    await s.layersModelFiles();
    await s.cCodeFiles();
    expect(fake.downloads).toEqual([AUTO_SETTINGS, AUTO_SETTINGS, AUTO_SETTINGS]);
    // So is every figure measured on request: the speed card, the digit pad, the gallery of
    // mistakes (each stored under the found model's key, so asking for the sliders' model
    // would have shown its figures as the found model's).
    await s.measureSpeed();
    s.setDrawnDigit(new Float32Array(784));
    s.refreshMissGallery();
    await settle();
    expect(fake.measured).toEqual([AUTO_SETTINGS, AUTO_SETTINGS, AUTO_SETTINGS]);
    expect(useAppStore.getState().speedError).toBe('');

    // A slider move is another model: the card goes back to the slider's figure.
    s.setCompressUi({ sparsity: 0.5 });
    expect(useAppStore.getState().compressUi.auto).toBe(false);
    await settle();
    expect(selectShownPoint(useAppStore.getState())?.autoCompressed).toBeUndefined();
    expect(selectShownPoint(useAppStore.getState())?.settings.pruning.sparsity).toBe(0.5);
  });

  it('a link to a search result asks for a rerun, which stops after the linked rounds', async () => {
    useAppStore.getState().applyLink('#v=1&view=compress&auto=1&auto_budget=0.3&auto_rounds=4');
    await settle();
    expect(selectShownPoint(useAppStore.getState())).toBeNull();
    expect(selectShownState(useAppStore.getState())).toBe('needs-auto-compress');
    await useAppStore.getState().startAutoCompress(true);
    // A link made before the polish names no preset: it reruns the search it ran, "quick".
    expect(fake.requests.at(-1)).toEqual({ budgetPoints: 0.3, maxRounds: 4, preset: 'quick', maxPolished: 0, timeBudgetMs: undefined });
    expect(selectShownState(useAppStore.getState())).toBe('final');
    expect(encodeExperiment(experimentOf(useAppStore.getState()))).toMatch(/auto=1&auto_rounds=4$/);
  });

  it('a link to a polished search made before distillation reruns it as it ran', async () => {
    useAppStore.getState().applyLink('#v=1&view=compress&auto=1&auto_budget=0.3&auto_rounds=4&auto_preset=quick-polish&auto_polished=2');
    await settle();
    expect(selectShownState(useAppStore.getState())).toBe('needs-auto-compress');
    await useAppStore.getState().startAutoCompress(true);
    expect(fake.requests.at(-1)).toEqual({ budgetPoints: 0.3, maxRounds: 4, preset: 'quick-polish', maxPolished: 2, timeBudgetMs: undefined });
    expect(selectShownState(useAppStore.getState())).toBe('final');
  });

  it('Cancel keeps the candidates and leaves the current model as it was', async () => {
    const before = selectShownPoint(useAppStore.getState());
    const run = useAppStore.getState().startAutoCompress();
    useAppStore.getState().cancelAutoCompress();
    await run;
    const s = useAppStore.getState();
    expect(s.autoCompress?.running).toBe(false);
    expect(s.autoCompress?.error).toMatch(/cancelled/);
    expect(s.autoCompress?.candidates).toHaveLength(2);
    expect(s.compressUi.auto).toBe(false);
    expect(selectShownPoint(s)).toBe(before);
  });
});
