// The store rule, on the real store with a fake worker: a figure shows only while the controls ask
// for exactly what it was measured with, and every way the controls change (a share link, History
// "Open", a lesson step) asks for a new measurement.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineBridge } from '../../bridge/engine-bridge-types';
import { DEFAULT_SPEC } from '../../engine/spec/defaults';
import { setBridgeForTests } from '../../store/bridge';
import { useAppStore } from '../../store';
import { DEFAULT_COMPRESS_UI, settingsKey } from '../../url/compressControls';
import type { BaselineInfo, CompressionPoint, CompressionSettings } from '../../worker/compression-protocol';
import { selectShownPoint, selectShownState } from './shown';

// The store keeps the address bar in step with the controls: a minimal window for Node (hoisted
// above the imports, which build the store).
vi.hoisted(() => {
  const storage = new Map<string, string>();
  Object.assign(globalThis, {
    window: {
      location: { hash: '', origin: 'http://localhost', pathname: '/', search: '' },
      history: { state: null, replaceState: () => undefined },
      sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
});

const BASELINE: BaselineInfo = { modelId: 'lenet_300_100', modelLabel: 'LeNet-300-100', reference: 'dense model', denseBytes: 1_066_440, denseMacs: 266_200, accuracy: 0.98, testCount: 10_000, sparsity: 0, firstKernelShape: [784, 300] };

/** A made-up figure that says which settings it belongs to: accuracy falls with sparsity. */
function pointFor(settings: CompressionSettings, estimate: boolean, extra: Partial<CompressionPoint> = {}): CompressionPoint {
  const s = settings.pruning.sparsity;
  return {
    jobId: 1,
    settings,
    sparsity: s,
    denseBytes: BASELINE.denseBytes,
    encodedBytes: Math.round(BASELINE.denseBytes * (1 - s) * (settings.quantization.bits / 32)) + 1000,
    ratio: 1 / Math.max(0.001, 1 - s),
    denseMacs: 266_200,
    sparseMacs: Math.round(266_200 * (1 - s)),
    breakdown: [],
    notes: [],
    accuracy: 0.98 - s / 10,
    evaluatedOn: estimate ? 1000 : 10_000,
    estimate,
    ms: 1,
    ...extra,
  };
}

interface Fake {
  requests: string[];
  downloads: { key: string; fineTunedEpochs: number }[];
}

function fakeBridge(fake: Fake): EngineBridge {
  const partial: Partial<EngineBridge> = {
    compressionBaseline: async () => BASELINE,
    async compress(settings, handlers) {
      fake.requests.push(settingsKey(settings));
      handlers.onEstimate(pointFor(settings, true));
      return pointFor(settings, false);
    },
    async fineTune(settings, epochs, handlers) {
      handlers.onProgress(1, 1, 0.1);
      return pointFor(settings, false, { accuracy: 0.985, fineTunedEpochs: epochs, quantizeAware: true, accuracyBeforeFineTune: 0.9 });
    },
    async encodedModel(settings, fineTunedEpochs = 0) {
      fake.downloads.push({ key: settingsKey(settings), fineTunedEpochs });
      return new Uint8Array(4);
    },
    cancelFineTune: async () => undefined,
  };
  return partial as EngineBridge;
}

const settle = () => new Promise((r) => setTimeout(r, 120));
const initial = useAppStore.getState();

describe('compression figures carry their settings', () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = { requests: [], downloads: [] };
    setBridgeForTests(fakeBridge(fake));
    useAppStore.setState(initial, true);
    useAppStore.setState({ runState: 'done', runId: 1, runSpec: { ...DEFAULT_SPEC }, view: 'compress' });
    await useAppStore.getState().syncBaseline();
    await settle();
  });
  afterEach(() => setBridgeForTests(null));

  it('measures a link that changes the settings, and never shows the old setting meanwhile', async () => {
    const dense = selectShownPoint(useAppStore.getState());
    expect(dense?.settings.pruning.sparsity).toBe(0);
    expect(dense?.estimate).toBe(false);

    useAppStore.getState().applyLink('#v=1&view=compress&sparsity=0.9&bits=4');
    // The controls moved; the dense figure must not be shown for them.
    expect(selectShownPoint(useAppStore.getState())).toBeNull();
    expect(selectShownState(useAppStore.getState())).toBe('measuring');
    await settle();

    const shown = selectShownPoint(useAppStore.getState());
    expect(fake.requests.at(-1)).toBe(settingsKey(shown!.settings));
    expect(shown?.settings.pruning.sparsity).toBe(0.9);
    expect(shown?.settings.quantization.bits).toBe(4);
    expect(selectShownState(useAppStore.getState())).toBe('final');
  });

  it('never calls an older setting\'s late answer final while a newer one waits in its debounce', async () => {
    // A worker that answers only when told to.
    const pending: (() => void)[] = [];
    setBridgeForTests({
      ...fakeBridge(fake),
      compress: (settings, handlers) =>
        new Promise((resolve) => {
          fake.requests.push(settingsKey(settings));
          pending.push(() => {
            handlers.onEstimate(pointFor(settings, true));
            resolve(pointFor(settings, false));
          });
        }),
    } as EngineBridge);
    useAppStore.getState().setCompressUi({ sparsity: 0.5 });
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.requests.at(-1)).toContain('|0.5|');
    // The next move lands while 50% is still being measured: it waits for its debounce.
    useAppStore.getState().setCompressUi({ sparsity: 0.8 });
    pending.shift()!();
    await Promise.resolve();
    expect(useAppStore.getState().current?.settings.pruning.sparsity).not.toBe(0.8);
    expect(selectShownState(useAppStore.getState())).toBe('measuring');
    await settle();
    pending.shift()!();
    await settle();
    expect(selectShownPoint(useAppStore.getState())?.settings.pruning.sparsity).toBe(0.8);
    expect(selectShownState(useAppStore.getState())).toBe('final');
  });

  it('shows a figure measured before at once when the controls come back to it', async () => {
    useAppStore.getState().setCompressUi({ sparsity: 0.5 });
    await settle();
    useAppStore.getState().setCompressUi({ sparsity: 0 });
    const back = selectShownPoint(useAppStore.getState());
    expect(back?.settings.pruning.sparsity).toBe(0);
    expect(back?.estimate).toBe(false);
  });

  it('drops figures of a previous model, even when they arrive late', async () => {
    const before = useAppStore.getState().labModelId;
    useAppStore.getState().dropCompression();
    expect(useAppStore.getState().labModelId).toBe(before + 1);
    expect(selectShownPoint(useAppStore.getState())).toBeNull();
    expect(useAppStore.getState().points).toEqual([]);
  });

  it('makes the fine-tuned model the current one, and a slider move goes back to post-training', async () => {
    useAppStore.getState().setCompressUi({ sparsity: 0.9, bits: 4 });
    await settle();
    useAppStore.getState().setFineTuneEpochs(2);
    await useAppStore.getState().startFineTune();

    const s = useAppStore.getState();
    expect(s.compressUi.fineTuned).toBe(2);
    const shown = selectShownPoint(s);
    expect(shown?.fineTunedEpochs).toBe(2);
    expect(shown?.accuracy).toBe(0.985);
    // "Before" is the same settings' figure, measured by the same job.
    expect(s.fineTune?.result?.accuracyBeforeFineTune).toBe(0.9);

    await s.encodedModelFile('compressed');
    expect(fake.downloads.at(-1)).toEqual({ key: settingsKey(shown!.settings), fineTunedEpochs: 2 });

    useAppStore.getState().setCompressUi({ bits: 8 });
    expect(useAppStore.getState().compressUi.fineTuned).toBe(0);
    await settle();
    expect(selectShownPoint(useAppStore.getState())?.fineTunedEpochs).toBeUndefined();
  });

  it('a link to a fine-tuned setting asks for Fine-tune instead of showing the post-training figure', async () => {
    useAppStore.getState().applyLink('#v=1&view=compress&sparsity=0.9&bits=4&finetune=3');
    await settle();
    const s = useAppStore.getState();
    expect(selectShownPoint(s)).toBeNull();
    expect(selectShownState(s)).toBe('needs-fine-tune');
    expect(s.fineTuneEpochs).toBe(3);
    expect(s.compressUi).toEqual({ ...DEFAULT_COMPRESS_UI, sparsity: 0.9, bits: 4, fineTuned: 3 });
  });
});
