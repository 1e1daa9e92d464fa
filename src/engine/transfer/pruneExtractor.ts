// Pruning the pretrained feature extractor before it is reused: does a 90%-pruned extractor still
// transfer? Each extractor kernel loses the same share of its smallest weights (the project's
// layer-wise magnitude pruning), so the small first convolution is not emptied to spare the
// larger second one. Biases are never pruned, and the layers above the extractor (the source
// head) are left as they were, so the pruned network can still be measured on the source task.
import { layerwiseMagnitudePrune } from '../pruning/layerwiseMagnitude';
import { applyMasks, countKept, type Mask } from '../pruning/mask';
import type { WeightArray } from '../spec/types';
import { extractorSparsityProblem, kernelMaskName } from './extractorSparsity';
import { accuracyOn } from './fit';
import { createNet, planNet, type NetWeights } from './net';
import type { PretrainedModel } from './run';
import type { TransferTask } from './tasks';

export interface KernelCount {
  kept: number;
  total: number;
}

export interface PrunedExtractor {
  /** Fraction of each extractor kernel's weights pruned. */
  sparsity: number;
  /** The whole network, with its first `layers` kernels pruned; new arrays only for those. */
  weights: NetWeights;
  /** One per extractor kernel, named by kernelMaskName: what fine-tuning must hold at zero. */
  masks: Mask[];
  perLayer: KernelCount[];
  kept: number;
  total: number;
}

/** Prunes the kernels of the first `layers` layers of `weights` to `sparsity`, each by its own threshold. */
export function pruneExtractor(weights: NetWeights, layers: number, sparsity: number): PrunedExtractor {
  const problem = extractorSparsityProblem(sparsity);
  if (problem) throw new Error(problem);
  const n = weights.kernels.length;
  if (!(Number.isInteger(layers) && layers >= 1 && layers < n)) throw new Error(`The extractor is 1 to ${n - 1} layers of this network, got ${layers}.`);
  const plan = planNet(weights.architecture);
  const kernels: WeightArray[] = plan.slice(0, layers).map((p, i) => {
    if (weights.kernels[i].length !== p.kernelShape.reduce((a, b) => a * b, 1)) throw new Error(`Layer ${i}'s kernel does not fit the network's architecture.`);
    return { name: kernelMaskName(i), shape: p.kernelShape.slice(), values: weights.kernels[i] };
  });
  // Only the extractor is handed over, so both of the Compress view's layer switches are on:
  // here they would mean "the first and last convolution", and both are to be pruned.
  const masks = layerwiseMagnitudePrune(kernels, null, { sparsity, includeFirstLayer: true, includeOutputLayer: true, seed: 0 });
  const pruned = applyMasks(kernels, masks);
  const perLayer = masks.map((m) => ({ kept: countKept(m), total: m.keep.length }));
  return {
    sparsity,
    weights: { architecture: weights.architecture, kernels: [...pruned.map((w) => w.values), ...weights.kernels.slice(layers)], biases: weights.biases },
    masks,
    perLayer,
    kept: perLayer.reduce((s, l) => s + l.kept, 0),
    total: perLayer.reduce((s, l) => s + l.total, 0),
  };
}

export interface ExtractorPruningReport extends KernelCount {
  sparsity: number;
  perLayer: KernelCount[];
  /** The pruned pretrained network, its own source head on top, on the source test split. */
  sourceAccuracy: number;
  /** The same network before pruning (PretrainedModel.sourceAccuracy). */
  denseSourceAccuracy: number;
  sourceTestCount: number;
}

/** What pruning the extractor costs the task it was trained for. */
export function measureExtractorPruning(task: TransferTask, pretrained: PretrainedModel, layers: number, sparsity: number): ExtractorPruningReport {
  const pruned = pruneExtractor(pretrained.weights, layers, sparsity);
  const net = createNet(pruned.weights);
  try {
    return {
      sparsity,
      kept: pruned.kept,
      total: pruned.total,
      perLayer: pruned.perLayer,
      sourceAccuracy: accuracyOn(net, task.source.test),
      denseSourceAccuracy: pretrained.sourceAccuracy,
      sourceTestCount: task.source.test.count,
    };
  } finally {
    net.dispose();
  }
}
