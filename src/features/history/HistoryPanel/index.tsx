// The header's "History" button and the panel it opens (loaded on first use). The count says
// how many runs are kept; a storage problem is said next to it, so it is never silent.
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../../../store';
import './HistoryPanel.css';

const loadDrawer = () => import('./HistoryDrawer');
const HistoryDrawer = lazy(loadDrawer);

/** Fetches and compiles the panel's code while the page is idle, so opening it is one quick task. */
function usePreloadDrawer() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 2000));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => void loadDrawer(), { timeout: 5000 });
    return () => cancel(id);
  }, []);
}

/** `compressedModel`: the Compress view's model downloads, offered again in the Export part. */
export function HistoryButton({ compressedModel }: { compressedModel: ReactNode }) {
  const open = useAppStore((s) => s.historyOpen);
  const count = useAppStore((s) => s.historyRuns.length);
  const problem = useAppStore((s) => s.historyProblem);
  const setHistoryOpen = useAppStore((s) => s.setHistoryOpen);

  useEffect(() => {
    void useAppStore.getState().loadHistory();
  }, []);
  usePreloadDrawer();

  // Whichever way the panel closed (Escape, Close, or "Open" on a run), focus comes back here.
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div className="history-button">
      <button ref={button} type="button" className="btn" aria-haspopup="dialog" aria-expanded={open} onClick={() => setHistoryOpen(true)}>
        History
        {count > 0 ? (
          <span className="history-button__count">
            <span className="visually-hidden">, </span>
            {count.toLocaleString('en-US')}
            <span className="visually-hidden"> {count === 1 ? 'run' : 'runs'}</span>
          </span>
        ) : null}
      </button>
      <span role="alert" className="history-button__problem">
        {problem && !open ? 'Runs are not being saved: open History to see why.' : ''}
      </span>
      {open ? (
        <Suspense fallback={null}>
          <HistoryDrawer compressedModel={compressedModel} />
        </Suspense>
      ) : null}
    </div>
  );
}
