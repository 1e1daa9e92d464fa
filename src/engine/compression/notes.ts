// Sentences for results that are technically valid but degenerate, so the page can say why a
// layer went silent or a slider did less than asked, instead of showing a number that puzzles.
import type { WeightArray } from '../spec/types';
import { countKept, isKernel, type Mask } from '../pruning/mask';
import type { PruningMethodId } from '../pruning/registry';
import type { QuantizationSettings, QuantizedTensor } from '../quantization/types';
import { kmeansClusters } from '../quantization/quantize';

const percent = (f: number): string => `${(100 * f).toFixed(f > 0.99 && f < 1 ? 2 : 1)}%`;

export interface PruningScope {
  method: PruningMethodId;
  sparsity: number;
  includeFirstLayer: boolean;
  includeOutputLayer: boolean;
}

/** Notes on what pruning did against what was asked. */
export function pruningNotes(weights: WeightArray[], masks: Mask[], scope: PruningScope): string[] {
  const notes: string[] = [];
  const kernels = weights.filter(isKernel);
  const last = kernels.length - 1;
  const included = kernels.filter(
    (_, i) => !(i === 0 && !scope.includeFirstLayer) && !(i === last && !scope.includeOutputLayer),
  );
  if (scope.sparsity > 0 && included.length === 0) {
    notes.push('No layer is open to pruning with these settings (the first and output layers are excluded), so nothing was pruned.');
  }
  if (scope.method === 'structured' && scope.includeOutputLayer && scope.sparsity > 0) {
    notes.push('Structured pruning never removes output neurons (each one is a class); the output layer loses only the connections from removed neurons.');
  }
  if (scope.method !== 'structured' && included.length > 0) {
    const byName = new Map(masks.map((m) => [m.name, m]));
    let total = 0;
    let pruned = 0;
    for (const k of included) {
      const m = byName.get(k.name);
      total += k.values.length;
      pruned += m ? m.keep.length - countKept(m) : 0;
    }
    const achieved = total === 0 ? 0 : pruned / total;
    if (Math.abs(achieved - scope.sparsity) > 0.005) {
      notes.push(
        achieved > scope.sparsity
          ? `${percent(achieved)} of the chosen weights were already pruned, more than the ${percent(scope.sparsity)} asked for; pruning never brings weights back.`
          : `Asked for ${percent(scope.sparsity)} sparsity, but with ${total} prunable weights per the rules the nearest is ${percent(achieved)}.`,
      );
    }
  }
  for (const m of masks) {
    if (m.keep.length > 0 && countKept(m) === 0) {
      notes.push(`Every weight of ${m.name} was pruned: that layer now passes on only its biases, and the model may predict one class.`);
    }
  }
  return notes;
}

/** Notes on degenerate quantization: 1-bit signs, silent layers, too few weights for clusters. */
export function quantizationNotes(quantized: QuantizedTensor[], settings: QuantizationSettings): string[] {
  const notes: string[] = [];
  if (settings.scheme === 'symmetric' && settings.bits === 1) {
    notes.push(
      '1-bit symmetric quantization keeps only each weight\'s sign: every weight becomes plus or minus the mean magnitude of its ' +
        (settings.granularity === 'channel' ? 'output channel.' : 'layer.'),
    );
  }
  for (const q of quantized) {
    if (!isKernel({ name: q.name, shape: q.shape, values: q.dequantized })) continue; // biases stay float32
    const kept = q.codes.length;
    if (kept === 0) continue;
    let nonZero = false;
    for (let i = 0; i < q.dequantized.length && !nonZero; i++) nonZero = q.dequantized[i] !== 0;
    if (!nonZero) {
      notes.push(`All ${kept} surviving weights of ${q.name} are 0 after quantization, so that layer passes on only its biases.`);
    }
    // The codebook's own length: a per-tensor setting may differ from the model-wide one.
    const clusters = q.codebook?.length ?? kmeansClusters(settings);
    if (q.scheme === 'kmeans' && kept < clusters) {
      notes.push(`${q.name} has only ${kept} surviving weights for ${clusters} clusters, so some clusters stay empty.`);
    }
  }
  return notes;
}
