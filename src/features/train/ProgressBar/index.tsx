// Long work shows progress: a bar, the pace (samples/s and steps/s) and the time left.
import { selectProgressFraction, useAppStore } from '../../../store';
import { formatEpoch, formatInteger, formatSeconds } from '../../../shared/format';
import '../../../shared/ui/progress.css';

export function ProgressBar() {
  const progress = useAppStore((s) => s.progress);
  const runState = useAppStore((s) => s.runState);
  const runSpec = useAppStore((s) => s.runSpec);
  const dataStatus = useAppStore((s) => s.dataStatus);
  const fraction = useAppStore(selectProgressFraction);
  const backendStarting = useAppStore((s) => s.backendStatus === 'initialising');

  const step = progress?.step ?? 0;
  const total = progress?.totalSteps ?? 0;
  const percent = Math.round(fraction * 100);
  const loading = runState === 'loading-data';
  const epochs = runSpec?.epochs;

  let left: string;
  if (loading) {
    const message = dataStatus?.message ?? 'Loading the data…';
    const known = dataStatus?.fraction !== undefined && !message.includes('%');
    left = known ? `${message} ${Math.round((dataStatus?.fraction ?? 0) * 100)}%` : message;
  } else if (progress) {
    left = `Step ${formatInteger(step)} of ${formatInteger(total)} · epoch ${formatEpoch(
      Math.min(progress.epoch, epochs ?? progress.epoch),
    )} of ${epochs ?? '—'}`;
  } else if (runState === 'running' || runState === 'paused') {
    left = 'Training the first batches…';
  } else if (backendStarting) {
    left = 'Starting the compute backend…';
  } else {
    left = 'Ready. Nothing trained yet.';
  }

  let right = '';
  if (progress && !loading) {
    const stepsPerSecond = runSpec ? progress.samplesPerSecond / runSpec.batchSize : null;
    const pace = `${formatInteger(progress.samplesPerSecond)} samples/s${
      stepsPerSecond !== null ? ` (${formatInteger(stepsPerSecond)} steps/s)` : ''
    }`;
    const eta =
      runState === 'running'
        ? `${formatSeconds(progress.secondsLeft)} left`
        : runState === 'paused'
          ? 'paused'
          : runState === 'done'
            ? 'finished'
            : runState;
    right = `${pace} · ${eta}`;
  }

  return (
    <div className={`progress progress--${runState}`}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={progress ? `${percent}% (step ${step} of ${total})` : left}
      >
        <div
          className={`progress__fill${loading ? ' progress__fill--loading' : ''}`}
          style={{ transform: `scaleX(${loading ? (dataStatus?.fraction ?? 0.15) : fraction})` }}
        />
      </div>
      <div className="progress__text">
        <span className="progress__left">{left}</span>
        {right ? <span className="progress__right">{right}</span> : null}
      </div>
    </div>
  );
}
