// Announcements: a polite status line for what the run is doing, and an alert for errors.
// Errors are sentences from the store (what happened, what to do next), never stack traces.
import { selectHasFieldErrors, selectIsActive, useAppStore } from '../../../store';
import './StatusRegion.css';

export function StatusRegion() {
  const status = useAppStore((s) => s.statusMessage);
  const error = useAppStore((s) => s.errorMessage);
  const dismissError = useAppStore((s) => s.dismissError);
  const blocked = useAppStore((s) => selectHasFieldErrors(s) && !selectIsActive(s));
  // The next step of the story: a trained model is there to be compressed.
  const canCompress = useAppStore((s) => s.runState === 'done' && s.runSpec !== null);
  const setView = useAppStore((s) => s.setView);

  return (
    <div className="status-region">
      <div role="alert" className="status-region__alert-slot">
        {error ? (
          <div className="status-region__error">
            <span className="status-region__error-text">{error}</span>
            <button type="button" className="btn btn--link" onClick={dismissError}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="status-region__status">
        {status}
        {canCompress ? (
          <>
            {' '}
            <button type="button" className="btn btn--link" onClick={() => setView('compress')}>
              Compress this model →
            </button>
          </>
        ) : null}
      </p>
      {blocked ? (
        <p className="status-region__hint">Fix the highlighted setting on the left to train.</p>
      ) : null}
    </div>
  );
}
