import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnist } from '../../test/mnist';
import { SNAPSHOT_VERSION } from '../engine/lottery';
import type { Dataset } from '../engine/spec/types';
import type { LotteryHandlers, LotteryProgressMessage, LotteryRequest, LotteryRoundMessage, SaveNote } from './lottery-protocol';
import { limitTraining, LotterySession, lotterySpec } from './lottery-session';
import { headerOf, inspectSaved, SAVE_VERSION, savedRecord, type LotteryStorage, type SavedLottery } from './lottery-store';

let mnist: Dataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  mnist = smallMnist({ validationSize: 300, trainLimit: 600, testLimit: 300 });
});

/** IndexedDB's part, in memory: each run under its id, with its header, as lottery-store keeps them. */
class MemoryStorage implements LotteryStorage {
  readonly values = new Map<string, unknown>();
  saves = 0;
  /** The run saved last (most tests save one). */
  get value(): unknown {
    return [...this.values.values()].at(-1);
  }
  async list() {
    return [...this.values].map(([id, value]) => headerOf(id, value));
  }
  async load(id: string) {
    return this.values.get(id);
  }
  async save(id: string, record: SavedLottery) {
    this.saves++;
    this.values.delete(id);
    this.values.set(id, structuredClone(record));
  }
  async clear(id: string) {
    this.values.delete(id);
  }
}

// A narrow LeNet (784-40-20-10) keeps the cpu backend fast.
const request: LotteryRequest = {
  seed: 5,
  hidden: [40, 20],
  settings: { rounds: 2, itersPerRound: 4, perRoundRate: { hidden: 0.5, output: 0.25 }, variants: ['rewind_init', 'random_reinit', 'random_prune'] },
};

function recorder() {
  const rounds: LotteryRoundMessage[] = [];
  const progress: LotteryProgressMessage[] = [];
  const states: string[] = [];
  const saved: SaveNote[] = [];
  const handlers: LotteryHandlers = {
    onState: (s) => void states.push(s),
    onRound: (r) => void rounds.push(r),
    onProgress: (p) => void progress.push(p),
    onSaved: (n) => void saved.push(n),
  };
  return { rounds, progress, states, saved, handlers };
}

describe('LotterySession', () => {
  it('streams every round with its mask overlap and first-layer survivors, saves, and keeps the ticket', async () => {
    const before = tf.memory().numTensors;
    const storage = new MemoryStorage();
    const session = new LotterySession(() => storage);
    const r = recorder();
    const outcome = await session.start(request, mnist, r.handlers, { id: 'run-1' });

    expect(outcome.status).toBe('done');
    // Trunk + 2 rounds x 3 variants.
    expect(r.rounds.map((m) => `${m.result.name}@${m.result.round}`)).toEqual([
      'Dense@0',
      'Rewind to init@1',
      'Random reinit@1',
      'Random pruning@1',
      'Rewind to init@2',
      'Random reinit@2',
      'Random pruning@2',
    ]);
    const ticket1 = r.rounds[1];
    const ticket2 = r.rounds[4];
    // The ticket against one-shot pruning of the dense weights: the same mask in round 1 (both prune
    // the trained dense weights once), its own path in round 2, still far above chance.
    expect(ticket1.overlap).toMatchObject({ against: 'one-shot', jaccard: 1 });
    expect(ticket2.overlap!.against).toBe('one-shot');
    expect(ticket2.overlap!.jaccard).toBeLessThan(1);
    expect(ticket2.overlap!.jaccard).toBeGreaterThan(ticket2.overlap!.chance + 0.3);
    // Half of every hidden kernel, random against the ticket's: about 0.5 / (2 - 0.5) = 1/3 shared.
    expect(ticket1.overlap!.chance).toBeGreaterThan(0.32);
    expect(ticket1.overlap!.chance).toBeLessThan(0.34);
    // Random pruning shares with the ticket what chance gives; random reinit is the ticket's mask.
    const random2 = r.rounds[6].overlap!;
    expect(random2.against).toBe('ticket');
    expect(Math.abs(random2.jaccard - random2.chance)).toBeLessThan(0.02);
    expect(r.rounds[5].overlap).toBeNull();
    expect(r.rounds[0].overlap).toBeNull();
    expect(ticket2.firstLayerSurvivors).toHaveLength(784);
    const meanSurvival = ticket2.firstLayerSurvivors!.reduce((a, b) => a + b, 0) / 784;
    expect(meanSurvival).toBeCloseTo(0.25, 2);
    expect(r.rounds[0].firstLayerSurvivors!.every((v) => v === 1)).toBe(true);
    expect(r.rounds.filter((m) => m.ticketKept).map((m) => m.result.round)).toEqual([1, 2]);

    // Progress ends at the whole plan, with a time estimate.
    const last = r.progress.at(-1)!;
    expect(last.phase).toBe('done');
    expect(last.fraction).toBe(1);
    expect(r.progress.some((p) => p.secondsLeft !== null && p.secondsLeft > 0)).toBe(true);
    expect(r.states).toEqual(['running', 'done']);

    // The saved state says the run is finished and resumable (it shows the results again).
    const info = inspectSaved(storage.value);
    expect(info).toMatchObject({ status: 'resumable', unitsDone: 7, unitCount: 7, fraction: 1 });
    expect(r.saved.at(-1)?.ok).toBe(true);

    // The ticket: its masks and weights, pruned weights at zero.
    const handoff = session.ticket({ variant: 'rewind_init', round: 2 });
    const kept = handoff.masks.reduce((a, m) => a + m.keep.reduce((x, y) => x + y, 0), 0);
    const total = handoff.masks.reduce((a, m) => a + m.keep.length, 0);
    expect((100 * kept) / total).toBeCloseTo(ticket2.result.percentRemaining, 10);
    const first = handoff.weights[0].values;
    expect(handoff.masks[0].keep.every((k, i) => k === 1 || first[i] === 0)).toBe(true);
    expect(() => session.ticket({ variant: 'rewind_init', round: 3 })).toThrow(/Round 3/);

    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it("cancels between slices, another tab's run is saved beside it, and a new session resumes it to the same numbers", async () => {
    const storage = new MemoryStorage();
    const first = new LotterySession(() => storage);
    const r1 = recorder();
    const running = first.start(
      request,
      mnist,
      {
        ...r1.handlers,
        onRound: (m) => {
          r1.rounds.push(m);
          if (m.result.name === 'Rewind to init' && m.result.round === 1) void first.cancel();
        },
      },
      { id: 'tab-a' },
    );
    expect((await running).status).toBe('cancelled');
    expect(r1.states.at(-1)).toBe('cancelled');
    first.dispose();

    // Another tab's run, on the same storage, under its own id: it takes no one's place.
    const otherTab = new LotterySession(() => storage);
    const otherRequest: LotteryRequest = { ...request, seed: 6, settings: { ...request.settings, rounds: 1 } };
    expect((await otherTab.start(otherRequest, mnist, recorder().handlers, { id: 'tab-b' })).status).toBe('done');
    otherTab.dispose();
    const listed = await otherTab.savedRuns();
    expect(listed.status === 'listed' && listed.runs.map((r) => [r.id, r.status === 'resumable' && r.request.seed])).toEqual([
      ['tab-b', 6],
      ['tab-a', 5],
    ]);

    const second = new LotterySession(() => storage);
    const { info, snapshot } = await second.savedRun('tab-a');
    expect(info).toMatchObject({ status: 'resumable', id: 'tab-a', request: { seed: 5 } });
    if (info.status !== 'resumable') return;
    expect(info.unitsDone).toBeLessThan(info.unitCount);
    const r2 = recorder();
    expect((await second.start(info.request, mnist, r2.handlers, { id: 'tab-a', resume: snapshot })).status).toBe('done');
    // The rounds done before the reload come back first, then the rest.
    expect(r2.rounds.map((m) => m.result.name).slice(0, 2)).toEqual(['Dense', 'Rewind to init']);
    second.dispose();
    // Saved under its own id again: one record per run, the other tab's untouched.
    expect([...storage.values.keys()].sort()).toEqual(['tab-a', 'tab-b']);
    expect(inspectSaved(storage.values.get('tab-a'))).toMatchObject({ status: 'resumable', fraction: 1 });
    expect(inspectSaved(storage.values.get('tab-b'))).toMatchObject({ status: 'resumable', request: { seed: 6 }, fraction: 1 });

    const whole = new LotterySession(() => new MemoryStorage());
    const r3 = recorder();
    await whole.start(request, mnist, r3.handlers, { id: 'whole' });
    whole.dispose();
    const numbers = (ms: LotteryRoundMessage[]) => ms.map((m) => [m.result.name, m.result.round, m.result.testAccuracy, m.overlap]);
    expect(numbers(r2.rounds)).toEqual(numbers(r3.rounds));
  }, 120_000);

  it('says clearly when storage is missing, and refuses a run without an id to save it under', async () => {
    const session = new LotterySession(() => 'This browser gives the page no IndexedDB storage, so a reload cannot resume the run.');
    const { info } = await session.savedRun('tab-a');
    expect(info).toEqual({ status: 'unavailable', reason: expect.stringMatching(/no IndexedDB/) });
    expect(await session.savedRuns()).toEqual({ status: 'unavailable', reason: expect.stringMatching(/no IndexedDB/) });
    const stored = new LotterySession(() => new MemoryStorage());
    await expect(stored.start(request, mnist, recorder().handlers, { id: '' })).rejects.toThrow(/needs a short id/);
    expect((await stored.savedRun('nothing-here')).info).toEqual({ status: 'none' });
  });
});

describe('inspectSaved', () => {
  it('tells an empty store, another version and a damaged record apart from a resumable one', () => {
    expect(inspectSaved(undefined)).toEqual({ status: 'none' });
    expect(inspectSaved({ hello: 1 })).toMatchObject({ status: 'incompatible', reason: expect.stringMatching(/not in a form/) });
    const snapshot = { format: 'lottery-run', version: SNAPSHOT_VERSION, spec: {}, settings: { rounds: 1, variants: ['rewind_init'], stepsPerRound: 4, rewindStep: 0 }, nextUnit: 0, trunk: null, finals: {}, masks: {}, results: [] };
    const good = savedRecord(request, snapshot as never, 123);
    expect(inspectSaved(good)).toMatchObject({ status: 'resumable', savedAt: 123, unitsDone: 0, unitCount: 2 });
    expect(inspectSaved({ ...good, version: SAVE_VERSION + 1 })).toMatchObject({ status: 'incompatible', reason: expect.stringMatching(/another version/) });
    expect(inspectSaved({ ...good, snapshot: { ...snapshot, version: 99 } })).toMatchObject({ status: 'incompatible', reason: expect.stringMatching(/another version/) });
    expect(inspectSaved({ ...good, request: undefined })).toMatchObject({ status: 'incompatible' });
  });
});

describe('lotterySpec and limitTraining', () => {
  it('builds the paper setup long enough for a round and cuts the training split', () => {
    const spec = lotterySpec({ seed: 9, settings: { epochsPerRound: 1.5 } }, mnist);
    expect(spec).toMatchObject({ model: 'lenet_300_100', batchSize: 60, optimizer: 'adam', learningRate: 1.2e-3, seed: 9, epochs: 2, evalEverySteps: 5 });
    const cut = limitTraining(mnist, 120);
    expect(cut.train.count).toBe(120);
    expect(cut.train.x.length).toBe(120 * 784);
    expect(cut.validation).toBe(mnist.validation);
    expect(limitTraining(mnist, undefined)).toBe(mnist);
  });

  it('trains the step-decay recipe with its decays placed in the round, and refuses an unknown recipe', () => {
    // 600 training images: 10 steps of 60 an epoch, 3 epochs a round = 30 steps, a decay every 10.
    expect(mnist.train.count).toBe(600);
    const spec = lotterySpec({ seed: 1, recipe: 'sgd_step', settings: { epochsPerRound: 3 } }, mnist);
    expect(spec).toMatchObject({ optimizer: 'momentum', learningRate: 0.1, schedule: { kind: 'step', warmupSteps: 0, decayEverySteps: 10, gamma: 0.1 } });
    expect(lotterySpec({ seed: 1, settings: {} }, mnist).schedule).toEqual({ kind: 'constant' });
    expect(() => lotterySpec({ seed: 1, recipe: 'rmsprop' as never, settings: {} }, mnist)).toThrow(/no lottery training recipe called "rmsprop"/);
  });
});
