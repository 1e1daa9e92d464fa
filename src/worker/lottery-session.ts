// One lottery run at a time, driven in ~40 ms slices like the training session, so a cancel
// lands between slices. Each finished round goes to the page with what its charts need (mask
// overlap with the ticket or with one-shot pruning, first-layer survivors), and the run's state is saved between
// rounds, under the run's own id, so a reload can resume it (another tab's run is saved beside it). The ticket's retrained weights are kept per round for
// "Compress this ticket".
import {
  chanceJaccard,
  createLotteryRun,
  firstLayerSurvivors,
  isLotteryRecipeId,
  LOTTERY_BATCH_SIZE,
  jaccard,
  resolveLotterySettings,
  withRecipe,
  restoreLotteryRun,
  type LotteryRoundResult,
  type LotteryRun,
  type LotterySnapshot,
} from '../engine/lottery';
import { studySpec } from '../engine/finetune/compressionStudy';
import type { Mask } from '../engine/pruning/mask';
import type { Dataset, TrainSpec, WeightArray } from '../engine/spec/types';
import { adaptSliceSize, yieldToEventLoop } from '../engine/training/yield';
import type {
  LotteryHandlers,
  LotteryOutcome,
  LotteryProgressMessage,
  LotteryRequest,
  LotteryRoundMessage,
  MaskOverlap,
  SavedLotteries,
  SavedLotteryInfo,
  TicketHandoff,
  TicketSpec,
} from './lottery-protocol';
import { inspectHeader, inspectSaved, savedRecord, type LotteryStorage } from './lottery-store';

const SLICE_MS = 40;
const REPORT_MS = 200;
/** Between two saves at least this long, unless a whole round just finished. */
const SAVE_EVERY_MS = 5000;

/** The paper's LeNet-300-100 setup with the student's seed and training recipe, long enough for
 * one round; throws a sentence when the request cannot run on `data`. */
export function lotterySpec(request: LotteryRequest, data: Dataset): TrainSpec {
  const stepsPerEpoch = Math.max(1, Math.floor(data.train.count / LOTTERY_BATCH_SIZE));
  const { itersPerRound, epochsPerRound } = request.settings;
  const epochs = itersPerRound !== undefined ? itersPerRound / stepsPerEpoch : (epochsPerRound ?? 1);
  const recipe = request.recipe ?? 'adam';
  if (!isLotteryRecipeId(recipe)) throw new Error(`There is no lottery training recipe called "${String(recipe)}".`);
  // Validation twice an epoch finds the early-stopping iteration without costing much.
  const spec = { ...studySpec(Math.max(1, Math.ceil(epochs)), request.seed, request.hidden), batchSize: LOTTERY_BATCH_SIZE, evalEverySteps: Math.max(1, Math.round(stepsPerEpoch / 2)) };
  // The schedule's decays are placed in the round, whose length the settings give.
  return withRecipe(spec, recipe, resolveLotterySettings(spec, data, request.settings).stepsPerRound);
}

/** The first `limit` training images (all when undefined or larger). */
export function limitTraining(data: Dataset, limit: number | undefined): Dataset {
  if (limit === undefined || limit >= data.train.count) return data;
  const n = Math.max(1, Math.floor(limit));
  const width = data.featureShape.reduce((a, b) => a * b, 1);
  return { ...data, train: { x: data.train.x.subarray(0, n * width), y: data.train.y.subarray(0, n), count: n } };
}

export class LotterySession {
  private run: LotteryRun | null = null;
  private request: LotteryRequest | null = null;
  /** The id the run is saved under. */
  private saveId = '';
  private data: Dataset | null = null;
  private cancelRequested = false;
  private running = false;
  private finished: Promise<unknown> = Promise.resolve();
  /** The ticket's (rewind to init) weights at the end of each retrained round. */
  private readonly tickets = new Map<number, WeightArray[]>();
  private saving: Promise<void> | null = null;
  private lastSave = 0;

  constructor(private readonly storage: () => LotteryStorage | string) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts a new run saved under `save.id`, or resumes `save.resume` (from savedRun(id)) on the
   * same data, saving under the same id. */
  async start(request: LotteryRequest, data: Dataset, handlers: LotteryHandlers, save: { id: string; resume?: LotterySnapshot }): Promise<LotteryOutcome> {
    if (this.running) throw new Error('A lottery run is already going: cancel it first.');
    const { id, resume } = save;
    if (!isSaveId(id)) throw new Error('A lottery run needs a short id to be saved under.');
    this.dispose();
    this.saveId = id;
    const run = resume ? restoreLotteryRun(resume, data) : createLotteryRun(lotterySpec(request, data), data, request.settings);
    this.run = run;
    this.request = request;
    this.data = data;
    this.cancelRequested = false;
    this.running = true;
    const loop = this.loop(run, handlers, resume);
    this.finished = loop.catch(() => undefined);
    return loop;
  }

  async cancel(): Promise<void> {
    this.cancelRequested = true;
    await this.finished;
  }

  /** The retrained ticket of `round` and its masks, copied for the compression lab. */
  ticket({ variant, round }: TicketSpec): TicketHandoff & { spec: TrainSpec; data: Dataset } {
    const run = this.run;
    if (!run || !this.data) throw new Error('There is no lottery run to take a ticket from yet.');
    if (variant !== 'rewind_init') throw new Error('Only the ticket rewound to init can be compressed from here.');
    const weights = this.tickets.get(round);
    const masks = run.masksOf(variant, round);
    if (!weights || !masks) throw new Error(`Round ${round} of the ticket has not been retrained in this session, so its weights are not here.`);
    return { spec: run.spec, data: this.data, weights: weights.map((w) => ({ ...w, values: w.values.slice() })), masks };
  }

  /** Rounds whose ticket weights are kept. */
  ticketRounds(): number[] {
    return [...this.tickets.keys()].sort((a, b) => a - b);
  }

  /** Every run saved in this browser, newest first, or why they cannot be read. */
  async savedRuns(): Promise<SavedLotteries> {
    const storage = this.storage();
    if (typeof storage === 'string') return { status: 'unavailable', reason: storage };
    try {
      const runs = (await storage.list()).map(inspectHeader).filter((r) => r.id !== '');
      return { status: 'listed', runs: runs.sort((a, b) => b.savedAt - a.savedAt) };
    } catch (e) {
      return { status: 'unavailable', reason: `The saved lottery runs could not be read (${e instanceof Error ? e.message : String(e)}).` };
    }
  }

  /** The run saved under `id`, with its state when it can be resumed. */
  async savedRun(id: string): Promise<{ info: SavedLotteryInfo; snapshot?: LotterySnapshot }> {
    const storage = this.storage();
    if (typeof storage === 'string') return { info: { status: 'unavailable', reason: storage } };
    if (!isSaveId(id)) return { info: { status: 'none' } };
    let value: unknown;
    try {
      value = await storage.load(id);
    } catch (e) {
      return { info: { status: 'unavailable', reason: `The saved lottery run could not be read (${e instanceof Error ? e.message : String(e)}).` } };
    }
    const info = inspectSaved(value, id);
    return info.status === 'resumable' ? { info, snapshot: (value as { snapshot: LotterySnapshot }).snapshot } : { info };
  }

  async discardSaved(id: string): Promise<void> {
    const storage = this.storage();
    if (typeof storage !== 'string' && isSaveId(id)) await storage.clear(id);
  }

  dispose(): void {
    this.run?.dispose();
    this.run = null;
    this.tickets.clear();
  }

  private async loop(run: LotteryRun, handlers: LotteryHandlers, resumed?: LotterySnapshot): Promise<LotteryOutcome> {
    const started = performance.now();
    const startSteps = run.progress().stepsDone;
    let stepsPerSlice = 1;
    let lastReport = 0;
    handlers.onState('running');
    try {
      // A resumed run first shows what it had done, with the ticket weights it kept.
      if (resumed) {
        const lastTicket = resumed.results.filter((r) => r.variant === 'rewind_init').at(-1);
        if (lastTicket && resumed.finals.rewind_init) this.tickets.set(lastTicket.round, resumed.finals.rewind_init);
        for (const r of run.results()) handlers.onRound(this.roundMessage(run, r));
      }
      this.report(run, handlers, started, startSteps);
      while (!run.done && !this.cancelRequested) {
        const p = run.progress();
        // A slice ends at the end of a unit at the latest, so each round's weights can be read.
        const t0 = performance.now();
        const ran = run.runSteps(Math.max(1, Math.min(stepsPerSlice, p.unitSteps - p.step)));
        stepsPerSlice = adaptSliceSize(stepsPerSlice, ran, performance.now() - t0, SLICE_MS);
        const finished = run.takeFinishedRounds();
        if (finished.length > 0) this.onFinished(run, finished, handlers);
        if (finished.length > 0 || performance.now() - lastReport >= REPORT_MS) {
          this.report(run, handlers, started, startSteps);
          lastReport = performance.now();
        }
        await yieldToEventLoop();
      }
      const status = this.cancelRequested ? 'cancelled' : 'done';
      // A cancelled run is kept too, so "Resume lottery run" can pick it up later.
      this.save(run, handlers, true);
      await this.saving;
      this.report(run, handlers, started, startSteps);
      handlers.onState(status);
      return { status, rounds: run.results().length, seconds: (performance.now() - started) / 1000 };
    } finally {
      this.running = false;
    }
  }

  private onFinished(run: LotteryRun, finished: LotteryRoundResult[], handlers: LotteryHandlers): void {
    const snapshot = run.snapshot();
    const ticket = finished.filter((r) => r.variant === 'rewind_init').at(-1);
    if (ticket && snapshot.finals.rewind_init) this.tickets.set(ticket.round, snapshot.finals.rewind_init);
    for (const r of finished) handlers.onRound(this.roundMessage(run, r));
    const p = run.progress();
    const roundComplete = p.phase === 'done' || (p.variant === run.settings.variants[0] && p.step === 0);
    this.save(run, handlers, roundComplete, snapshot);
  }

  private roundMessage(run: LotteryRun, result: LotteryRoundResult): LotteryRoundMessage {
    let survivors: Float32Array | null = null;
    if (result.variant !== 'dense') {
      const now = run.masksOf(result.variant, result.round);
      survivors = now ? survivorsOf(now, run) : null;
    } else if (this.data) {
      const inputs = this.data.featureShape.reduce((a, b) => a * b, 1);
      survivors = run.spec.model === 'lenet_300_100' ? new Float32Array(inputs).fill(1) : null;
    }
    return {
      result,
      overlap: maskOverlap(run, result),
      firstLayerSurvivors: survivors,
      ticketKept: result.variant === 'rewind_init' && this.tickets.has(result.round),
    };
  }

  private report(run: LotteryRun, handlers: LotteryHandlers, started: number, startSteps: number): void {
    const p = run.progress();
    const elapsed = (performance.now() - started) / 1000;
    const done = p.stepsDone - startSteps;
    const perStep = done > 0 ? elapsed / done : null;
    const message: LotteryProgressMessage = {
      ...p,
      secondsElapsed: elapsed,
      secondsLeft: perStep === null ? null : Math.max(0, (p.totalSteps - p.stepsDone) * perStep),
      stepsPerSecond: elapsed > 0 ? done / elapsed : 0,
    };
    handlers.onProgress(message);
  }

  /** Writes the run's state for a reload; never more than one write at a time. */
  private save(run: LotteryRun, handlers: LotteryHandlers, force: boolean, snapshot?: LotterySnapshot): void {
    const request = this.request;
    if (!request || this.saving) return;
    if (!force && performance.now() - this.lastSave < SAVE_EVERY_MS) return;
    const storage = this.storage();
    if (typeof storage === 'string') {
      handlers.onSaved?.({ ok: false, message: storage });
      return;
    }
    this.lastSave = performance.now();
    const p = run.progress();
    const record = savedRecord(request, snapshot ?? run.snapshot());
    this.saving = storage
      .save(this.saveId, record)
      .then(() => handlers.onSaved?.({ ok: true, message: p.phase === 'done' ? 'The finished run is saved in this browser.' : `Saved in this browser at round ${p.round} of ${run.settings.rounds}: a reload can resume from there.` }))
      .catch((e: unknown) => handlers.onSaved?.({ ok: false, message: `The run could not be saved for a reload (${e instanceof Error ? e.message : String(e)}).` }))
      .finally(() => {
        this.saving = null;
      });
  }
}

/** Ids come from the page: a short string, as IndexedDB keys go. */
const isSaveId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100;

/**
 * Which weights a round keeps, against a mask a run can move: the ticket's round against one-shot
 * pruning of the dense weights (how far iterating strays from pruning once), every other chain
 * against the ticket of the same round (does retraining differently find the same weights?).
 * Null for the dense trunk and for random reinit, which uses the ticket's mask by construction.
 * (Each chain's overlap with its own previous round said nothing: masks are nested, so it is
 * the share pruned per round.)
 */
function maskOverlap(run: LotteryRun, result: LotteryRoundResult): MaskOverlap | null {
  if (result.variant === 'dense' || result.variant === 'random_reinit') return null;
  const mine = run.masksOf(result.variant, result.round);
  const other = result.variant === 'rewind_init' ? run.oneShotMasks(result.round) : run.masksOf('rewind_init', result.round);
  if (!mine || !other) return null;
  return { against: result.variant === 'rewind_init' ? 'one-shot' : 'ticket', jaccard: jaccard(mine, other), chance: chanceJaccard(mine, other) };
}

function survivorsOf(masks: Mask[], run: LotteryRun): Float32Array | null {
  if (run.spec.model !== 'lenet_300_100') return null;
  try {
    return firstLayerSurvivors(masks, [masks[0].shape[0]]);
  } catch {
    return null;
  }
}
