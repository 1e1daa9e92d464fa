// The right zone's headline: the numbers that matter, large, each saying what it measures.
import {
  selectSamplesPerSecond,
  selectTestAccuracy,
  selectTrainingLoss,
  selectValidationAccuracy,
  useAppStore,
} from '../../../store';
import { formatEpoch, formatInteger, formatLoss, formatPercent, formatSeconds } from '../../../shared/format';
import '../../../shared/ui/result-card.css';

function caption(
  runState: string,
  evalEpoch: number | null,
  epochs: number | null,
): string {
  if (evalEpoch === null) {
    return runState === 'idle' ? 'Train a model to measure it.' : 'Measured after the first evaluation.';
  }
  const at = `epoch ${formatEpoch(evalEpoch)}${epochs ? ` of ${epochs}` : ''}`;
  if (runState === 'done') return `Final, on the held-out test set (${at}).`;
  return `On the held-out test set, at ${at}.`;
}

export function ResultCard() {
  const test = useAppStore(selectTestAccuracy);
  const validation = useAppStore(selectValidationAccuracy);
  const loss = useAppStore(selectTrainingLoss);
  const samplesPerSecond = useAppStore(selectSamplesPerSecond);
  const runState = useAppStore((s) => s.runState);
  const evalEpoch = useAppStore((s) => s.latestEval?.epoch ?? null);
  const epochs = useAppStore((s) => s.runSpec?.epochs ?? null);
  const seconds = useAppStore((s) => s.outcome?.seconds ?? null);

  return (
    <section className="result-card" aria-labelledby="result-title">
      <h2 className="result-card__title" id="result-title">
        Result
      </h2>
      <div className="result-card__hero">
        <label className="result-card__hero-label result-card__series result-card__series--test" htmlFor="test-accuracy">
          Test accuracy
        </label>
        <output
          id="test-accuracy"
          className={`result-card__hero-value${test === null ? ' result-card__hero-value--empty' : ''}`}
          aria-live="off"
        >
          {formatPercent(test)}
        </output>
        <p className="result-card__caption">{caption(runState, evalEpoch, epochs)}</p>
      </div>
      <dl className="result-card__stats">
        <div>
          <dt className="result-card__series result-card__series--validation">Validation accuracy</dt>
          <dd>{formatPercent(validation)}</dd>
        </div>
        <div>
          <dt className="result-card__series result-card__series--loss">Training loss</dt>
          <dd>{formatLoss(loss)}</dd>
        </div>
        <div>
          <dt>Throughput</dt>
          <dd>
            {samplesPerSecond === null ? '—' : `${formatInteger(samplesPerSecond)} samples/s`}
          </dd>
        </div>
        {seconds !== null ? (
          <div>
            <dt>Training time</dt>
            <dd>{formatSeconds(seconds)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
