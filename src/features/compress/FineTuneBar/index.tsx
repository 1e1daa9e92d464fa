// "Fine-tune": retrains the pruned model with its mask held for a few epochs (quantization-aware
// at 4 bits or fewer) and adds the recovered point to the chart, drawn hollow next to the
// post-training one. Pruning removes accuracy; retraining moves the cliff.
import { useAppStore } from '../../../store';
import { FINE_TUNE_EPOCHS } from '../fineTuneSlice';
import { formatInteger, formatPercent, formatSeconds } from '../../../shared/format';
import type { AppState } from '../../../store/types';
import type { BaselineInfo } from '../../../worker/compression-protocol';
import type { LabPoint } from '../shown';
import '../../../shared/ui/progress.css';
import '../SweepBar/SweepBar.css';

type FineTune = NonNullable<AppState['fineTune']>;

/** Says plainly when a fine-tuned model beats its reference because it simply trained longer. */
function longerTrainingNote(r: LabPoint, reference: BaselineInfo | null, denseEpochs: number | null): string {
  if (!reference || r.accuracy <= reference.accuracy) return '';
  const who = reference.reference === 'ticket' ? 'the ticket' : 'the dense model';
  const trained = denseEpochs ? `${who} trained for ${denseEpochs} ${denseEpochs === 1 ? 'epoch' : 'epochs'}` : `${who} trained once`;
  return ` That is above ${who}'s ${formatPercent(reference.accuracy, 1)}, but not a free gain: ${trained} and fine-tuning added ${r.fineTunedEpochs} more on the same data, so part of the lead is longer training.`;
}

function resultText(f: FineTune, reference: BaselineInfo | null, denseEpochs: number | null): string {
  if (f.error) return f.error;
  const r = f.result;
  if (!r) {
    // Time left as the Train view says it: from the pace so far.
    const left = f.step > 0 && f.total > f.step ? ((performance.now() - f.startedAt) / f.step) * (f.total - f.step) : null;
    const eta = left !== null ? ` · about ${formatSeconds(left / 1000)} left` : '';
    return `Fine-tuning: step ${f.step.toLocaleString('en-US')} of ${f.total ? f.total.toLocaleString('en-US') : '…'}${eta}`;
  }
  const how = r.quantizeAware ? 'quantization-aware, mask held' : 'mask held';
  const was = r.accuracyBeforeFineTune !== undefined ? ` (was ${formatPercent(r.accuracyBeforeFineTune, 1)} at the same settings without retraining)` : '';
  return `After ${r.fineTunedEpochs} epoch${r.fineTunedEpochs === 1 ? '' : 's'} of fine-tuning (${how}): ${formatPercent(r.accuracy, 1)} on all ${formatInteger(r.evaluatedOn)} test images${was}.${longerTrainingNote(r, reference, denseEpochs)} It is on the chart as a hollow marker; click a marker to switch between the two models.`;
}

export function FineTuneBar() {
  const f = useAppStore((s) => s.fineTune);
  const epochs = useAppStore((s) => s.fineTuneEpochs);
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const reference = useAppStore((s) => s.baseline);
  // A ticket's own training length is the lottery run's; the page knows the trained model's.
  const denseEpochs = useAppStore((s) => (s.baseline?.reference === 'ticket' ? null : (s.runSpec?.epochs ?? null)));
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
          <span>{f ? resultText(f, reference, denseEpochs) : 'Retrain the pruned model with its mask held, to win back accuracy.'}</span>
        </div>
      </div>
    </div>
  );
}
