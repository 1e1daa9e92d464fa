// Empty states teach: before the first run, say what pressing Train will do and what to watch.
import { DATASETS } from '../../../engine/datasets/registry';
import { MODELS } from '../../../engine/models/registry';
import { selectSpec, useAppStore } from '../../../store';
import './EmptyState.css';

export function EmptyState() {
  const spec = useAppStore(selectSpec);
  const runState = useAppStore((s) => s.runState);
  const setView = useAppStore((s) => s.setView);

  if (runState === 'loading-data' || runState === 'running') {
    return (
      <div className="empty-state">
        <p className="empty-state__lead">Getting ready…</p>
        <p className="empty-state__text">The curves appear with the first batches.</p>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p className="empty-state__lead">Nothing trained yet</p>
      <p className="empty-state__text">
        Press <strong>Train</strong> and {MODELS[spec.model].label} learns{' '}
        {DATASETS[spec.dataset].label} from scratch, right here in your browser. Watch the loss
        fall and the accuracy climb.
      </p>
      {/* A newcomer who does not yet know what to look for gets a guided path instead. */}
      <p className="empty-state__text empty-state__learn">
        New to pruning and quantization?{' '}
        <button type="button" className="link-button" onClick={() => setView('learn')}>
          Start a guided lesson
        </button>
      </p>
    </div>
  );
}

/** One line for the accuracy chart, so the two cards do not repeat each other. */
export function EmptyHint({ text }: { text: string }) {
  return <p className="empty-hint">{text}</p>;
}
