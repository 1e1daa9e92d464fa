// "Fine-tune": retrains the pruned model with its mask held for a few epochs (quantization-aware
// at 4 bits or fewer) and adds the recovered point to the chart, drawn hollow next to the
// post-training one. Pruning removes accuracy; retraining moves the cliff.
import { useAppStore } from '../../../store';
import { FINE_TUNE_EPOCHS } from '../fineTuneSlice';
import { formatPercent } from '../../../shared/format';
import '../../../shared/ui/progress.css';
import '../SweepBar/SweepBar.css';

function resultText(f: NonNullable<ReturnType<typeof useAppStore.getState>['fineTune']>): string {
  if (f.error) return f.error;
  const r = f.result;
  if (!r) return `Fine-tuning: step ${f.step.toLocaleString('en-US')} of ${f.total ? f.total.toLocaleString('en-US') : '…'}`;
  const how = r.quantizeAware ? 'quantization-aware, mask held' : 'mask held';
  const was = f.before !== null ? ` (was ${formatPercent(f.before, 1)} without retraining)` : '';
  return `After ${r.fineTunedEpochs} epoch${r.fineTunedEpochs === 1 ? '' : 's'} of fine-tuning (${how}): ${formatPercent(r.accuracy, 1)} on all 10,000 test images${was}. It is on the chart as a hollow marker.`;
}

export function FineTuneBar() {
  const f = useAppStore((s) => s.fineTune);
  const epochs = useAppStore((s) => s.fineTuneEpochs);
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const { startFineTune, cancelFineTune, setFineTuneEpochs } = useAppStore.getState();
  const running = f?.running ?? false;

  return (
    <div className="sweep-bar">
      {running ? (
        <button type="button" className="btn" onClick={cancelFineTune}>
          Cancel fine-tuning
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => void startFineTune()} disabled={!ready}>
          Fine-tune
        </button>
      )}
      <label className="sweep-bar__epochs">
        <span>Fine-tune epochs</span>
        <input
          type="number"
          min={FINE_TUNE_EPOCHS.min}
          max={FINE_TUNE_EPOCHS.max}
          step={1}
          value={epochs}
          disabled={running}
          onChange={(e) => setFineTuneEpochs(Number(e.target.value))}
        />
      </label>
      <div className={`progress sweep-bar__progress${running ? '' : ' progress--done'}`}>
        {running && f ? (
          <div className="progress__track" role="progressbar" aria-label="Fine-tune progress" aria-valuemin={0} aria-valuemax={f.total || 1} aria-valuenow={f.step}>
            <div className="progress__fill" style={{ transform: `scaleX(${f.total ? f.step / f.total : 0})` }} />
          </div>
        ) : null}
        <div className="progress__text" role="status">
          <span>{f ? resultText(f) : 'Retrain the pruned model with its mask held, to win back accuracy.'}</span>
        </div>
      </div>
    </div>
  );
}
