// The runs kept in this browser, newest first; tick runs to compare or export them.
import { useAppStore } from '../../store';
import { runColor } from '../HistoryCompare/runStyle';
import { RunItem } from './RunItem';

export function HistoryList() {
  const runs = useAppStore((s) => s.historyRuns);
  const unsaved = useAppStore((s) => s.historyUnsaved);
  const selection = useAppStore((s) => s.historySelection);
  const storage = useAppStore((s) => s.historyStorage);
  if (storage === 'loading') return <p className="history-muted">Opening the History…</p>;
  if (runs.length === 0) {
    return <p className="history-empty">No runs yet. Every training run that finishes is kept here automatically, with its settings, curves and compression points.</p>;
  }
  return (
    <ul className="run-list" aria-label="Kept runs">
      {runs.map((run) => {
        const at = selection.indexOf(run.id);
        return <RunItem key={run.id} run={run} color={at >= 0 ? runColor(at).color : null} unsaved={unsaved.includes(run.id)} />;
      })}
    </ul>
  );
}
