// Iterative magnitude pruning, driven step by step. The dense trunk is trained once; its step-0
// and step-k checkpoints and final weights are shared by every branch (plan.ts gives the order).
// runSteps() does a bounded synchronous chunk of work, like Trainer.runSteps, so a worker can
// slice it, stream each finished round, and snapshot the state between slices.
import { createNetwork, type Network } from '../models/network';
import { denseMasks, type Mask } from '../pruning/mask';
import { deriveSeed } from '../random';
import type { Dataset, TrainSpec, WeightArray } from '../spec/types';
import { maskChain, masksForRound } from './branchMasks';
import { roundPlan, startWeights, trainingSpec } from './branchStart';
import { layerDensities } from './maskStats';
import { magnitudeMasks } from './roundMasks';
import { progressAt, unitPlan, type LotteryProgress, type Unit } from './plan';
import { copyResult, seriesName, type LotteryRoundResult } from './results';
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
import { VARIANTS, type VariantId } from './variants';

export type { LotteryProgress } from './plan';

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
  /** The masks one-shot pruning of the trained dense weights would keep at the sparsity of round
   * `round` (same rates and scope), or null before the trunk is trained: what iterating adds. */
  oneShotMasks(round: number): Mask[] | null;
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
  // copyState gives the run its own spec, so the caller editing theirs changes nothing here.
  return new LotteryRunner(copyState({ spec, settings: resolved, nextUnit: 0, trunk: null, finals: {}, masks: {}, results: [] }), data);
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

class LotteryRunner implements LotteryRun {
  private readonly network: Network;
  private readonly units: Unit[];
  private current: RoundTrainer | null = null;
  private finished: LotteryRoundResult[] = [];
  private disposed = false;

  constructor(
    private readonly state: LotteryState,
    private readonly data: Dataset,
  ) {
    const { spec } = state;
    this.units = unitPlan(state.settings);
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
    return this.state.nextUnit >= this.units.length;
  }

  runSteps(n: number): number {
    this.assertAlive();
    let ran = 0;
    while (ran < n && this.current) {
      const trainer = this.current;
      const stepped = trainer.runSteps(n - ran);
      ran += stepped;
      if (trainer.done) this.finishUnit();
      else if (stepped === 0) break;
    }
    return ran;
  }

  progress(): LotteryProgress {
    return progressAt(this.units, this.state.nextUnit, this.current?.step ?? 0);
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
    const masks = maskChain(this.state, variant)[round - 1];
    return masks ? copyMasks(masks) : null;
  }

  oneShotMasks(round: number): Mask[] | null {
    const trunk = this.state.trunk;
    if (!trunk) return null;
    const { perRoundRate, scope } = this.state.settings;
    // From the dense masks straight to round `round`'s cumulative target, in one step.
    return magnitudeMasks(trunk.final, null, perRoundRate, round, scope);
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
    this.current?.dispose();
    this.current = null;
    this.network.dispose();
  }

  /** Sets the network to the unit's starting weights and builds its trainer. */
  private startUnit(): void {
    const unit = this.units[this.state.nextUnit];
    if (!unit) return;
    const { spec, settings, trunk } = this.state;
    if (!unit.variant) {
      const k = settings.rewindStep;
      const trunkSpec = trainingSpec(spec, settings, unit.steps, spec, k > 0 ? [k] : []);
      this.current = new RoundTrainer(trunkSpec, this.data, this.network, null, 0, unit.steps, settings.evalEverySteps);
      return;
    }
    if (!trunk) throw new Error('The dense trunk has not been trained yet.');
    const { round, variant } = unit;
    const masks = masksForRound(this.state, round, variant);
    const reinit = variant === 'random_reinit' ? this.freshInit(round) : undefined;
    const previousFinal = this.state.finals[variant] ?? trunk.final;
    this.network.setWeights(startWeights(variant, { init: trunk.init, rewind: trunk.rewind, previousFinal, reinit }, masks));
    const plan = roundPlan(spec, settings, variant);
    this.current = new RoundTrainer(plan.spec, this.data, this.network, masks, plan.startStep, settings.stepsPerRound, settings.evalEverySteps);
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

  /** Records the finished unit's result and what later rounds need from it, then starts the next. */
  private finishUnit(): void {
    const trainer = this.current!;
    const { round, variant } = this.units[this.state.nextUnit];
    const outcome = trainer.outcome();
    let masks: Mask[];
    if (!variant) {
      const init = trainer.checkpoint(0)!;
      const k = this.settings.rewindStep;
      const rewind = k > 0 ? trainer.checkpoint(k) : copyWeights(init);
      if (!rewind) throw new Error(`The trunk kept no checkpoint at step ${k}.`);
      const final = this.network.getWeights();
      this.state.trunk = { init, rewind, final };
      masks = denseMasks(final);
    } else {
      // Controls never prune from their own weights, so only the other variants keep theirs.
      if (!VARIANTS[variant].control) this.state.finals[variant] = this.network.getWeights();
      masks = maskChain(this.state, variant)[round - 1];
    }
    const layers = layerDensities(masks);
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
      startStep: outcome.startStep,
      curve: outcome.curve,
      layers,
    };
    trainer.dispose();
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
