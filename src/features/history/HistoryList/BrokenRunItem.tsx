// The row drawn in place of a run whose row threw while rendering (a damaged saved record): at
// the same place and height, so the windowed list stays in step, with a way to delete it.
import type { RunSummary } from '../../../history/types';
import { useAppStore } from '../../../store';
import { ROW_GAP } from './RunItem';

interface Props {
  run: RunSummary;
  index: number;
  setSize: number;
  pitch: number;
}

export function BrokenRunItem({ run, index, setSize, pitch }: Props) {
  const deleteRun = useAppStore((s) => s.deleteRun);
  const name = typeof run.name === 'string' && run.name ? run.name : 'A saved run';
  return (
    <li className="run-item run-item--broken" aria-posinset={index + 1} aria-setsize={setSize} data-index={index} style={{ top: index * pitch, height: pitch - ROW_GAP }}>
      <p className="run-item__meta" role="alert">
        <strong>{name}</strong> could not be shown: its saved record is damaged. The other runs are fine.
      </p>
      <div className="run-item__actions">
        <button type="button" className="btn" onClick={() => void deleteRun(String(run.id))}>
          Delete<span className="visually-hidden"> the damaged run {name}</span>
        </button>
      </div>
    </li>
  );
}
