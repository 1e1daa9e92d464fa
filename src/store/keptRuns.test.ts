// Lottery and transfer runs in the History, on the real store with a fake worker: a run that ends
// is kept with its kind and figures, and History "Open" brings its view back with those figures
// shown only while the controls ask for the settings they were measured with (the store rule).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineBridge } from '../bridge/engine-bridge-types';
import { selectShownRounds } from '../features/lottery/shown';
import { selectShownTransferResults } from '../features/transfer/shown';
import { sampleLotteryRun } from '../history/sampleRun';
import type { LotteryRunSummary, TransferRunSummary } from '../history/types';
import type { LotteryRoundMessage } from '../worker/lottery-protocol';
import type { TransferResult } from '../worker/transfer-protocol';
import { setBridgeForTests } from './bridge';
import { useAppStore } from '.';

// The store keeps the address bar in step with the controls: a minimal window for Node (hoisted
// above the imports, which build the store). No indexedDB: the History keeps runs in memory.
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

function round(variant: LotteryRoundMessage['result']['variant'], r: number, percentRemaining: number, testAccuracy: number): LotteryRoundMessage {
  return {
    result: {
      variant,
      name: variant === 'dense' ? 'Dense' : 'Rewind to init',
      round: r,
      percentRemaining,
      testAccuracy,
      earlyStopStep: 40,
      earlyStopTestAccuracy: testAccuracy - 0.5,
      steps: 50,
      startStep: 0,
      curve: [{ step: 50, trainLoss: 0.3, validationLoss: 0.25, validationAccuracy: testAccuracy }],
      layers: [{ name: 'dense_1/kernel', kept: Math.round(2352 * percentRemaining), total: 235200, percentRemaining }],
    },
    overlap: variant === 'dense' ? null : { against: 'one-shot', jaccard: 0.6, chance: percentRemaining / 100 },
    firstLayerSurvivors: new Float32Array(784).fill(percentRemaining / 100),
    ticketKept: variant !== 'dense',
  };
}

const ROUNDS = [round('dense', 0, 100, 91.5), round('rewind_init', 1, 51.2, 92.25), round('rewind_init', 2, 26.3, 90.75)];

function result(method: TransferResult['method'], labeled: number, accuracy: number): TransferResult {
  return { method, labeled, accuracy, testCount: 4861, validationAccuracy: accuracy, validationCount: 500, steps: 30, flops: labeled * 1e6, ms: 120, trainedParams: 850, extractorSparsity: 0 };
}

const RESULTS = [result('scratch', 10, 0.41), result('frozen', 10, 0.62), result('finetune', 10, 0.58)];

const fakeBridge = {
  async startLottery(_request, handlers) {
    handlers.onState('running');
    for (const r of ROUNDS) handlers.onRound(r);
    return { status: 'done', rounds: 2, seconds: 3.5 };
  },
  savedLotteries: async () => ({ status: 'listed', runs: [] }),
  async runTransfer(request, handlers) {
    for (const r of RESULTS) handlers.onResult(r);
    return { status: 'done', pretrained: null, pruned: null, results: request.labelCounts.includes(10) ? RESULTS : [] };
  },
  cancelTransfer: async () => undefined,
} as Partial<EngineBridge> as EngineBridge;

const initial = useAppStore.getState();
const kept = () => useAppStore.getState().historyRuns;

describe('lottery and transfer runs in the History', () => {
  beforeEach(async () => {
    setBridgeForTests(fakeBridge);
    useAppStore.setState(initial, true);
    await useAppStore.getState().loadHistory();
    // One History for the whole file (the page's, in memory here): each test starts it empty.
    for (const run of kept()) await useAppStore.getState().deleteRun(run.id);
  });
  afterEach(() => setBridgeForTests(null));

  it('keeps a lottery run that ends, and Open shows its rounds again with its settings', async () => {
    useAppStore.getState().applyLink('#v=1&view=lottery&seed=5');
    const request = useAppStore.getState().lotteryRunRequest;
    await useAppStore.getState().startLottery();
    await vi.waitFor(() => expect(kept().map((r) => r.kind)).toEqual(['lottery']));
    const summary = kept()[0] as LotteryRunSummary;
    expect(summary).toMatchObject({ seed: 5, roundsDone: 2, denseAccuracy: 0.915, sparsest: { round: 2, percentRemaining: 26.3, accuracy: 0.9075 } });
    expect(useAppStore.getState().lotteryRunRequest).not.toBe(request);
    const ran = useAppStore.getState().lotteryRunRequest;

    // Other settings, and the rounds of another run, in the view: Open brings this run back.
    useAppStore.getState().applyLink('#v=1&view=train&seed=9');
    useAppStore.setState({ lotteryRounds: [round('dense', 0, 100, 50)], lotteryRunRequest: null });
    useAppStore.getState().openRun(summary.id);
    expect(useAppStore.getState().view).toBe('lottery');
    expect(useAppStore.getState().spec.seed).toBe(5);
    await vi.waitFor(() => expect(selectShownRounds(useAppStore.getState())).toHaveLength(3));
    const shown = selectShownRounds(useAppStore.getState());
    expect(shown.map((m) => [m.result.variant, m.result.round, m.result.percentRemaining, m.result.testAccuracy])).toEqual(ROUNDS.map((m) => [m.result.variant, m.result.round, m.result.percentRemaining, m.result.testAccuracy]));
    expect(shown[2].result.curve).toEqual(ROUNDS[2].result.curve);
    expect(shown[2].result.layers).toEqual(ROUNDS[2].result.layers);
    expect(shown.map((m) => m.overlap)).toEqual(ROUNDS.map((m) => m.overlap));
    // The ticket's weights stayed with the run that trained them: nothing to hand over.
    expect(shown.some((m) => m.ticketKept)).toBe(false);
    expect(useAppStore.getState().lotteryRunRequest).toEqual(ran);
    expect(useAppStore.getState().historyNotice).toMatch(/settings and results are back/);

    // The figures belong to that run's settings: another seed shows none of them.
    useAppStore.getState().updateSpec({ seed: 6 });
    expect(selectShownRounds(useAppStore.getState())).toEqual([]);
  });

  it('keeps a transfer run, and Open shows its results with its task, labels and seed', async () => {
    useAppStore.getState().applyLink('#v=1&view=transfer&seed=3');
    useAppStore.getState().setTransferLabels(10);
    await useAppStore.getState().runTransfer();
    await vi.waitFor(() => expect(kept().map((r) => r.kind)).toEqual(['transfer']));
    const summary = kept()[0] as TransferRunSummary;
    expect(summary).toMatchObject({ seed: 3, labels: 10, task: 'digits', comparedAt: 10, frozen: 0.62, scratch: 0.41, frozenPruned: null, resultCount: 3 });

    // A reloaded tab: other settings, and no transfer results in memory.
    useAppStore.getState().applyLink('#v=1&view=train&seed=8');
    useAppStore.getState().setTransferLabels(1000);
    useAppStore.setState({ transferResults: [], transferResultsFor: null });
    expect(selectShownTransferResults(useAppStore.getState())).toEqual([]);
    useAppStore.getState().openRun(summary.id);
    expect(useAppStore.getState().view).toBe('transfer');
    expect(useAppStore.getState().transferLabels).toBe(10);
    await vi.waitFor(() => expect(selectShownTransferResults(useAppStore.getState())).toEqual(RESULTS));

    useAppStore.getState().updateSpec({ seed: 4 });
    expect(selectShownTransferResults(useAppStore.getState())).toEqual([]);
  });

  it('Open over a lottery run still measuring changes its settings but leaves its rounds alone, and says so', async () => {
    useAppStore.getState().applyLink('#v=1&view=lottery&seed=5');
    await useAppStore.getState().startLottery();
    await vi.waitFor(() => expect(kept()).toHaveLength(1));
    const running = [round('dense', 0, 100, 40)];
    useAppStore.setState({ lotteryStatus: 'running', lotteryRounds: running });
    useAppStore.getState().openRun(kept()[0].id);
    await vi.waitFor(() => expect(useAppStore.getState().historyNotice).toMatch(/its results stay in the History while this run goes on/));
    expect(useAppStore.getState().lotteryRounds).toBe(running);
  });

  it('a resumed lottery run replaces its record (same id) and keeps the name it was given', async () => {
    const first = sampleLotteryRun('lottery-abc', 1, { rounds: sampleLotteryRun('x', 1).rounds.slice(0, 3) });
    await useAppStore.getState().keepRun(first);
    await useAppStore.getState().renameRun('lottery-abc', 'Our ticket');
    await useAppStore.getState().keepRun(sampleLotteryRun('lottery-abc', 2));
    expect(kept().map((r) => [r.id, r.name, (r as LotteryRunSummary).roundsDone])).toEqual([['lottery-abc', 'Our ticket', 2]]);
  });

  it('a lottery run that trained nothing is not kept', async () => {
    setBridgeForTests({ ...fakeBridge, startLottery: async () => ({ status: 'cancelled', rounds: 0, seconds: 0.2 }) } as EngineBridge);
    await useAppStore.getState().startLottery();
    await new Promise((r) => setTimeout(r, 50));
    expect(kept()).toEqual([]);
  });
});
