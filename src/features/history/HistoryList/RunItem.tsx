// One kept run: its kind and name (renamable), what it was, what it reached (./RunLines), and
// Open / Rename / Delete.
// Renaming happens in place: Enter saves, Escape cancels, focus comes back to Rename.
// Every row has the same height (ROW_PITCH): long lines end in an ellipsis rather than wrap.
import { memo, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RunSummary } from '../../../history/types';
import { useAppStore } from '../../../store';
import { KindBadge, RunLines } from './RunLines';

/** Distance from one row's top to the next (the row's fixed height plus the gap): the list only
 * draws the rows in view, so every row must be this tall (HistoryPanel.css holds the content to
 * it). On a narrow screen lines may wrap to two (TALL_ROW_PITCH), so a run's name stays readable. */
export const ROW_PITCH = 158;
export const TALL_ROW_PITCH = 240;
/** Below this list width, rows are tall. */
export const NARROW_LIST_PX = 560;
export const ROW_GAP = 8;

interface RunItemProps {
  run: RunSummary;
  /** Position in the whole list, from 0 (most rows are not drawn). */
  index: number;
  setSize: number;
  /** ROW_PITCH or TALL_ROW_PITCH. */
  pitch: number;
  color: string | null;
  unsaved: boolean;
}

// Memoised: while the list scrolls, rows that stay in view are not drawn again.
export const RunItem = memo(function RunItem({ run, index, setSize, pitch, color, unsaved }: RunItemProps) {
  const nameId = useId();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(run.name);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const selected = useAppStore((s) => s.historySelection.includes(run.id));
  const { toggleRunSelected, openRun, renameRun, deleteRun } = useAppStore.getState();

  useEffect(() => {
    if (renaming) input.current?.select();
  }, [renaming]);

  const finish = (save: boolean) => {
    if (save) void renameRun(run.id, draft);
    setRenaming(false);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    finish(true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // the dialog would close on Escape too
      finish(false);
    }
  };

  return (
    <li
      className="run-item"
      aria-labelledby={nameId}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-index={index}
      style={{ top: index * pitch, height: pitch - ROW_GAP }}
    >
      <div className="run-item__head">
        <input
          type="checkbox"
          className="field__checkbox"
          checked={selected}
          aria-label={`Compare ${run.name}`}
          onChange={() => toggleRunSelected(run.id)}
        />
        {color ? <span className="run-item__swatch" style={{ background: color }} aria-hidden="true" /> : null}
        <KindBadge kind={run.kind} />
        {renaming ? (
          <form className="run-item__rename" onSubmit={onSubmit} onKeyDown={onKeyDown}>
            <input ref={input} className="field__control" value={draft} maxLength={120} aria-label={`New name for ${run.name}`} onChange={(e) => setDraft(e.target.value)} />
            <button type="submit" className="btn btn--primary">
              Save
            </button>
            <button type="button" className="btn" onClick={() => finish(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <strong className="run-item__name" id={nameId}>
            {run.name}
          </strong>
        )}
        {unsaved ? <span className="run-item__badge run-item__badge--warn">not saved</span> : null}
        {run.imported ? <span className="run-item__badge">imported</span> : null}
        {run.status === 'cancelled' ? <span className="run-item__badge">stopped early</span> : null}
      </div>
      <RunLines run={run} />
      {!renaming ? (
        <div className="run-item__actions">
          <button type="button" className="btn" onClick={() => openRun(run.id)}>
            Open<span className="visually-hidden"> {run.name}</span>
          </button>
          <button
            type="button"
            className="btn btn--quiet"
            ref={renameButton}
            onClick={() => {
              setDraft(run.name);
              setRenaming(true);
            }}
          >
            Rename<span className="visually-hidden"> {run.name}</span>
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => void deleteRun(run.id)}>
            Delete<span className="visually-hidden"> {run.name}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
});
