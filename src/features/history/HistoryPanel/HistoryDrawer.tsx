// The History panel: a modal dialog (focus stays inside, Escape closes, focus returns to the
// button) with the kept runs, the comparison of the ticked ones, export, import and Classroom.
import { useEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../../../store';
import { HistoryClassroom } from '../HistoryClassroom';
import { HistoryCompare } from '../HistoryCompare';
import { HistoryExport } from '../HistoryExport';
import { HistoryImport } from '../HistoryImport';
import { HistoryList } from '../HistoryList';
import { CompareTrouble } from '../HistoryCompare/CompareTrouble';
import { PanelBoundary } from '../../../shared/ui/PanelBoundary';

function StorageStatus() {
  const problem = useAppStore((s) => s.historyProblem);
  const storage = useAppStore((s) => s.historyStorage);
  const notice = useAppStore((s) => s.historyNotice);
  const canUndo = useAppStore((s) => s.lastDeletedRun !== null && s.historyNotice.startsWith('Deleted'));
  const undo = useAppStore((s) => s.undoDelete);
  return (
    <>
      <p role="alert" className={problem ? 'history-problem' : 'history-error'}>
        {problem}
      </p>
      <p className="history-muted">
        {storage === 'indexeddb' ? 'Runs are saved in this browser (IndexedDB): they stay after a reload or a restart. Nothing is sent anywhere.' : null}
      </p>
      <p role="status" className="history-notice">
        {notice}{' '}
        {canUndo ? (
          <button type="button" className="btn btn--quiet" onClick={() => void undo()}>
            Undo
          </button>
        ) : null}
      </p>
    </>
  );
}

export default function HistoryDrawer({ compressedModel }: { compressedModel: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const setHistoryOpen = useAppStore((s) => s.setHistoryOpen);
  const selection = useAppStore((s) => s.historySelection);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="history-drawer" aria-labelledby="history-title" onClose={() => setHistoryOpen(false)}>
      <div className="history-drawer__head">
        <h2 id="history-title">History</h2>
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <StorageStatus />
      <section className="history-section" aria-labelledby="history-runs-title">
        <h3 id="history-runs-title">Runs</h3>
        <PanelBoundary name="The list of runs">
          <HistoryList />
        </PanelBoundary>
      </section>
      <section className="history-section" aria-labelledby="history-compare-title">
        <h3 id="history-compare-title">Compare</h3>
        <PanelBoundary name="The comparison" resetKey={selection} fallback={(retry) => <CompareTrouble retry={retry} />}>
          <HistoryCompare />
        </PanelBoundary>
      </section>
      <PanelBoundary name="Export">
        <HistoryExport compressedModel={compressedModel} />
      </PanelBoundary>
      <PanelBoundary name="Import">
        <HistoryImport />
      </PanelBoundary>
      <PanelBoundary name="Classroom mode">
        <HistoryClassroom />
      </PanelBoundary>
    </dialog>
  );
}
