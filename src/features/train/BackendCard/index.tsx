// Which compute backend tfjs runs on in the worker, why, and a way to override it.
import type { BackendChoice } from '../../../engine/spec/types';
import { selectIsActive, useAppStore } from '../../../store';
import { SelectField } from '../../../shared/ui/Field';
import { MeasuredBackends } from './MeasuredBackends';
import './BackendCard.css';

const CHOICES: readonly { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WebAssembly (wasm)' },
  { value: 'cpu', label: 'CPU' },
];

export function BackendCard() {
  const backend = useAppStore((s) => s.backend);
  const status = useAppStore((s) => s.backendStatus);
  const error = useAppStore((s) => s.backendError);
  const choice = useAppStore((s) => s.backendChoice);
  const setBackendChoice = useAppStore((s) => s.setBackendChoice);
  const active = useAppStore(selectIsActive);

  const starting = status === 'initialising';
  const name = starting ? 'starting…' : (backend?.name ?? (status === 'error' ? 'unavailable' : '—'));
  let reason = backend?.reason ?? 'The page picks the fastest backend this browser offers.';
  if (starting) reason = choice === 'auto' ? 'Timing a few training steps on each backend this browser offers…' : 'Starting the backend you chose…';

  return (
    <section className="backend-card" aria-labelledby="backend-title">
      <h2 className="backend-card__title" id="backend-title">
        Compute
      </h2>
      <div className="backend-card__row">
        <label className="backend-card__label" htmlFor="backend-name">
          Backend
        </label>
        <output
          id="backend-name"
          className={`backend-card__name${starting ? ' backend-card__name--pending' : ''}`}
          aria-describedby="backend-reason"
          aria-live="off"
        >
          {name}
        </output>
      </div>
      <p className="backend-card__reason" id="backend-reason">
        {reason}
      </p>
      {backend?.timings && !starting ? <MeasuredBackends timings={backend.timings} running={backend.name} /> : null}
      {backend?.renderer && !starting ? (
        <details className="backend-card__details">
          <summary>Graphics details</summary>
          <p className="backend-card__renderer">
            WebGL renderer: {backend.renderer}
            {backend.softwareWebgl ? ' (drawn in software, not on a GPU)' : ''}
          </p>
        </details>
      ) : null}
      {error ? (
        <p className="backend-card__error" role="alert">
          {error}
        </p>
      ) : null}
      <SelectField
        label="Backend override"
        value={choice}
        options={CHOICES}
        onChange={(c) => void setBackendChoice(c)}
        disabled={active}
        hint={active ? 'Locked while a run is in progress.' : undefined}
      />
    </section>
  );
}
