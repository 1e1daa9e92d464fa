// The Auto-compress bar's sentence: where the search is while it runs, what it found after.
import type { AutoCompressState } from '../autoCompressSlice';
import { formatInteger, formatPercent, formatRatio, formatSeconds } from '../../../shared/format';

const PHASES = { reference: 'measuring the reference', prune: 'choosing what to prune', 'fine-tune': 'fine-tuning', bits: 'choosing bits per layer', polish: 'retraining the smallest masks with a falling learning rate', centroids: 'training the shared values of each layer\'s clusters (trained quantization)', test: 'measuring the result on the test set' } as const;
const STOPS = { rounds: 'it ran all its rounds', rate: 'pruning more broke the budget even in small steps', time: 'the time budget ran out' } as const;

const plural = (n: number, word: string) => `${formatInteger(n)} ${word}${n === 1 ? '' : 's'}`;

function smallestWithin(a: AutoCompressState) {
  return a.candidates.filter((c) => c.withinBudget).reduce<(typeof a.candidates)[number] | null>((b, c) => (!b || c.bytes < b.bytes ? c : b), null);
}

/** Seconds left: the time budget's rest, or (a rerun by rounds) the pace so far. */
function secondsLeft(a: AutoCompressState): number | null {
  const p = a.progress;
  if (!p) return null;
  const byTime = a.timeBudgetS - p.elapsedMs / 1000;
  const byRounds = p.fraction > 0 ? (p.elapsedMs / 1000) * (1 / p.fraction - 1) : Infinity;
  const left = Math.min(byTime, byRounds);
  return Number.isFinite(left) ? Math.max(0, left) : null;
}

export function statusText(a: AutoCompressState): string {
  if (a.error) return a.error;
  const best = smallestWithin(a);
  // The search steers by half of the validation images; the result is chosen on the other half
  // (engine/autocompress/holdout.ts), so it may be a larger candidate than this one.
  const bestText = best ? ` Smallest within the budget so far: ${formatInteger(best.bytes)} bytes (${formatRatio(best.ratio)}), ${formatPercent(best.validationAccuracy, 2)} on the half of the validation images the search uses; the result is chosen on the other half.` : '';
  if (a.running) {
    const p = a.progress;
    const left = secondsLeft(a);
    const where = !p ? 'starting' : p.polish ? `polish ${p.polish.index + 1} of ${p.polish.count}, ${PHASES[p.phase]}` : `round ${p.round} of at most ${p.maxRounds}, ${PHASES[p.phase]}`;
    return `Auto-compress: ${where}${left !== null ? ` · about ${formatSeconds(left)} left` : ''}. ${plural(a.candidates.length, 'candidate')} so far.${bestText}`;
  }
  const r = a.result;
  if (!r) return '';
  const stop = a.stoppedBy ? ` It stopped because ${STOPS[a.stoppedBy]}.` : '';
  // Every mask whose polish finished, also one whose bit search found nothing within its share
  // of the budget (it has no candidate on the chart): the figure the heading and link carry.
  const polished = r.autoCompressed?.polished ?? 0;
  const polishText = polished > 0 ? `, ${plural(polished, 'mask')} polished` : '';
  return `Found ${formatInteger(r.encodedBytes)} bytes (${formatRatio(r.ratio)} smaller than float32) at ${formatPercent(r.accuracy, 2)} on all ${formatInteger(r.evaluatedOn)} test images, after ${plural(r.autoCompressed?.rounds ?? 0, 'round')}${polishText} and ${plural(a.candidates.length, 'candidate')}.${stop} It is now the current model (its settings are per layer: see Look inside; move a slider to go back to the sliders' model); the path it took stays on the chart.`;
}

