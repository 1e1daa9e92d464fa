// The Transfer view's "Pretraining" choice in the store: the request carries it, and results or a
// pretraining status measured with one choice never stay on screen under the other. The actions run
// in a plain zustand store on a fake bridge (the app's store needs React and a worker); like
// src/store/index.ts, the store clears the results when the choice changes.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { TransferHandlers, TransferOutcome, TransferPretrainInfo, TransferRequest, TransferResult } from '../../worker/transfer-protocol';
import { transferActions, type TransferBridge, type TransferHost } from './transferRun';
import { selectShownTransferResults, selectTransferFits } from './shown';

/** The transfer slice, the seed it reads, and the app store's rule: a new choice drops the old results. */
function makeStore(bridge: TransferBridge) {
  const store = createStore<TransferHost>()((set, get) => ({ spec: { seed: 0 }, ...transferActions(set, get, () => bridge) }));
  store.subscribe((s, prev) => {
    if (s.transferPretraining !== prev.transferPretraining) s.clearTransferResults();
  });
  return store;
}

function fakeBridge() {
  const runs: { request: TransferRequest; handlers: TransferHandlers; finish(o: TransferOutcome): void }[] = [];
  const calls: string[] = [];
  const bridge: TransferBridge = {
    runTransfer: (request, handlers) => new Promise<TransferOutcome>((finish) => void runs.push({ request, handlers, finish })),
    cancelTransfer: async () => void calls.push('cancel'),
  };
  return { runs, calls, bridge };
}

const info = (pretraining: TransferPretrainInfo['pretraining'], images: number): TransferPretrainInfo => ({
  taskId: 'digits',
  pretraining,
  taskLabel: 'MNIST digits 0-4 → digits 5-9',
  sourceClasses: ['0', '1', '2', '3', '4'],
  targetClasses: ['5', '6', '7', '8', '9'],
  sourceAccuracy: 0.99,
  sourceTrainImages: images,
  sourceEpochs: 3,
  flops: 1e11,
  ms: 50_000,
  reused: false,
});

const result = (method: TransferResult['method'], accuracy: number) =>
  ({ method, labeled: 100, accuracy, testCount: 4861, flops: 1e9, ms: 500, steps: 94, extractorSparsity: 0 }) as TransferResult;

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the transfer pretraining choice', () => {
  it('is quick by default and is sent with the request', async () => {
    const fake = fakeBridge();
    const store = makeStore(fake.bridge);
    expect(store.getState().transferPretraining).toBe('quick');
    const quickRun = store.getState().runTransfer();
    expect(fake.runs[0].request.pretraining).toBe('quick');
    fake.runs[0].finish({ status: 'done', pretrained: null, pruned: null, results: [] });
    await quickRun;

    store.getState().setTransferPretraining('full');
    const fullRun = store.getState().runTransfer();
    expect(fake.runs[1].request).toMatchObject({ task: 'digits', pretraining: 'full', labelCounts: [10, 100] });
    fake.runs[1].handlers.onPretrained(info('full', 28_076));
    fake.runs[1].handlers.onResult(result('frozen', 0.94));
    fake.runs[1].finish({ status: 'done', pretrained: info('full', 28_076), pruned: null, results: [result('frozen', 0.94)] });
    await fullRun;
    expect(store.getState().transferPretrained).toMatchObject({ pretraining: 'full', sourceTrainImages: 28_076 });
    expect(store.getState().transferResults).toHaveLength(1);
  });

  it('drops the results and the pretraining status of the other choice when it changes', async () => {
    const fake = fakeBridge();
    const store = makeStore(fake.bridge);
    store.getState().setTransferPretraining('full');
    const run = store.getState().runTransfer();
    fake.runs[0].handlers.onPretrained(info('full', 28_076));
    fake.runs[0].handlers.onResult(result('scratch', 0.87));
    fake.runs[0].finish({ status: 'done', pretrained: info('full', 28_076), pruned: null, results: [result('scratch', 0.87)] });
    await run;
    expect(store.getState().transferResults).toHaveLength(1);

    store.getState().setTransferPretraining('quick');
    const s = store.getState();
    expect(s.transferResults).toEqual([]);
    expect(s.transferPretrained).toBeNull();
    expect(s.transferStage).toBeNull();
  });

  it('cancels a run in flight when a link changes it, and ignores that run\'s late reports', async () => {
    const fake = fakeBridge();
    const store = makeStore(fake.bridge);
    const run = store.getState().runTransfer();
    expect(fake.runs[0].request.pretraining).toBe('quick');
    // A pasted link sets the state directly, as applyLink does.
    store.setState({ transferPretraining: 'full' });
    await flush();
    expect(fake.calls).toEqual(['cancel']);
    fake.runs[0].handlers.onPretrained(info('quick', 6000));
    fake.runs[0].handlers.onResult(result('frozen', 0.9));
    fake.runs[0].finish({ status: 'cancelled', pretrained: info('quick', 6000), pruned: null, results: [result('frozen', 0.9)] });
    await run;
    const s = store.getState();
    expect(s.transferPretrained).toBeNull();
    expect(s.transferResults).toEqual([]);
    expect(s.transferStage).toBeNull();
    expect(s.transferRunning).toBe(false);
  });

  it('shows results only while the seed is the one they were measured with', async () => {
    const fake = fakeBridge();
    const store = makeStore(fake.bridge);
    const run = store.getState().runTransfer();
    fake.runs[0].handlers.onPretrained(info('quick', 6000));
    fake.runs[0].handlers.onResult(result('frozen', 0.9));
    fake.runs[0].finish({ status: 'done', pretrained: info('quick', 6000), pruned: null, results: [result('frozen', 0.9)] });
    await run;
    expect(selectShownTransferResults(store.getState())).toHaveLength(1);

    // The Train view's seed (or a link) changes: seed 0's figures are not this experiment's.
    store.setState({ spec: { seed: 7 } });
    expect(selectTransferFits(store.getState())).toBe(false);
    expect(selectShownTransferResults(store.getState())).toEqual([]);

    // A run for seed 7 does not keep seed 0's results beside its own.
    const second = store.getState().runTransfer();
    expect(fake.runs[1].request.seed).toBe(7);
    expect(store.getState().transferResults).toEqual([]);
    fake.runs[1].finish({ status: 'done', pretrained: null, pruned: null, results: [] });
    await second;
  });
});
