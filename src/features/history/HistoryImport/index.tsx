// Import: a results file (JSON, exported from any playground) joins the History; a compressed
// model file is checked and shown. Files are refused by size before reading and checked in a
// worker; every problem is one sentence, and the page goes on working.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { IMPORT_STOPPED_MESSAGE, inspectFile } from '../../../history/inspectInWorker';
import type { ImportedModelSummary } from '../../../history/modelSummary';
import { useAppStore } from '../../../store';
import { toUserMessage } from '../../../shared/errors';
import { ImportedModel, type Measurement } from './ImportedModel';

export function HistoryImport() {
  const id = useId();
  const importRuns = useAppStore((s) => s.importRuns);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  const [model, setModel] = useState<ImportedModelSummary | null>(null);
  const [measurement, setMeasurement] = useState<Measurement>({ state: 'measuring' });
  const latest = useRef(0);
  const checking = useRef<AbortController | null>(null);

  // Closing the History stops the file's check and the engine's measurement: neither holds the
  // workers for a panel nobody sees.
  useEffect(
    () => () => {
      checking.current?.abort();
      latest.current++;
      void useAppStore.getState().stopImportedModel();
    },
    [],
  );

  /** The file passed every check: measure it in the engine worker (a newer import wins). */
  const measure = async (file: File) => {
    const ticket = ++latest.current;
    setMeasurement({ state: 'measuring' });
    try {
      const result = await useAppStore.getState().measureImportedModel(new Uint8Array(await file.arrayBuffer()));
      if (ticket === latest.current) setMeasurement({ state: 'done', result });
    } catch (err) {
      if (ticket === latest.current) setMeasurement({ state: 'failed', message: toUserMessage(err, 'Could not measure the model') });
    }
  };

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // A newer file wins: the older check is ended, its measurement stopped.
    checking.current?.abort();
    const controller = new AbortController();
    checking.current = controller;
    void useAppStore.getState().stopImportedModel();
    setBusy(true);
    setError('');
    setSaid(`Checking ${file.name}…`);
    try {
      const result = await inspectFile(file, controller.signal);
      if (controller.signal.aborted || (result.kind === 'error' && result.message === IMPORT_STOPPED_MESSAGE)) return;
      if (result.kind === 'error') {
        setError(result.message);
        setSaid('');
      } else if (result.kind === 'results') {
        const n = await importRuns(result.runs);
        setSaid(`Imported ${n} ${n === 1 ? 'run' : 'runs'} from ${file.name}: they are in the list above, marked "imported".`);
      } else {
        setModel(result.model);
        void measure(file);
        setSaid(`Read the compressed model ${file.name}.`);
      }
    } catch {
      setError('The file could not be read from the disk; nothing was imported.');
      setSaid('');
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be chosen again
    }
  };

  return (
    <section className="history-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import</h3>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Import a results file (.json) or a compressed model (.cpgm)
        </label>
        <input id={id} type="file" accept=".json,.cpgm,application/json,application/octet-stream" disabled={busy} onChange={(e) => void onChange(e)} aria-describedby={`${id}-hint`} />
        <p className="field__hint" id={`${id}-hint`}>
          Up to 16 MB. Nothing leaves your computer: the file is checked in this page.
        </p>
      </div>
      <p role="alert" className="history-error">
        {error}
      </p>
      <p role="status" className="history-muted">
        {said}
      </p>
      {model ? <ImportedModel model={model} measurement={measurement} /> : null}
    </section>
  );
}
