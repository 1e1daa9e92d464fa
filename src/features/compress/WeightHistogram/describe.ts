// The histogram's text alternative: what a student should read off the picture, in one sentence.
import { formatInteger } from '../../../shared/format';
import type { LayerInspection } from '../../../worker/compression-protocol';

export function formatWeight(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 0.01 ? v.toFixed(a >= 1 ? 2 : 3) : v.toExponential(1);
}

export function describeLevels(layer: LayerInspection): string {
  const levels = layer.levels;
  if (!levels) return 'the survivors keep their float values (no integer levels)';
  const step = levels.length > 1 ? levels[1] - levels[0] : 0;
  const uniform = levels.length > 2 && Math.abs(levels[2] - levels[1] - step) <= 1e-6 * Math.abs(step);
  const grid = `${levels.length} levels${uniform ? `, ${formatWeight(step)} apart` : ' (a k-means codebook)'}`;
  return layer.levelGroups > 1
    ? `each of its ${formatInteger(layer.levelGroups)} output channels has its own ${grid.replace(/, .*$/, '')}; marked are those of channel ${layer.levelsChannel}, the widest (${grid})`
    : `the survivors take one of ${grid}`;
}

export function describeHistogram(layer: LayerInspection): string {
  const pruned = layer.count === 0 ? 0 : 1 - layer.kept / layer.count;
  const head = `${layer.name}: ${formatInteger(layer.count)} trained weights between ${formatWeight(-layer.range)} and ${formatWeight(layer.range)}`;
  if (layer.kept === 0) return `${head}; every one of them was pruned, so nothing is left to quantize.`;
  const kept = layer.kept === layer.count ? 'none pruned' : `${formatInteger(layer.kept)} kept (${(pruned * 100).toFixed(pruned > 0.99 ? 2 : 1)}% pruned)`;
  return `${head}; ${kept}; ${describeLevels(layer)}.`;
}
