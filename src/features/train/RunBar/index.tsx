// The transport: Train / Pause / Step / Reset above the curves, with the progress bar, so the
// button that starts everything sits next to the picture it changes.
import {
  selectCanPause,
  selectCanReset,
  selectCanStep,
  selectCanTrain,
  useAppStore,
} from '../../../store';
import { ProgressBar } from '../ProgressBar';
import '../../../shared/ui/run-bar.css';
import { ActionBar } from '../../../shared/ui/ActionBar';

function Icon({ d }: { d: string }) {
  return (
    <svg className="run-bar__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

const ICONS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  step: 'M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z',
  reset: 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.9.6A3.5 3.5 0 1 0 8 4.5V7L4.5 3.5 8 0z',
};

export function RunBar() {
  const runState = useAppStore((s) => s.runState);
  const canTrain = useAppStore(selectCanTrain);
  const canPause = useAppStore(selectCanPause);
  const canStep = useAppStore(selectCanStep);
  const canReset = useAppStore(selectCanReset);
  const backendStarting = useAppStore((s) => s.backendStatus === 'initialising');
  const hasFieldErrors = useAppStore((s) => Object.keys(s.fieldErrors).length > 0);
  const { startTraining, pause, step, reset } = useAppStore.getState();

  const paused = runState === 'paused';
  let trainHint = 'Train a fresh model with these settings';
  if (paused) trainHint = 'Continue training from where it paused';
  else if (hasFieldErrors) trainHint = 'Fix the highlighted settings first';
  else if (backendStarting) trainHint = 'Waiting for the compute backend to start';

  return (
    <div className="run-bar">
      <ActionBar label="Run controls" placement="inline" className="run-bar__buttons">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void startTraining()}
          disabled={!canTrain}
          title={trainHint}
        >
          <Icon d={ICONS.play} />
          Train
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void pause()}
          disabled={!canPause}
          title="Pause after the current batch"
        >
          <Icon d={ICONS.pause} />
          Pause
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void step()}
          disabled={!canStep}
          title="While paused: train on one more batch"
        >
          <Icon d={ICONS.step} />
          Step
        </button>
        <button
          type="button"
          className="btn btn--quiet"
          onClick={() => void reset()}
          disabled={!canReset}
          title="Stop, forget the trained weights and clear the charts"
        >
          <Icon d={ICONS.reset} />
          Reset
        </button>
      </ActionBar>
      <ProgressBar />
    </div>
  );
}
