// Export: the chosen runs as CSV or JSON, the charts on screen as SVG or PNG, and the trained
// model (dense float32) or the compressed one, in the compression lab's file format.
import { useEffect, useMemo, useState } from 'react';
import { EXPORT_URL_LIFETIME_MS, type ExportFormat } from '../../../history/exportInWorker';
import type { RunSummary } from '../../../history/types';
import { isRunStopped, useAppStore } from '../../../store';
import { toUserMessage } from '../../../shared/errors';
import { formatBytes } from '../../../shared/format';
import type { ReactNode } from 'react';
import { ChartSaveButtons } from './ChartSaveButtons';
import { chartTitleOf } from './chartImage';
import { downloadBlob, downloadUrl } from './download';

const fmt = (n: number) => n.toLocaleString('en-US');

function ResultsExport({ runs, chosen }: { runs: RunSummary[]; chosen: boolean }) {
  const [status, setStatus] = useState<{ busy: boolean; text: string; error: boolean }>({ busy: false, text: '', error: false });
  const what = chosen ? `the ${runs.length} chosen ${runs.length === 1 ? 'run' : 'runs'}` : `all ${fmt(runs.length)} ${runs.length === 1 ? 'run' : 'runs'}`;
  if (runs.length === 0) return <p className="history-muted">No results to export yet: train a run or import a results file.</p>;
  // The list holds summaries; the export worker reads the whole runs (curves, points) itself.
  const save = async (format: ExportFormat) => {
    setStatus({ busy: true, text: 'Reading the runs…', error: false });
    try {
      const file = await useAppStore
        .getState()
        .exportHistoryResults(
          // "All" is every run kept in this browser, read by the worker: other tabs' newest too.
          chosen ? runs.map((r) => r.id) : 'all',
          format,
          (done, total) => setStatus({ busy: true, text: `Reading the runs: ${fmt(done)} of ${fmt(total)}…`, error: false }),
        );
      downloadUrl(file.url, file.fileName);
      setTimeout(file.release, EXPORT_URL_LIFETIME_MS);
      setStatus({ busy: false, text: `Saved ${file.fileName} (${fmt(file.count)} ${file.count === 1 ? 'run' : 'runs'}, ${formatBytes(file.bytes)}).`, error: false });
    } catch (err) {
      setStatus({ busy: false, text: toUserMessage(err, 'The results file was not written'), error: true });
    }
  };
  return (
    <div className="history-export__row">
      <span>Results of {what}:</span>
      <button type="button" className="btn" disabled={status.busy} onClick={() => void save('csv')}>
        Export CSV
      </button>
      <button type="button" className="btn" disabled={status.busy} onClick={() => void save('json')}>
        Export JSON
      </button>
      <span role={status.error ? 'alert' : 'status'} className={status.error ? 'history-error' : 'history-muted'}>
        {status.text}
      </span>
    </div>
  );
}

/** The charts of the open view (behind the History panel). */
function ScreenCharts() {
  const [titles, setTitles] = useState<{ title: string; unit: string }[]>([]);
  useEffect(() => {
    setTitles([...document.querySelectorAll('main figure.chart-card:not(.chart-card--placeholder)')].map(chartTitleOf));
  }, []);
  if (titles.length === 0) return <p className="history-muted">The open view has no chart to save yet.</p>;
  return (
    <ul className="history-export__charts">
      {titles.map(({ title, unit }, i) => (
        <li key={`${title}-${i}`}>
          <span>
            {title} <span className="history-muted">{unit}</span>
          </span>
          <ChartSaveButtons title={title} target={() => document.querySelectorAll('main figure.chart-card:not(.chart-card--placeholder)')[i] ?? null} />
        </li>
      ))}
    </ul>
  );
}

function TrainedModelButton() {
  const stopped = useAppStore((s) => isRunStopped(s.runState) && (s.progress?.step ?? 0) > 0);
  const [error, setError] = useState('');
  const download = async () => {
    try {
      const file = await useAppStore.getState().encodedModelFile('trained');
      downloadBlob(new Blob([file.bytes as BlobPart], { type: 'application/octet-stream' }), file.fileName);
      setError('');
    } catch (err) {
      setError(toUserMessage(err, 'Could not prepare the trained model'));
    }
  };
  return (
    <div className="download-model">
      <button type="button" className="btn" disabled={!stopped} onClick={() => void download()}>
        Download trained model
      </button>
      <span role="alert" className="history-error">
        {error}
      </span>
    </div>
  );
}

/** `compressedModel`: the Compress view's download buttons, passed in by the app. */
export function HistoryExport({ compressedModel }: { compressedModel: ReactNode }) {
  const runs = useAppStore((s) => s.historyRuns);
  const selection = useAppStore((s) => s.historySelection);
  const chosen = selection.length > 0;
  const exported = useMemo(() => {
    if (!chosen) return runs;
    const byId = new Map(runs.map((r) => [r.id, r]));
    return selection.map((id) => byId.get(id)).filter((r): r is RunSummary => r !== undefined);
  }, [runs, selection, chosen]);
  return (
    <section className="history-section" aria-labelledby="history-export-title">
      <h3 id="history-export-title">Export</h3>
      <ResultsExport runs={exported} chosen={chosen} />
      <h4>Charts of the open view</h4>
      <ScreenCharts />
      <h4>Models</h4>
      <p className="history-muted">
        The trained model as float32, and the compressed model at the Compress view&apos;s settings, in the playground&apos;s model format (docs/FORMAT.md). The compressed one is ready once the Compress view has opened the trained model.
      </p>
      <div className="history-export__row">
        <TrainedModelButton />
        {compressedModel}
      </div>
    </section>
  );
}
