// Empty states teach: the Compress view needs a trained model, says so, and offers one button
// that trains the default LeNet-300-100 right here, with its progress, instead of a dead page.
import { selectIsActive, useAppStore } from '../../../store';
import { formatSeconds } from '../../../shared/format';
import type { ReactNode } from 'react';
import '../../../shared/ui/run-bar.css';
import './CompressEmptyState.css';

/** Seconds per MNIST epoch measured here on the wasm backend (LeNet-300-100, batch 60). */
const SECONDS_PER_EPOCH = 10;

interface Props {
  /** The training run's progress bar and status line (the Train view's own, passed in by the
   * view that composes both features). */
  progress: ReactNode;
  status: ReactNode;
}

export function CompressEmptyState({ progress, status }: Props) {
  const spec = useAppStore((s) => s.spec);
  const runState = useAppStore((s) => s.runState);
  const active = useAppStore(selectIsActive);
  const loading = useAppStore((s) => s.baselineStatus === 'loading');
  const unavailable = useAppStore((s) => s.baselineStatus === 'unavailable');
  const backendStarting = useAppStore((s) => s.backendStatus === 'initialising');
  const error = useAppStore((s) => s.compressError);
  const train = useAppStore((s) => s.trainForCompression);

  const usesSpec = spec.dataset === 'mnist' && spec.model === 'lenet_300_100';
  const epochs = usesSpec ? spec.epochs : 2;
  const paused = runState === 'paused';
  const busy = (active && !paused) || loading;

  let lead = 'Compression needs a trained model';
  let text = `Pruning and quantization start from a trained network. One click trains LeNet-300-100 on MNIST for ${epochs} ${epochs === 1 ? 'epoch' : 'epochs'} (about ${formatSeconds(epochs * SECONDS_PER_EPOCH + 6)} here); then the sliders come alive.`;
  if (paused) {
    lead = 'Training is paused';
    text = 'The lab opens once training has finished. Resume it here, or press Reset in the Train view to start over.';
  } else if (loading) {
    lead = 'Opening the trained model…';
    text = 'Measuring the dense model on the 10,000 test images.';
  } else if (active) {
    lead = 'Training LeNet-300-100…';
    text = 'The sliders come alive as soon as training finishes.';
  } else if (unavailable) {
    lead = 'The trained model could not be opened';
    text = 'Train again to give the lab a model to compress.';
  }

  return (
    <div className="compress-empty">
      <svg className="compress-empty__art" viewBox="0 0 64 40" aria-hidden="true">
        <rect x="2" y="6" width="26" height="28" rx="3" />
        <path d="M34 20h12m-4-4 4 4-4 4" />
        <rect x="52" y="14" width="10" height="12" rx="2" />
      </svg>
      <p className="compress-empty__lead">{lead}</p>
      <p className="compress-empty__text">{text}</p>
      {!busy ? (
        <button type="button" className="btn btn--primary compress-empty__button" onClick={() => void train()} disabled={backendStarting && !paused}>
          {paused ? 'Resume training' : 'Train a model first'}
        </button>
      ) : null}
      {active || runState === 'done' ? (
        <div className="compress-empty__progress">
          {progress}
        </div>
      ) : null}
      {error ? <p className="compress-empty__error" role="alert">{error}</p> : null}
      {status}
      <ol className="compress-empty__steps" aria-label="What you will do here">
        <li>
          <strong>Sparsity</strong> sets most weights to zero. Watch the size fall while the accuracy holds, until a cliff.
        </li>
        <li>
          <strong>Bit width</strong> stores the survivors in fewer bits: 4 bits instead of 32 is another 8× smaller.
        </li>
        <li>
          <strong>Sweep</strong> measures a whole grid and draws the best size for each accuracy: the Pareto frontier.
        </li>
      </ol>
    </div>
  );
}
