// Iterative magnitude pruning, driven step by step. The run is a list of units: the dense trunk
// (trained once; its step-0 and step-k checkpoints and final weights are shared by every
// branch), then round 1 of every variant, round 2 of every variant, ... Rounds go across variants
// so every series of the chart grows together, and the ticket (rewind_init) runs first in each
// round because both controls are cut from its masks. runSteps() does a bounded synchronous
// chunk of work, like Trainer.runSteps, so a worker can slice it and stay responsive.
import { createNetwork, type Network } from '../models/network';
import { denseMasks, type Mask } from '../pruning/mask';
import { deriveSeed } from '../random';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { roundSpec, startWeights, trainingSpec } from './branchStart';
import { layerDensities, type LayerDensity } from './maskStats';
import { copyResult, seriesName, type LotteryRoundResult } from './results';
import { magnitudeMasks, randomMasksLike } from './roundMasks';
import { RoundTrainer } from './roundTrainer';
import { resolveLotterySettings, type LotterySettingsInput, type ResolvedLotterySettings } from './settings';
import {
  copyMasks,
  copyState,
  copyWeights,
  snapshotProblem,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type LotterySnapshot,
  type LotteryState,
} from './snapshot';
import { retrainSteps, VARIANTS, type VariantId } from './variants';

export interface LotteryProgress {
  phase: 'trunk' | 'round' | 'done';
  /** 0 for the trunk. */
  round: number;
  variant: VariantId | null;
  /** Series name of the unit in progress ("Dense" for the trunk). */
  name: string | null;
  unit: number;
  unitCount: number;
  /** Steps done and planned in the unit in progress. */
  step: number;
  unitSteps: number;
  /** Training steps done and planned over the whole run (evaluation is not counted). */
  stepsDone: number;
  totalSteps: number;
  /** stepsDone / totalSteps. */
  fraction: number;
}

export interface LotteryRun {
  readonly spec: TrainSpec;
  readonly settings: ResolvedLotterySettings;
  readonly done: boolean;
  /** Trains up to `n` steps (fewer at the end of the run); finishing a round evaluates it, records
   * its result and prepares the next one within the call. Returns the steps trained. */
  runSteps(n: number): number;
  progress(): LotteryProgress;
  /** Rounds finished since the previous call, in order (the dense trunk is round 0). */
  takeFinishedRounds(): LotteryRoundResult[];
  /** Every finished round so far, the dense trunk first (copies). */
  results(): LotteryRoundResult[];
  /** A copy of a variant's masks of `round` (>= 1), or null when that round has not been pruned yet. */
  masksOf(variant: VariantId, round: number): Mask[] | null;
  /** A copy of the network's weights now: at the start of a round (right after the previous one
   * finished) they are that round's starting weights. */
  currentWeights(): WeightArray[];
  /** The run's state as plain data (copies, safe to transfer or store). */
  snapshot(): LotterySnapshot;
  /** Frees every tensor of the run. */
  dispose(): void;
}

/** A new run; throws a sentence when the spec or the settings cannot run on `data`. */
export function createLotteryRun(spec: TrainSpec, data: Dataset, settings: LotterySettingsInput = {}): LotteryRun {
  const resolved = resolveLotterySettings(spec, data, settings);
  // The run keeps its own copy of the spec, so the caller editing theirs changes nothing here.
  const ownSpec = copyState({ spec, settings: resolved, nextUnit: 0, trunk: null, finals: {}, masks: {}, results: [] }).spec;
  return new LotteryRunner({ spec: ownSpec, settings: resolved, nextUnit: 0, trunk: null, finals: {}, masks: {}, results: [] }, data);
}

/** Resumes a run from snapshot(); throws a sentence when it cannot (another format version, or
 * data that does not match what the run was started on). */
export function restoreLotteryRun(snapshot: LotterySnapshot, data: Dataset): LotteryRun {
  const problem = snapshotProblem(snapshot);
  if (problem) throw new Error(problem);
  const state = copyState(snapshot);
  const { stepsPerEpoch: _e, stepsPerRound: _r, ...input } = state.settings;
  const again = resolveLotterySettings(state.spec, data, input);
  if (again.stepsPerEpoch !== state.settings.stepsPerEpoch || again.stepsPerRound !== state.settings.stepsPerRound) {
    throw new Error(
      `The saved lottery run trained on ${state.settings.stepsPerEpoch} batches per epoch, this dataset gives ${again.stepsPerEpoch}; ` +
        'it was started on different data and cannot be resumed.',
    );
  }
  return new LotteryRunner(state, data);
}

interface Unit {
  round: number;
  variant: VariantId | null; // null: the trunk
}

class LotteryRunner implements LotteryRun {
  private readonly network: Network;
  private current: { unit: number; trainer: RoundTrainer } | null = null;
  private finished: LotteryRoundResult[] = [];
  private readonly unitSteps: number[];
  private readonly totalSteps: number;
  private disposed = false;

  constructor(
    private readonly state: LotteryState,
    private readonly data: Dataset,
  ) {
    const { spec, settings } = state;
    this.unitSteps = [settings.stepsPerRound];
    for (let r = 1; r <= settings.rounds; r++) {
      for (const v of settings.variants) this.unitSteps.push(retrainSteps(v, settings.stepsPerRound, settings.rewindStep));
    }
    this.totalSteps = this.unitSteps.reduce((a, b) => a + b, 0);
    // Built from the run's seed, so it holds the trunk's step-0 weights.
    this.network = createNetwork(spec.model, spec.hidden, data.featureShape, data.numClasses, spec.seed);
    try {
      this.startUnit();
    } catch (e) {
      this.network.dispose();
      throw e;
    }
  }

  get spec(): TrainSpec {
    return this.state.spec;
  }

  get settings(): ResolvedLotterySettings {
    return this.state.settings;
  }

  get done(): boolean {
    return this.state.nextUnit >= this.unitSteps.length;
  }

  runSteps(n: number): number {
    this.assertAlive();
    let ran = 0;
    while (ran < n && this.current) {
      const trainer = this.current.trainer;
      const stepped = trainer.runSteps(n - ran);
      ran += stepped;
      if (trainer.done) this.finishUnit();
      else if (stepped === 0) break;
    }
    return ran;
  }

  progress(): LotteryProgress {
    const unit = this.state.nextUnit;
    const unitCount = this.unitSteps.length;
    const before = this.unitSteps.slice(0, Math.min(unit, unitCount)).reduce((a, b) => a + b, 0);
    const step = this.current?.trainer.step ?? 0;
    const stepsDone = before + step;
    if (this.done) {
      return { phase: 'done', round: this.settings.rounds, variant: null, name: null, unit, unitCount, step: 0, unitSteps: 0, stepsDone, totalSteps: this.totalSteps, fraction: 1 };
    }
    const { round, variant } = this.unitAt(unit);
    return {
      phase: variant ? 'round' : 'trunk',
      round,
      variant,
      name: seriesName(variant ?? 'dense'),
      unit,
      unitCount,
      step,
      unitSteps: this.unitSteps[unit],
      stepsDone,
      totalSteps: this.totalSteps,
      fraction: this.totalSteps === 0 ? 1 : stepsDone / this.totalSteps,
    };
  }

  takeFinishedRounds(): LotteryRoundResult[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  results(): LotteryRoundResult[] {
    return this.state.results.map(copyResult);
  }

  masksOf(variant: VariantId, round: number): Mask[] | null {
    const masks = this.ownMasks(variant)[round - 1];
    return masks ? copyMasks(masks) : null;
  }

  currentWeights(): WeightArray[] {
    this.assertAlive();
    return this.network.getWeights();
  }

  snapshot(): LotterySnapshot {
    return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, ...copyState(this.state) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.current?.trainer.dispose();
    this.current = null;
    this.network.dispose();
  }

  private unitAt(unit: number): Unit {
    if (unit === 0) return { round: 0, variant: null };
    const perRound = this.settings.variants.length;
    return { round: Math.floor((unit - 1) / perRound) + 1, variant: this.settings.variants[(unit - 1) % perRound] };
  }

  /** The masks a variant's rounds use; random reinit borrows the ticket's (same masks, by definition). */
  private ownMasks(variant: VariantId): Mask[][] {
    const owner = variant === 'random_reinit' ? 'rewind_init' : variant;
    return (this.state.masks[owner] ??= []);
  }

  private startUnit(): void {
    const unit = this.state.nextUnit;
    if (unit >= this.unitSteps.length) return;
    const { spec, settings } = this.state;
    const { round, variant } = this.unitAt(unit);
    if (!variant) {
      const k = settings.rewindStep;
      const trunkSpec = trainingSpec(spec, settings, settings.stepsPerRound, spec, k > 0 ? [k] : []);
      this.current = { unit, trainer: this.newTrainer(trunkSpec, null, settings.stepsPerRound) };
      return;
    }
    const trunk = this.state.trunk;
    if (!trunk) throw new Error('The dense trunk has not been trained yet.');
    const masks = this.roundMasks(round, variant, trunk.final);
    const reinit = variant === 'random_reinit' ? this.freshInit(round) : undefined;
    const previousFinal = this.state.finals[variant] ?? trunk.final;
    this.network.setWeights(startWeights(variant, { init: trunk.init, rewind: trunk.rewind, previousFinal, reinit }, masks));
    const { spec: branchSpec, steps } = roundSpec(spec, settings, variant);
    this.current = { unit, trainer: this.newTrainer(branchSpec, masks, steps) };
  }

  private newTrainer(spec: TrainSpec, masks: Mask[] | null, steps: number): RoundTrainer {
    return new RoundTrainer(spec, this.data, this.network, masks, steps, this.settings.evalEverySteps);
  }

  /** This round's masks of `variant`, pruned now unless a restored snapshot already holds them. */
  private roundMasks(round: number, variant: VariantId, trunkFinal: WeightArray[]): Mask[] {
    const own = this.ownMasks(variant);
    if (own[round - 1]) return own[round - 1];
    if (own.length !== round - 1) throw new Error(`The masks of "${VARIANTS[variant].name}" skip from round ${own.length} to ${round}.`);
    if (variant === 'random_reinit') throw new Error('Random reinit ran before the ticket of its round was pruned.');
    const previous = own[round - 2] ?? null;
    let masks: Mask[];
    if (variant === 'random_prune') {
      const ticket = this.ownMasks('rewind_init')[round - 1];
      if (!ticket) throw new Error('Random pruning ran before the ticket of its round was pruned.');
      masks = randomMasksLike(ticket, previous, deriveSeed(this.spec.seed, `lottery/random-prune/round-${round}`));
    } else {
      const { perRoundRate, scope } = this.settings;
      masks = magnitudeMasks(this.state.finals[variant] ?? trunkFinal, previous, perRoundRate, round, scope);
    }
    own.push(masks);
    return masks;
  }

  /** Random reinit's starting values: the model's own initializer under another seed, new each round. */
  private freshInit(round: number): WeightArray[] {
    const { spec } = this.state;
    const seed = deriveSeed(spec.seed, `lottery/random-reinit/round-${round}`);
    const other = createNetwork(spec.model, spec.hidden, this.data.featureShape, this.data.numClasses, seed);
    try {
      return other.getWeights();
    } finally {
      other.dispose();
    }
  }

  private finishUnit(): void {
    const current = this.current!;
    const { round, variant } = this.unitAt(current.unit);
    const outcome = current.trainer.outcome();
    let layers: LayerDensity[];
    if (!variant) {
      const init = current.trainer.checkpoint(0)!;
      const k = this.settings.rewindStep;
      const rewind = k > 0 ? current.trainer.checkpoint(k) : copyWeights(init);
      if (!rewind) throw new Error(`The trunk kept no checkpoint at step ${k}.`);
      const final = this.network.getWeights();
      this.state.trunk = { init, rewind, final };
      layers = layerDensities(denseMasks(final));
    } else {
      // Controls never prune from their own weights, so only the other variants keep theirs.
      if (!VARIANTS[variant].control) this.state.finals[variant] = this.network.getWeights();
      layers = layerDensities(this.ownMasks(variant)[round - 1]);
    }
    const kept = layers.reduce((a, l) => a + l.kept, 0);
    const total = layers.reduce((a, l) => a + l.total, 0);
    const result: LotteryRoundResult = {
      variant: variant ?? 'dense',
      name: seriesName(variant ?? 'dense'),
      round,
      percentRemaining: total === 0 ? 100 : (100 * kept) / total,
      testAccuracy: outcome.testAccuracy,
      earlyStopStep: outcome.earlyStopStep,
      earlyStopTestAccuracy: outcome.earlyStopTestAccuracy,
      steps: outcome.steps,
      curve: outcome.curve,
      layers,
    };
    current.trainer.dispose();
    this.current = null;
    this.state.results.push(result);
    this.finished.push(copyResult(result));
    this.state.nextUnit++;
    this.startUnit();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This lottery run was disposed.');
  }
}
