// Global magnitude pruning: one threshold on |w| across every included kernel, so layers with
// many small weights (the 784-wide first layer) lose more than small layers. The baseline of
// Deep Compression and of the Lottery Ticket experiments that prune globally.
import type { Mask, PruneStrategy } from './mask';
import { pruneSmallest } from './magnitudeRemoval';
import { countPruned, startMasks, targetRemovals } from './scope';

export const globalMagnitudePrune: PruneStrategy = (weights, currentMasks, params): Mask[] => {
  const { masks, scoped } = startMasks(weights, currentMasks, params);
  let total = 0;
  let alreadyPruned = 0;
  for (const { mask } of scoped) {
    total += mask.keep.length;
    alreadyPruned += countPruned(mask.keep);
  }
  // Cumulative: the target counts the weights already gone, and nothing is ever restored.
  pruneSmallest(scoped, targetRemovals(total, params.sparsity) - alreadyPruned);
  return masks;
};
