// The state of a lottery run as plain data (numbers, strings, typed arrays), so the worker can
// put it in IndexedDB and a reload can resume the run. It is taken between training steps but
// holds no optimizer moments, so a round in progress restarts from its beginning on resume;
// every round is a deterministic function of this state and the seed, so the resumed run gives
// the same numbers as one that was never interrupted.
import type { Mask } from '../pruning/mask';
import type { TrainSpec, WeightArray } from '../spec/types';
import { copyResult, type LotteryRoundResult } from './results';
import type { ResolvedLotterySettings } from './settings';
import type { VariantId } from './variants';

export const SNAPSHOT_FORMAT = 'lottery-run';
// 2: rewound variants continue the trunk's batches from k, fine-tuning at the schedule's final rate.
export const SNAPSHOT_VERSION = 2;

export interface TrunkCheckpoints {
  /** Step 0. */
  init: WeightArray[];
  /** Step k (a copy of init when k = 0). */
  rewind: WeightArray[];
  /** The trained dense weights, where round 1 of every variant prunes from. */
  final: WeightArray[];
}

export interface LotteryState {
  spec: TrainSpec;
  settings: ResolvedLotterySettings;
  /** The unit in progress or next to run: 0 is the trunk, then rounds in order, variants in
   * settings.variants order within a round. */
  nextUnit: number;
  trunk: TrunkCheckpoints | null;
  /** Each non-control variant's weights at the end of its last finished round. */
  finals: Partial<Record<VariantId, WeightArray[]>>;
  /** Masks by variant, index round - 1. Random reinit has none of its own: it uses the ticket's. */
  masks: Partial<Record<VariantId, Mask[][]>>;
  /** Every finished round, the dense trunk first. */
  results: LotteryRoundResult[];
}

export interface LotterySnapshot extends LotteryState {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
}

export const copyWeights = (ws: WeightArray[]): WeightArray[] =>
  ws.map((w) => ({ name: w.name, shape: w.shape.slice(), values: w.values.slice() }));

export const copyMasks = (ms: Mask[]): Mask[] => ms.map((m) => ({ name: m.name, shape: m.shape.slice(), keep: m.keep.slice() }));

/** A deep copy: the caller may transfer or store its buffers without touching the run's own. */
export function copyState(s: LotteryState): LotteryState {
  const finals: LotteryState['finals'] = {};
  const masks: LotteryState['masks'] = {};
  for (const [v, w] of Object.entries(s.finals)) if (w) finals[v as VariantId] = copyWeights(w);
  for (const [v, rounds] of Object.entries(s.masks)) if (rounds) masks[v as VariantId] = rounds.map(copyMasks);
  return {
    spec: { ...s.spec, hidden: s.spec.hidden.slice(), schedule: { ...s.spec.schedule }, checkpointSteps: s.spec.checkpointSteps.slice() },
    settings: { ...s.settings, perRoundRate: { ...s.settings.perRoundRate }, variants: s.settings.variants.slice() },
    nextUnit: s.nextUnit,
    trunk: s.trunk && { init: copyWeights(s.trunk.init), rewind: copyWeights(s.trunk.rewind), final: copyWeights(s.trunk.final) },
    finals,
    masks,
    results: s.results.map(copyResult),
  };
}

/** Why a stored value cannot be resumed, or null. Checks the shape of the data, not its numbers:
 * the run's own checks (settings, weight shapes) follow on restore. */
export function snapshotProblem(value: unknown): string | null {
  const s = value as Partial<LotterySnapshot> | null;
  if (!s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT) return 'This is not a saved lottery run.';
  if (s.version !== SNAPSHOT_VERSION) {
    return `This lottery run was saved by another version of the playground (format ${String(s.version)}, this one reads ${SNAPSHOT_VERSION}), so it cannot be resumed.`;
  }
  if (!s.spec || !s.settings || !Array.isArray(s.results) || !s.finals || !s.masks) return 'The saved lottery run is incomplete.';
  if (!Number.isInteger(s.nextUnit) || (s.nextUnit as number) < 0) return 'The saved lottery run does not say where it stopped.';
  if ((s.nextUnit as number) > 0 && !s.trunk) return 'The saved lottery run lost its dense trunk checkpoints.';
  return null;
}
