// Words for a measured point: the tooltip, the screen-reader announcement, the hidden table
// and the one-line summary under the chart all say the same thing the same way.
import { PRUNING_METHODS } from '../../../engine/pruning/registry';
import type { BaselineInfo, CompressionPoint, CompressionSettings } from '../../../worker/compression-protocol';
import { formatSparsity } from '../../../url/compressControls';
import { formatKB, formatPercent, formatRatio } from '../../../shared/format';
import { ACCURACY_TOLERANCE } from '../../../engine/spec/defaults';

const SCHEME_NAMES: Record<string, string> = {
  none: 'float32 (no quantization)',
  float16: 'float16',
  symmetric: 'symmetric integer',
  affine: 'affine integer',
  kmeans: 'k-means',
};

export function methodLabel(settings: CompressionSettings): string {
  // Per-layer settings come only from an auto-compress search (its own pruning and bits).
  if (settings.byTensor) return 'Auto-compress';
  return PRUNING_METHODS[settings.pruning.method]?.label ?? settings.pruning.method;
}

/** "5, 5, 6-bit": each kernel's bit width, first layer first (an auto-compressed model's). */
function perLayerBits(byTensor: NonNullable<CompressionSettings['byTensor']>): string {
  const kernels = Object.entries(byTensor).filter(([name]) => name.endsWith('/kernel'));
  const bits = kernels.map(([, q]) => (q.scheme === 'none' ? 32 : q.scheme === 'float16' ? 16 : q.bits));
  const kmeans = kernels.every(([, q]) => q.scheme === 'kmeans');
  return `${bits.join(', ')}-bit${kmeans ? ' k-means' : ''} per layer`;
}

export function bitsLabel(settings: CompressionSettings): string {
  if (settings.byTensor) return perLayerBits(settings.byTensor);
  const q = settings.quantization;
  if (q.scheme === 'none') return '32-bit float';
  if (q.scheme === 'float16') return '16-bit float';
  const scope = q.scheme === 'kmeans' ? '' : q.granularity === 'channel' ? ', per channel' : ', per tensor';
  return `${q.bits}-bit ${SCHEME_NAMES[q.scheme]}${scope}`;
}

/** The share of weights that are zero in the measured model (not the slider's value: with
 * "Prune first layer" off, a ticket's own mask or structured pruning the two differ). */
export function achievedSparsityText(p: Pick<CompressionPoint, 'sparsity'>): string {
  return p.sparsity === 0 ? 'none' : formatPercent(p.sparsity, p.sparsity >= 0.99 ? 2 : 1);
}

/** What was measured, in words: "96.8% of weights pruned"; structured pruning also names the
 * share of hidden units its slider removed. */
export function sparsityLabel(p: Pick<CompressionPoint, 'settings' | 'sparsity'>): string {
  const weights = p.sparsity === 0 ? 'not pruned' : `${achievedSparsityText(p)} of weights pruned`;
  const requested = p.settings.pruning.sparsity;
  if (p.settings.pruning.method === 'structured' && requested > 0) return `${formatSparsity(requested)} of hidden units removed, ${weights}`;
  return weights;
}

/** The slider's value when it differs from what was measured, else null. */
export function requestedSparsityNote(p: Pick<CompressionPoint, 'settings' | 'sparsity'>): string | null {
  if (p.settings.byTensor) return null; // an auto-compressed model: no slider made it
  const requested = p.settings.pruning.sparsity;
  if (p.settings.pruning.method === 'structured') return `slider at ${formatSparsity(requested)} of units`;
  return Math.abs(requested - p.sparsity) < 0.0005 ? null : `slider at ${formatSparsity(requested)}`;
}

/** "31.2× smaller", "about the dense size", "1.3× larger". */
export function ratioPhrase(ratio: number): string {
  if (ratio >= 1.05) return `${formatRatio(ratio)} smaller`;
  if (ratio <= 0.95) return `${formatRatio(1 / ratio)} larger`;
  return 'about the dense size';
}

/** "Global magnitude, 90.0% pruned, 4-bit symmetric integer: 34.1 kB (31.2×), 97.6%". */
export function describePoint(p: CompressionPoint): string {
  const acc = `${p.estimate ? '~' : ''}${formatPercent(p.accuracy)}`;
  const tuned = p.fineTunedEpochs ? `, fine-tuned ${p.fineTunedEpochs} ${p.fineTunedEpochs === 1 ? 'epoch' : 'epochs'}` : '';
  return `${methodLabel(p.settings)}, ${sparsityLabel(p)}, ${bitsLabel(p.settings)}${tuned}: ${formatKB(p.encodedBytes)} (${ratioPhrase(p.ratio)}), ${acc} accuracy`;
}

const TOLERANCE_PT = `${ACCURACY_TOLERANCE * 100} pt`;

/** The takeaway in one sentence: the smallest model that keeps (almost) the reference's accuracy
 * (the dense model, or a handed-over ticket, which every sentence then calls the ticket). */
export function summarize(points: readonly CompressionPoint[], baseline: BaselineInfo | null): string {
  if (points.length === 0) return 'No settings measured yet: move a slider or press Sweep.';
  const n = `${points.length} ${points.length === 1 ? 'setting' : 'settings'} measured.`;
  if (!baseline) return n;
  const ticket = baseline.reference === 'ticket';
  const reference = ticket ? 'the ticket' : 'the dense model';
  const within = points.filter((p) => p.accuracy >= baseline.accuracy - ACCURACY_TOLERANCE);
  if (within.length === 0) return `${n} None stays within ${TOLERANCE_PT} of ${reference}'s ${formatPercent(baseline.accuracy)} yet.`;
  const best = within.reduce((a, b) => (b.encodedBytes < a.encodedBytes ? b : a));
  if (best.ratio < 1.5) return `${n} Prune more or use fewer bits to find a smaller model that keeps ${reference}'s ${formatPercent(baseline.accuracy)}.`;
  const tuned = best.fineTunedEpochs ? `, fine-tuned ${best.fineTunedEpochs} ${best.fineTunedEpochs === 1 ? 'epoch' : 'epochs'}` : '';
  return `${n} Smallest that stays within ${TOLERANCE_PT} of ${ticket ? 'the ticket' : 'dense'}: ${formatKB(best.encodedBytes)} (${formatRatio(best.ratio)} smaller than dense float32) at ${formatPercent(best.accuracy)}, ${sparsityLabel(best)}, ${bitsLabel(best.settings)} weights${tuned}.`;
}
