// Layer-wise magnitude pruning: the same fraction of each included kernel goes, each by its own
// threshold, so no layer can be emptied just because its weights are smaller than the others'.
import type { Mask, PruneStrategy } from './mask';
import { pruneSmallest } from './magnitudeRemoval';
import { countPruned, startMasks, targetRemovals } from './scope';

export const layerwiseMagnitudePrune: PruneStrategy = (weights, currentMasks, params): Mask[] => {
  const { masks, scoped } = startMasks(weights, currentMasks, params);
  for (const kernel of scoped) {
    const keep = kernel.mask.keep;
    pruneSmallest([kernel], targetRemovals(keep.length, params.sparsity) - countPruned(keep));
  }
  return masks;
};
