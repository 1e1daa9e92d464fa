// The runs kept in this browser, newest first; tick runs to compare or export them.
// A thousand runs stay quick: only the rows in view (and a few either side) are drawn, at a fixed
// height, in a list as tall as all of them, so the scrollbar tells the truth. Screen readers hear
// "412 of 1,000" for each item (aria-posinset / aria-setsize); the arrow keys, Page Up / Page Down and
// Home / End move between rows, keeping the same control; Tab walks the rows in order.
import { useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useAppStore } from '../../../store';
import { runColor } from '../HistoryCompare/runStyle';
import { NARROW_LIST_PX, ROW_PITCH, RunItem, TALL_ROW_PITCH } from './RunItem';
import { useVisibleRange } from './useVisibleRange';
import { BrokenRunItem } from './BrokenRunItem';
import { PanelBoundary } from '../../../shared/ui/PanelBoundary';

const OVERSCAN = 3;
/** Rows wrap their lines on a narrow screen, so they are taller there. */
const pitchFor = (listWidth: number) => (listWidth < NARROW_LIST_PX ? TALL_ROW_PITCH : ROW_PITCH);
const CONTROLS = 'input, button';

const rowIndexOf = (el: Element | null): number | null => {
  const row = el?.closest<HTMLElement>('[data-index]');
  return row ? Number(row.dataset.index) : null;
};

export function HistoryList() {
  const runs = useAppStore((s) => s.historyRuns);
  const unsaved = useAppStore((s) => s.historyUnsaved);
  const selection = useAppStore((s) => s.historySelection);
  const storage = useAppStore((s) => s.historyStorage);
  const list = useRef<HTMLUListElement>(null);
  const [scroller, range, pitch, measure] = useVisibleRange(pitchFor, runs.length, OVERSCAN);
  const tall = pitch === TALL_ROW_PITCH;
  // Rows kept drawn even when scrolled away, so focus is never lost: the row holding focus and,
  // while a key moves it, the row it is going to. The row being left stays until focus has
  // landed: removing a focused element drops focus to the page (seen in e2e/history-load when
  // Page Down came before the scroll event of Home had redrawn the rows).
  const [pinned, setPinned] = useState<readonly number[]>([]);
  const focusNext = useRef<{ index: number; control: number } | null>(null);

  useLayoutEffect(() => {
    const want = focusNext.current;
    if (!want) return;
    focusNext.current = null;
    const controls = list.current?.querySelector(`[data-index="${want.index}"]`)?.querySelectorAll<HTMLElement>(CONTROLS);
    (controls?.[want.control] ?? controls?.[0])?.focus();
    // Focus scrolled the list; its scroll event comes a frame later, and a key pressed before
    // then would be read against the rows of the old position. Read the position now.
    measure();
  });

  const unsavedIds = useMemo(() => new Set(unsaved), [unsaved]);
  const indices = useMemo(() => {
    const out: number[] = [];
    for (let i = range.first; i <= Math.min(range.last, runs.length - 1); i++) out.push(i);
    const extra = pinned.filter((i) => i < runs.length && !out.includes(i));
    if (extra.length > 0) {
      out.push(...extra);
      out.sort((a, b) => a - b); // DOM order is Tab order
    }
    return out;
  }, [range, pinned, runs.length]);

  if (storage === 'loading') return <p className="history-muted">Opening the History…</p>;
  if (runs.length === 0) {
    return <p className="history-empty">No runs yet. Every training, lottery-ticket and transfer run that finishes is kept here automatically, with its settings and what it measured.</p>;
  }

  const onFocus = (e: FocusEvent) => {
    const index = rowIndexOf(e.target);
    const next = index === null ? [] : [index];
    if (pinned.length !== next.length || pinned[0] !== next[0]) setPinned(next);
  };
  const onBlur = (e: FocusEvent) => {
    // Focus went elsewhere on the page (not to the body, as when a row is redrawn under it).
    if (e.relatedTarget && !list.current?.contains(e.relatedTarget as Node)) setPinned([]);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    // Typing a new name: the keys belong to the text field.
    if (target instanceof HTMLInputElement && target.type !== 'checkbox') return;
    const from = rowIndexOf(target);
    if (from === null) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? pitch) / pitch));
    const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: runs.length - 1 };
    if (!(e.key in moves) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(runs.length - 1, moves[e.key]));
    const row = target.closest('[data-index]');
    const control = row ? [...row.querySelectorAll(CONTROLS)].indexOf(target) : 0;
    focusNext.current = { index, control };
    // Draw the row beside the one being left (the layout effect then focuses it, and focus
    // scrolls it into view; onFocus then lets the old row go).
    setPinned([from, index]);
  };

  return (
    <>
      <p className="history-muted">
        {runs.length.toLocaleString('en-US')} {runs.length === 1 ? 'run' : 'runs'}, newest first.
      </p>
      <div className="run-scroller" ref={scroller}>
        <ul className={tall ? 'run-list run-list--tall' : 'run-list'} aria-label="Kept runs" ref={list} style={{ height: runs.length * pitch }} onFocus={onFocus} onBlur={onBlur} onKeyDown={onKeyDown}>
          {indices.map((i) => {
            const run = runs[i];
            const at = selection.indexOf(run.id);
            // One damaged record replaces its own row, not the list (nor the page).
            return (
              <PanelBoundary key={run.id} name="This run" resetKey={run} fallback={() => <BrokenRunItem run={run} index={i} setSize={runs.length} pitch={pitch} />}>
                <RunItem run={run} index={i} setSize={runs.length} pitch={pitch} color={at >= 0 ? runColor(at).color : null} unsaved={unsavedIds.has(run.id)} />
              </PanelBoundary>
            );
          })}
        </ul>
      </div>
    </>
  );
}
