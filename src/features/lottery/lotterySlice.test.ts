import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { decodeExperiment, encodeExperiment } from '../../url/codec';
import { DEFAULT_COMPRESSION, defaultExperiment } from '../../url/defaults';
import { LOTTERY_ROWS, PAPER_LOTTERY, QUICK_LOTTERY, REWINDING_LOTTERY, type LotteryControls } from '../../url/lotteryFields';
import type { LotteryHandlers, LotteryOutcome, LotteryRequest, LotteryRoundMessage, SavedLotteryInfo } from '../../worker/lottery-protocol';
import { controlsOf, lotteryRequest, presetOf, sameRequest, savedRunNotice } from './lotteryRequest';
import { lotteryActions, type LotteryBridge, type LotteryHost } from './lotteryRun';
import { selectLotteryRunFits, selectShownRounds } from './shown';

function round(variant: LotteryRoundMessage['result']['variant'], r: number, percentRemaining: number, testAccuracy: number): LotteryRoundMessage {
  return {
    result: { variant, name: variant, round: r, percentRemaining, testAccuracy, earlyStopStep: 10, earlyStopTestAccuracy: testAccuracy, steps: 20, startStep: 0, curve: [], layers: [] },
    overlap: r === 0 ? null : { against: variant === 'rewind_init' ? 'one-shot' : 'ticket', jaccard: 0.8, chance: 0.1 },
    firstLayerSurvivors: null,
    ticketKept: variant === 'rewind_init',
  };
}

/** The lottery actions on a store with the few app-store parts they touch, and a fake bridge. */
function makeStore(bridge: LotteryBridge) {
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
    ...lotteryActions(set, get, () => bridge),
  }));
}

/** A bridge whose lottery runs are driven by the test. */
function fakeBridge() {
  const runs: { request: LotteryRequest | null; handlers: LotteryHandlers; finish(o: LotteryOutcome): void; fail(e: Error): void }[] = [];
  const calls: string[] = [];
  let saved: SavedLotteryInfo = { status: 'none' };
  const bridge = {
    startLottery: (request: LotteryRequest, handlers: LotteryHandlers) =>
      new Promise<LotteryOutcome>((finish, fail) => void runs.push({ request, handlers, finish, fail })),
    resumeLottery: (handlers: LotteryHandlers) => new Promise<LotteryOutcome>((finish, fail) => void runs.push({ request: null, handlers, finish, fail })),
    cancelLottery: async () => void calls.push('cancel'),
    savedLottery: async () => saved,
    discardSavedLottery: async () => {
      calls.push('discard');
      saved = { status: 'none' };
    },
    compressTicket: async (ticket: { round: number }, label: string) => {
      calls.push(`ticket ${ticket.round} ${label}`);
      return { modelId: 'lenet_300_100', modelLabel: label, reference: 'ticket' as const, denseBytes: 1_066_440, denseMacs: 266_200, accuracy: 0.97, testCount: 10_000, sparsity: 0.968, firstKernelShape: [784, 300] };
    },
  };
  return { runs, calls, store: makeStore(bridge), setSaved: (s: SavedLotteryInfo) => void (saved = s) };
}

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

  it('offers to resume only a run with the same settings, and says why not otherwise', () => {
    const resumable = (request: LotteryRequest): SavedLotteryInfo => ({ status: 'resumable', request, savedAt: 1, unitsDone: 4, unitCount: 16, fraction: 0.25 });
    expect(savedRunNotice(null, current)).toBeNull();
    expect(savedRunNotice({ status: 'none' }, current)).toBeNull();
    expect(savedRunNotice(resumable(current), current)).toEqual({ text: expect.stringMatching(/interrupted at 25% done/), canResume: true, otherSettings: false });
    const other = savedRunNotice(resumable(lotteryRequest(PAPER_LOTTERY, 0)), current);
    expect(other).toMatchObject({ canResume: false, otherSettings: true });
    expect(other?.text).toMatch(/used other settings \(15 rounds of 20%, 3 epochs a round on all 55,000 images, seed 0\)/);
    expect(savedRunNotice({ status: 'incompatible', reason: 'The saved lottery run comes from another version of the playground.' }, current)).toMatchObject({ canResume: false, text: expect.stringMatching(/another version/) });
    expect(savedRunNotice({ status: 'unavailable', reason: 'This browser gives the page no IndexedDB storage, so a reload cannot resume the run.' }, current)).toMatchObject({ canResume: false });
  });
});

describe('lottery settings in the share link', () => {
  it('leaves the defaults out, round-trips every setting, and names what it ignored', () => {
    const e = defaultExperiment();
    e.view = 'lottery';
    expect(encodeExperiment(e)).toBe('v=1&view=lottery');
    e.lotteryUi = { ...PAPER_LOTTERY, rewindK: 40, scope: 'global', variants: ['finetune', 'rewind_init', 'lr_rewind'] };
    const hash = encodeExperiment(e);
    expect(hash).toContain('rounds=15');
    expect(hash).toContain('variants=rewind_init%2Clr_rewind%2Cfinetune');
    expect(hash).toContain('subset=all');
    const back = decodeExperiment(hash);
    expect(back.notes).toEqual([]);
    expect(back.experiment.lotteryUi).toEqual({ ...e.lotteryUi, variants: ['rewind_init', 'lr_rewind', 'finetune'] });

    const bad = decodeExperiment('v=1&view=lottery&rounds=99&variants=rewind_init,magic&prune_rate=0.2');
    expect(bad.notes).toEqual([
      'Ignored rounds=99: must be a whole number from 1 to 30; using 5.',
      expect.stringMatching(/^Ignored variants=rewind_init,magic: must be a comma-separated list of rewind_init, /),
    ]);
    expect(bad.experiment.lotteryUi).toEqual({ ...QUICK_LOTTERY, rateHidden: 0.2 });
  });

  it('carries the training recipe, and refuses k = 0 saying it would be rewinding to init', () => {
    const e = defaultExperiment();
    e.view = 'lottery';
    e.lotteryUi = { ...REWINDING_LOTTERY };
    const hash = encodeExperiment(e);
    expect(hash).toBe('v=1&view=lottery&recipe=sgd_step&variants=rewind_init%2Crewind_k%2Clr_rewind%2Cfinetune');
    expect(decodeExperiment(hash).experiment.lotteryUi).toEqual(REWINDING_LOTTERY);

    const zero = decodeExperiment('v=1&view=lottery&rewind_k=0&variants=rewind_init,rewind_k&recipe=rmsprop');
    expect(zero.notes).toEqual([
      'Ignored rewind_k=0: must be auto or a whole number of iterations from 1 (at k = 0 "Rewind to iteration k" would be "Rewind to init"); using auto.',
      'Ignored recipe=rmsprop: must be adam or sgd_step; using adam.',
    ]);
    expect(zero.experiment.lotteryUi).toMatchObject({ rewindK: null, recipe: 'adam' });
    expect(decodeExperiment('v=1&view=lottery&rewind_k=1').experiment.lotteryUi.rewindK).toBe(1);
  });
});
