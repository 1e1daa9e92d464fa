// Random pruning, the control: as many weights per kernel as layer-wise magnitude pruning
// removes, but chosen by a seeded draw. If magnitude beats this, magnitude carries information.
import { createRng, deriveSeed } from '../random';
import type { Mask, PruneStrategy } from './mask';
import { countPruned, startMasks, targetRemovals } from './scope';

export const randomPrune: PruneStrategy = (weights, currentMasks, params): Mask[] => {
  const { masks, scoped } = startMasks(weights, currentMasks, params);
  for (const { mask } of scoped) {
    const keep = mask.keep;
    const toRemove = targetRemovals(keep.length, params.sparsity) - countPruned(keep);
    if (toRemove <= 0) continue;
    // One stream per kernel, named by the kernel, so excluding another layer changes nothing here.
    const rng = createRng(deriveSeed(params.seed, `random-prune:${mask.name}`));
    const survivors = new Int32Array(keep.length - countPruned(keep));
    let n = 0;
    for (let i = 0; i < keep.length; i++) if (keep[i] === 1) survivors[n++] = i;
    // Partial Fisher-Yates: the first `toRemove` slots end up a uniform sample without repeats.
    for (let i = 0; i < toRemove; i++) {
      const j = i + rng.int(n - i);
      const picked = survivors[j];
      survivors[j] = survivors[i];
      survivors[i] = picked;
      keep[picked] = 0;
    }
  }
  return masks;
};
