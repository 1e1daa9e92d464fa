// "Auto-compress": the reader gives an accuracy budget and a time budget, the worker searches for
// the smallest encoded model within it (rounds of pruning with fine-tuning, then k-means bits
// per layer; engine/autocompress) and every candidate appears on the chart as it is found. The
// result becomes the current model. A link that holds a search's result offers to rerun it.
import { useAppStore } from '../../../store';
import { AUTO_TIME_BUDGET_S, type AutoCompressState } from '../autoCompressSlice';
import { formatInteger, formatPercent, formatRatio, formatSeconds } from '../../../shared/format';
import '../../../shared/ui/progress.css';
import '../SweepBar/SweepBar.css';

const PHASES = { reference: 'measuring the reference', prune: 'choosing what to prune', 'fine-tune': 'fine-tuning', bits: 'choosing bits per layer', polish: 'retraining the smallest masks with a falling learning rate', test: 'measuring the result on the test set' } as const;
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

function statusText(a: AutoCompressState): string {
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
  const polished = new Set(a.candidates.filter((c) => c.stage === 'polish').map((c) => c.round)).size;
  const polishText = polished > 0 ? `, ${plural(polished, 'mask')} polished` : '';
  return `Found ${formatInteger(r.encodedBytes)} bytes (${formatRatio(r.ratio)} smaller than float32) at ${formatPercent(r.accuracy, 2)} on all ${formatInteger(r.evaluatedOn)} test images, after ${plural(r.autoCompressed?.rounds ?? 0, 'round')}${polishText} and ${plural(a.candidates.length, 'candidate')}.${stop} It is now the current model (its settings are per layer: see Look inside; move a slider to go back to the sliders' model); the path it took stays on the chart.`;
}

export function AutoCompressBar() {
  const a = useAppStore((s) => (s.autoCompress?.modelId === s.labModelId ? s.autoCompress : null));
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const budget = useAppStore((s) => s.compressUi.autoBudget);
  const linked = useAppStore((s) => s.compressUi.auto && !s.points.some((p) => p.modelId === s.labModelId && p.autoCompressed));
  const rounds = useAppStore((s) => s.compressUi.autoRounds);
  const timeBudget = useAppStore((s) => s.autoTimeBudgetS);
  const { startAutoCompress, cancelAutoCompress, setAutoTimeBudget, setCompressUi } = useAppStore.getState();
  const running = a?.running ?? false;
  const fraction = a?.progress?.fraction ?? 0;

  return (
    <div className="sweep-bar auto-compress" role="group" aria-label="Auto-compress">
      {running ? (
        <button type="button" className="btn" onClick={cancelAutoCompress}>
          Cancel
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => void startAutoCompress(linked)} disabled={!ready}>
          {linked ? 'Rerun auto-compress' : 'Auto-compress'}
        </button>
      )}
      <label className="sweep-bar__epochs">
        <span>Accuracy budget (points)</span>
        <input
          type="number"
          aria-label="Accuracy budget"
          min={0}
          max={5}
          step={0.1}
          value={budget}
          disabled={running}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && v >= 0 && v <= 5) setCompressUi({ autoBudget: v });
          }}
        />
      </label>
      <label className="sweep-bar__epochs">
        <span>Time budget (s)</span>
        <input type="number" min={AUTO_TIME_BUDGET_S.min} max={AUTO_TIME_BUDGET_S.max} step={10} value={timeBudget} disabled={running || linked} onChange={(e) => setAutoTimeBudget(Number(e.target.value))} />
      </label>
      <div className={`progress sweep-bar__progress${running ? '' : ' progress--done'}`}>
        {running ? (
          <div className="progress__track" role="progressbar" aria-label="Auto-compress progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * fraction)}>
            <div className="progress__fill" style={{ transform: `scaleX(${fraction})` }} />
          </div>
        ) : null}
        <div className="progress__text" role="status">
          <span>
            {a
              ? statusText(a)
              : linked
                ? `This link holds an auto-compressed model: ${rounds} rounds within ${budget} pt. Press "Rerun auto-compress" to find it again on this model.`
                : 'Search for the smallest model within the accuracy budget: pruning rounds with fine-tuning and bits per layer, then the smallest masks retrained with a falling learning rate (a polish).'}
          </span>
        </div>
      </div>
    </div>
  );
}
