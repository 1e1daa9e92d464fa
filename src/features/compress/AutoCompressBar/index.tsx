// "Auto-compress": the reader gives an accuracy budget and a time budget, the worker searches for
// the smallest encoded model within it (rounds of pruning with fine-tuning, then k-means bits
// per layer; engine/autocompress) and every candidate appears on the chart as it is found. The
// result becomes the current model. A link that holds a search's result offers to rerun it.
import { useAppStore } from '../../../store';
import { AUTO_TIME_BUDGET_S } from '../autoCompressSlice';
import { statusText } from './status';
import '../../../shared/ui/progress.css';
import '../SweepBar/SweepBar.css';

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
                : 'Search for the smallest model within the accuracy budget: pruning rounds with fine-tuning and bits per layer, then the smallest masks retrained with a falling learning rate (a polish), ending with their k-means values trained (trained quantization). Every retraining learns from the labels and from the reference model\'s own predictions (distillation).'}
          </span>
        </div>
      </div>
    </div>
  );
}
