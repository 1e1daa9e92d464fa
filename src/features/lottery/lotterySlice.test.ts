import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_COMPRESSION } from '../../url/defaults';
import { LOTTERY_ROWS, PAPER_LOTTERY, QUICK_LOTTERY, REWINDING_LOTTERY, type LotteryControls } from '../../url/lotteryFields';
import type { LotteryHandlers, LotteryOutcome, LotteryRequest, LotteryRoundMessage, SavedLotteries, SavedLotteryInfo, SavedRunInfo } from '../../worker/lottery-protocol';
import { controlsOf, lotteryRequest, offeredRun, presetOf, sameRequest, savedRunNotice, savedWhen } from './lotteryRequest';
import { lotteryActions, selectOfferedRun, type LotteryBridge, type LotteryHost } from './lotteryRun';
import type { TabRunMemory } from './tabRun';
import { selectLotteryRunFits, selectShownRounds } from './shown';

function round(variant: LotteryRoundMessage['result']['variant'], r: number, percentRemaining: number, testAccuracy: number): LotteryRoundMessage {
  return {
    result: { variant, name: variant, round: r, percentRemaining, testAccuracy, earlyStopStep: 10, earlyStopTestAccuracy: testAccuracy, steps: 20, startStep: 0, curve: [], layers: [] },
    overlap: r === 0 ? null : { against: variant === 'rewind_init' ? 'one-shot' : 'ticket', jaccard: 0.8, chance: 0.1 },
    firstLayerSurvivors: null,
    ticketKept: variant === 'rewind_init',
  };
}

/** This tab's sessionStorage, in memory. */
function tabMemory(id: string | null = null): TabRunMemory {
  return { get: () => id, set: (next) => void (id = next) };
}

/** The lottery actions on a store with the few app-store parts they touch, and a fake bridge. */
function makeStore(bridge: LotteryBridge, tab = tabMemory()) {
  return createStore<LotteryHost>()((set, get) => ({
    spec: { seed: 4 },
    runId: 0,
    view: 'lottery',
    compressUi: { ...DEFAULT_COMPRESSION },
    baseline: null,
    baselineStatus: 'none',
    baselineRunId: null,
    points: [],
    current: null,
    sweep: null,
    compressError: null,
    dropCompression: () => set({ baseline: null, baselineStatus: 'none', baselineRunId: null, points: [] }),
    setView: (view) => set({ view }),
    setCompressUi: (patch) => set((s) => ({ compressUi: { ...s.compressUi, ...patch } })),
    ...lotteryActions(set, get, () => bridge, tab),
  }));
}

/** A bridge whose lottery runs are driven by the test. */
function fakeBridge(tab?: TabRunMemory) {
  const runs: { request: LotteryRequest | null; id: string; handlers: LotteryHandlers; finish(o: LotteryOutcome): void; fail(e: Error): void }[] = [];
  const calls: string[] = [];
  let saved: SavedLotteries = { status: 'listed', runs: [] };
  const bridge = {
    startLottery: (request: LotteryRequest, handlers: LotteryHandlers, id: string) =>
      new Promise<LotteryOutcome>((finish, fail) => void runs.push({ request, id, handlers, finish, fail })),
    resumeLottery: (id: string, handlers: LotteryHandlers) => new Promise<LotteryOutcome>((finish, fail) => void runs.push({ request: null, id, handlers, finish, fail })),
    cancelLottery: async () => void calls.push('cancel'),
    savedLotteries: async () => saved,
    discardSavedLottery: async (id: string) => {
      calls.push(`discard ${id}`);
      if (saved.status === 'listed') saved = { status: 'listed', runs: saved.runs.filter((r) => r.id !== id) };
    },
    compressTicket: async (ticket: { round: number }, label: string) => {
      calls.push(`ticket ${ticket.round} ${label}`);
      return { modelId: 'lenet_300_100', modelLabel: label, reference: 'ticket' as const, denseBytes: 1_066_440, denseMacs: 266_200, accuracy: 0.97, testCount: 10_000, sparsity: 0.968, firstKernelShape: [784, 300] };
    },
  };
  return { runs, calls, store: makeStore(bridge, tab), setSaved: (s: SavedLotteries) => void (saved = s) };
}

/** A saved run as the worker lists it. */
const savedRun = (id: string, request: LotteryRequest, savedAt: number, unitsDone = 4): SavedRunInfo => ({
  status: 'resumable',
  id,
  request,
  savedAt,
  unitsDone,
  unitCount: 16,
  fraction: unitsDone / 16,
});

describe('lottery slice', () => {
  it('runs with the controls as set, streams rounds and progress, and drops events of an older run', async () => {
    const fake = fakeBridge();
    const store = fake.store;
    store.getState().applyLotteryPreset('quick');
    store.getState().setLotteryUi({ rounds: 3 });
    const first = store.getState().startLottery();
    await Promise.resolve();
    expect(fake.runs).toHaveLength(1);
    expect(fake.runs[0].request).toMatchObject({ seed: store.getState().spec.seed, trainLimit: 20_000, settings: { rounds: 3, perRoundRate: { hidden: 0.5, output: 0.25 } } });
    expect(store.getState().lotteryStatus).toBe('loading-data');
    expect(store.getState().lotteryPlan).toEqual({ rounds: 3, variants: ['rewind_init', 'random_reinit', 'random_prune'] });

    const h = fake.runs[0].handlers;
    h.onState('running');
    h.onRound(round('dense', 0, 100, 97.5));
    h.onRound(round('rewind_init', 1, 50.1, 97.8));
    expect(store.getState().lotteryRounds.map((m) => m.result.round)).toEqual([0, 1]);
    // A second Find while running does nothing.
    await store.getState().startLottery();
    expect(fake.runs).toHaveLength(1);

    void store.getState().cancelLottery();
    expect(store.getState().lotteryStatus).toBe('cancelling');
    expect(fake.calls).toContain('cancel');
    fake.runs[0].finish({ status: 'cancelled', rounds: 2, seconds: 3 });
    await first;
    expect(store.getState().lotteryStatus).toBe('cancelled');

    // A new run forgets the old rounds; late events of the old one are ignored.
    const second = store.getState().startLottery();
    await Promise.resolve();
    expect(store.getState().lotteryRounds).toEqual([]);
    h.onRound(round('rewind_init', 2, 25, 97.1));
    expect(store.getState().lotteryRounds).toEqual([]);
    fake.runs[1].fail(new Error('The MNIST file train-images-idx3-ubyte.gz is missing (HTTP 404).'));
    await second;
    expect(store.getState().lotteryStatus).toBe('error');
    expect(store.getState().lotteryError).toMatch(/^The lottery run stopped: The MNIST file .* is missing/);
  });

  it('draws the kept rounds only while the controls ask for their run, and can bring that run back', async () => {
    const fake = fakeBridge();
    const store = fake.store;
    const run = store.getState().startLottery();
    await Promise.resolve();
    const h = fake.runs.at(-1)!.handlers;
    h.onRound(round('dense', 0, 100, 97.5));
    h.onRound(round('rewind_init', 1, 50, 97.8));
    fake.runs.at(-1)!.finish({ status: 'done', rounds: 2, seconds: 1 });
    await run;
    expect(selectShownRounds(store.getState())).toHaveLength(2);

    // Another experiment on the controls (as a link or a lesson step would set): no figure of the
    // old run is drawn for it, but the rounds are kept.
    store.getState().setLotteryUi({ rounds: store.getState().lotteryUi.rounds + 1 });
    expect(selectLotteryRunFits(store.getState())).toBe(false);
    expect(selectShownRounds(store.getState())).toEqual([]);
    expect(store.getState().lotteryRounds).toHaveLength(2);
    store.setState((s) => ({ spec: { ...s.spec, seed: 99 } }));

    store.getState().showLastLotteryRun();
    expect(store.getState().spec.seed).toBe(4);
    expect(selectShownRounds(store.getState())).toHaveLength(2);
  });

  it('hands a ticket to the compression lab at its sparsity with 4-bit codes and opens the Compress view', async () => {
    const fake = fakeBridge();
    const store = fake.store;
    const run = store.getState().startLottery();
    await Promise.resolve();
    const h = fake.runs.at(-1)!.handlers;
    h.onRound(round('dense', 0, 100, 97.5));
    h.onRound(round('rewind_init', 1, 3.58, 97.4));
    fake.runs.at(-1)!.finish({ status: 'done', rounds: 2, seconds: 1 });
    await run;

    await store.getState().compressTicket(1);
    const s = store.getState();
    expect(fake.calls).toContain('ticket 1 Lottery ticket, round 1 (3.58% of weights)');
    expect(s.view).toBe('compress');
    expect(s.baselineStatus).toBe('ready');
    expect(s.baseline?.modelLabel).toBe('Lottery ticket, round 1 (3.58% of weights)');
    expect(s.compressUi).toMatchObject({ method: 'global_magnitude', bits: 4, includeFirstLayer: true, includeOutputLayer: true });
    // The highest slider stop at or below the ticket's 96.42%: the ticket's mask, nothing more.
    expect(s.compressUi.sparsity).toBeLessThanOrEqual(0.9642);
    expect(s.compressUi.sparsity).toBeGreaterThan(0.963);
    expect(s.lotteryTicket).toEqual({ round: 1, sending: false, error: null });
  });
});

describe('lottery requests and saved runs', () => {
  const current = lotteryRequest(QUICK_LOTTERY, 0);

  it('maps the controls to a request and back, and names the presets', () => {
    expect(current).toEqual({
      seed: 0,
      recipe: 'adam',
      settings: { rounds: 5, perRoundRate: { hidden: 0.5, output: 0.25 }, scope: 'layerwise', epochsPerRound: 2, variants: ['rewind_init', 'random_reinit', 'random_prune'] },
      trainLimit: 20_000,
    });
    expect(controlsOf(current)).toEqual(QUICK_LOTTERY);
    expect(lotteryRequest({ ...PAPER_LOTTERY, rewindK: 12 }, 3)).toMatchObject({ settings: { rewindStep: 12 } });
    expect(lotteryRequest(PAPER_LOTTERY, 3).trainLimit).toBeUndefined();
    expect(presetOf(QUICK_LOTTERY)).toBe('quick');
    expect(presetOf(PAPER_LOTTERY)).toBe('paper');
    expect(presetOf(REWINDING_LOTTERY)).toBe('rewinding');
    // The same pruning under the constant Adam rate is not the rewinding preset.
    expect(presetOf({ ...REWINDING_LOTTERY, recipe: 'adam' })).toBe('custom');
    expect(lotteryRequest(REWINDING_LOTTERY, 0)).toMatchObject({ recipe: 'sgd_step', settings: { variants: ['rewind_init', 'rewind_k', 'lr_rewind', 'finetune'] } });
    expect(controlsOf(lotteryRequest(REWINDING_LOTTERY, 0))).toEqual(REWINDING_LOTTERY);
    // A request saved before recipes existed trained with Adam.
    expect(controlsOf({ seed: 0, settings: {} }).recipe).toBe('adam');
    expect(presetOf({ ...PAPER_LOTTERY, rounds: 14 })).toBe('custom');
    // Every setting counts (compared row by row from the link's table); the variants' order does not.
    expect(presetOf({ ...QUICK_LOTTERY, variants: ['random_prune', 'rewind_init', 'random_reinit'] })).toBe('quick');
    const changed: LotteryControls = { rounds: 6, rateHidden: 0.4, rateOutput: 0.2, scope: 'global', epochsPerRound: 1, rewindK: 10, variants: ['rewind_init'], trainLimit: null, recipe: 'sgd_step' };
    expect(Object.keys(changed).sort()).toEqual(Object.keys(LOTTERY_ROWS).sort());
    for (const [prop, value] of Object.entries(changed)) expect(presetOf({ ...QUICK_LOTTERY, [prop]: value }), prop).toBe('custom');
    expect(sameRequest(current, lotteryRequest({ ...QUICK_LOTTERY, variants: ['random_prune', 'rewind_init', 'random_reinit'] }, 0))).toBe(true);
    expect(sameRequest(current, lotteryRequest(QUICK_LOTTERY, 1))).toBe(false);
  });

  it('offers to resume only a run with the same settings, says which run it is, and why not otherwise', () => {
    const now = new Date(2026, 11, 3, 14, 5).getTime();
    const resumable = (request: LotteryRequest): SavedLotteryInfo => savedRun('run-1', request, now - 60_000);
    expect(savedRunNotice(null, current)).toBeNull();
    expect(savedRunNotice({ status: 'none' }, current)).toBeNull();
    expect(savedRunNotice(resumable(current), current, null, now)).toEqual({
      text: 'A lottery run with these settings (5 rounds of 50%, 2 epochs a round on 20,000 images, seed 0), saved in this browser at 2:04 PM, was interrupted at 25% done. Resume it from its last finished round.',
      canResume: true,
      otherSettings: false,
    });
    expect(savedRunNotice(resumable(current), current, 'run-1', now)?.text).toMatch(/seed 0\), saved by this tab at 2:04 PM, was interrupted/);
    expect(savedRunNotice(savedRun('run-1', current, now - 86_400_000, 16), current, null, now)?.text).toBe(
      'The finished lottery run with these settings (5 rounds of 50%, 2 epochs a round on 20,000 images, seed 0), saved in this browser on Dec 2 at 2:05 PM, is kept: resume it to see its results again.',
    );
    const other = savedRunNotice(resumable(lotteryRequest(PAPER_LOTTERY, 0)), current, null, now);
    expect(other).toMatchObject({ canResume: false, otherSettings: true });
    expect(other?.text).toMatch(/used other settings \(15 rounds of 20%, 3 epochs a round on all 55,000 images, seed 0\)/);
    expect(savedRunNotice({ status: 'incompatible', id: 'x', savedAt: 0, reason: 'The saved lottery run comes from another version of the playground.' }, current)).toMatchObject({ canResume: false, text: expect.stringMatching(/another version/) });
    expect(savedRunNotice({ status: 'unavailable', reason: 'This browser gives the page no IndexedDB storage, so a reload cannot resume the run.' }, current)).toMatchObject({ canResume: false });
    // A time that is not one is left out rather than written as "Invalid Date".
    for (const bad of [0, Number.NaN, 8_640_000_000_000_001]) expect(savedWhen(bad, now)).toBe('');
  });

  it("of several saved runs, offers one with these settings (this tab's first), else this tab's, else the newest", () => {
    const paper = lotteryRequest(PAPER_LOTTERY, 0);
    const listed = (...runs: SavedRunInfo[]): SavedLotteries => ({ status: 'listed', runs });
    const [mineOther, theirsSame, olderSame] = [savedRun('mine', paper, 30), savedRun('theirs', current, 20), savedRun('older', current, 10)];
    expect(offeredRun(listed(mineOther, theirsSame, olderSame), current, 'mine')).toBe(theirsSame);
    expect(offeredRun(listed(theirsSame, { ...olderSame, id: 'mine' }), current, 'mine')).toMatchObject({ id: 'mine' });
    expect(offeredRun(listed(savedRun('newest', paper, 40), mineOther), current, 'mine')).toBe(mineOther);
    expect(offeredRun(listed(savedRun('newest', paper, 40), mineOther), current, null)).toMatchObject({ id: 'newest' });
    expect(offeredRun(listed(), current, 'mine')).toBeNull();
    expect(offeredRun({ status: 'unavailable', reason: 'No storage.' }, current, 'mine')).toEqual({ status: 'unavailable', reason: 'No storage.' });
  });
});

describe('saved runs in the slice', () => {
  it("starts each run under a new id this tab remembers, resumes the offered run by its id, and discards only that one", async () => {
    const tab = tabMemory('run-from-before-the-reload');
    const fake = fakeBridge(tab);
    const store = fake.store;
    expect(store.getState().lotteryOwnRunId).toBe('run-from-before-the-reload');
    store.getState().applyLotteryPreset('quick');
    const request = lotteryRequest(store.getState().lotteryUi, store.getState().spec.seed);
    fake.setSaved({ status: 'listed', runs: [savedRun('other-tab', request, 20), savedRun('run-from-before-the-reload', request, 10)] });
    await store.getState().checkSavedLottery();
    expect(selectOfferedRun(store.getState())).toMatchObject({ id: 'run-from-before-the-reload' });

    const resumed = store.getState().resumeLottery();
    await Promise.resolve();
    expect(fake.runs.at(-1)?.id).toBe('run-from-before-the-reload');
    fake.runs.at(-1)!.finish({ status: 'done', rounds: 16, seconds: 1 });
    await resumed;

    const started = store.getState().startLottery();
    await Promise.resolve();
    const id = fake.runs.at(-1)!.id;
    expect(id).toMatch(/^lottery-[0-9a-z]+-[0-9a-z]+$/);
    expect(tab.get()).toBe(id);
    expect(store.getState().lotteryOwnRunId).toBe(id);
    fake.runs.at(-1)!.finish({ status: 'cancelled', rounds: 1, seconds: 1 });
    await started;
    // A second run gets an id of its own: it never takes the place of the first.
    const again = store.getState().startLottery();
    await Promise.resolve();
    expect(fake.runs.at(-1)!.id).not.toBe(id);
    fake.runs.at(-1)!.finish({ status: 'cancelled', rounds: 1, seconds: 1 });
    await again;

    // Discard removes the run offered now (the other tab's, this tab's own not being saved), no other.
    await store.getState().discardSavedLottery();
    expect(fake.calls.filter((c) => c.startsWith('discard'))).toEqual(['discard other-tab']);
  });
});
