// One line per pruning strategy. The UI lists PRUNING_METHOD_IDS with their labels and
// sentences; the worker calls `prune` by id.
import { globalMagnitudePrune } from './globalMagnitude';
import { layerwiseMagnitudePrune } from './layerwiseMagnitude';
import type { PruneStrategy } from './mask';
import { randomPrune } from './randomPrune';
import { structuredPrune } from './structuredPrune';

export type PruningMethodId = 'global_magnitude' | 'layerwise_magnitude' | 'random' | 'structured';

export interface PruningMethod {
  id: PruningMethodId;
  label: string;
  /** One sentence for students. */
  description: string;
  /** What the sparsity slider counts for this method. */
  sparsityOf: 'weights' | 'units';
  prune: PruneStrategy;
}

export const PRUNING_METHODS: Record<PruningMethodId, PruningMethod> = {
  global_magnitude: {
    id: 'global_magnitude',
    label: 'Global magnitude',
    description: 'Removes the weights closest to zero across all chosen layers at once, so big layers may lose more.',
    sparsityOf: 'weights',
    prune: globalMagnitudePrune,
  },
  layerwise_magnitude: {
    id: 'layerwise_magnitude',
    label: 'Layer-wise magnitude',
    description: 'Removes the same share of the smallest weights from every chosen layer.',
    sparsityOf: 'weights',
    prune: layerwiseMagnitudePrune,
  },
  random: {
    id: 'random',
    label: 'Random (control)',
    description: 'Removes as many weights per layer as layer-wise magnitude, but picked at random, to show what choosing by size buys.',
    sparsityOf: 'weights',
    prune: randomPrune,
  },
  structured: {
    id: 'structured',
    label: 'Structured (whole neurons)',
    description: 'Removes whole neurons or filters with the smallest weights, with all their connections, which really shrinks the layer; output neurons always stay.',
    sparsityOf: 'units',
    prune: structuredPrune,
  },
};

export const PRUNING_METHOD_IDS: PruningMethodId[] = ['global_magnitude', 'layerwise_magnitude', 'random', 'structured'];

export function isPruningMethodId(value: string): value is PruningMethodId {
  return Object.prototype.hasOwnProperty.call(PRUNING_METHODS, value);
}
