// One pruning step with per-layer sparsity chosen by sensitivity, in the manner of NetAdapt
// (Yang et al. 2018) without its short fine-tuning per proposal: each layer's proposal removes
// `rate` of its remaining weights by magnitude (Han et al. 2015); its cost is the rise of the
// validation loss (a subset, no fine-tuning) per weight removed. Every layer whose cost is at
// most `slack` times the cheapest one is pruned in this round, so insensitive layers thin out
// fast and sensitive ones (often the output layer) are left for later or never.
import { applyMasks, countKept, type Mask } from '../pruning/mask';
import { pruneSmallest } from '../pruning/magnitudeRemoval';
import type { WeightArray } from '../spec/types';
import type { CandidateMeasurer } from './measure';

export interface LayerProposal {
  name: string;
  removed: number;
  /** Validation loss rise per weight removed (0 when the loss did not rise). */
  cost: number;
}

export interface PruneStepResult {
  masks: Mask[];
  proposals: LayerProposal[];
  /** Names of the layers pruned in this step. */
  chosen: string[];
}

/** Validation loss (nats per image) whose rise is taken as noise when comparing layers. */
export const FREE_LOSS_RISE = 0.02;

function pruneLayer(weights: WeightArray[], masks: Mask[], index: number, count: number): Mask[] {
  const out = masks.map((m) => ({ ...m, keep: m.keep.slice() }));
  const weight = weights.find((w) => w.name === out[index].name)!;
  pruneSmallest([{ weight, mask: out[index], kernelIndex: index, kernelCount: out.length }], count);
  return out;
}

/** A layer keeps at least one weight per output unit on average, so none is emptied. */
function minimumKept(mask: Mask): number {
  return mask.shape[mask.shape.length - 1];
}

/** Yields after each layer's proposal is measured. Masks are new; the inputs are untouched. */
export function* pruneStep(
  measurer: CandidateMeasurer,
  weights: WeightArray[],
  masks: Mask[],
  rate: number,
  sensitivityImages: number,
  slack: number,
): Generator<void, PruneStepResult> {
  const baseline = measurer.evaluate(applyMasks(weights, masks), sensitivityImages).loss;
  yield;
  const proposals: (LayerProposal & { index: number })[] = [];
  for (let i = 0; i < masks.length; i++) {
    const kept = countKept(masks[i]);
    const removed = Math.min(Math.round(rate * kept), kept - minimumKept(masks[i]));
    if (removed < 1) continue;
    const trial = pruneLayer(weights, masks, i, removed);
    const loss = measurer.evaluate(applyMasks(weights, trial), sensitivityImages).loss;
    proposals.push({ index: i, name: masks[i].name, removed, cost: Math.max(0, loss - baseline) / removed });
    yield;
  }
  if (proposals.length === 0) return { masks, proposals: [], chosen: [] };
  // A loss rise of FREE_LOSS_RISE spread over every remaining weight counts as free: without
  // this floor a proposal that happened to lower the loss (cost 0) would shut out all others.
  const total = masks.reduce((n, m) => n + countKept(m), 0);
  const cheapest = Math.max(Math.min(...proposals.map((p) => p.cost)), FREE_LOSS_RISE / total);
  const chosen = proposals.filter((p) => p.cost <= slack * cheapest);
  let out = masks;
  for (const p of chosen) out = pruneLayer(weights, out, p.index, p.removed);
  return { masks: out, proposals: proposals.map(({ name, removed, cost }) => ({ name, removed, cost })), chosen: chosen.map((p) => p.name) };
}
