// Words for a measured point: the tooltip, the screen-reader announcement, the hidden table
// and the one-line summary under the chart all say the same thing the same way.
import { PRUNING_METHODS } from '../../../engine/pruning/registry';
import type { BaselineInfo, CompressionPoint, CompressionSettings } from '../../../worker/compression-protocol';
import { formatSparsity } from '../../../url/compressControls';
import { formatKB, formatPercent, formatRatio } from '../../../shared/format';

const SCHEME_NAMES: Record<string, string> = {
  none: 'float32 (no quantization)',
  float16: 'float16',
  symmetric: 'symmetric integer',
  affine: 'affine integer',
  kmeans: 'k-means',
};

export function methodLabel(settings: CompressionSettings): string {
  return PRUNING_METHODS[settings.pruning.method]?.label ?? settings.pruning.method;
}

export function bitsLabel(settings: CompressionSettings): string {
  const q = settings.quantization;
  if (q.scheme === 'none') return '32-bit float';
  if (q.scheme === 'float16') return '16-bit float';
  const scope = q.scheme === 'kmeans' ? '' : q.granularity === 'channel' ? ', per channel' : ', per tensor';
  return `${q.bits}-bit ${SCHEME_NAMES[q.scheme]}${scope}`;
}

export function sparsityLabel(settings: CompressionSettings): string {
  const s = settings.pruning.sparsity;
  return s === 0 ? 'not pruned' : `${formatSparsity(s)} pruned`;
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
  return `${methodLabel(p.settings)}, ${sparsityLabel(p.settings)}, ${bitsLabel(p.settings)}: ${formatKB(p.encodedBytes)} (${ratioPhrase(p.ratio)}), ${acc} accuracy`;
}

/** The takeaway in one sentence: the smallest model that keeps (almost) dense accuracy. */
export function summarize(points: readonly CompressionPoint[], baseline: BaselineInfo | null): string {
  if (points.length === 0) return 'No settings measured yet: move a slider or press Sweep.';
  const n = `${points.length} ${points.length === 1 ? 'setting' : 'settings'} measured.`;
  if (!baseline) return n;
  const within = points.filter((p) => p.accuracy >= baseline.accuracy - 0.005);
  if (within.length === 0) return `${n} None stays within 0.5 pt of the dense model's ${formatPercent(baseline.accuracy)} yet.`;
  const best = within.reduce((a, b) => (b.encodedBytes < a.encodedBytes ? b : a));
  if (best.ratio < 1.5) return `${n} Prune more or use fewer bits to find a smaller model that keeps the dense ${formatPercent(baseline.accuracy)}.`;
  return `${n} Smallest that stays within 0.5 pt of dense: ${formatKB(best.encodedBytes)} (${formatRatio(best.ratio)} smaller) at ${formatPercent(best.accuracy)}, with ${sparsityLabel(best.settings)} and ${bitsLabel(best.settings)} weights.`;
}
