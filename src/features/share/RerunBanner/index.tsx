// After a share link opens: what it asks for, one button that reruns it (or, by the reader's
// stored choice, an automatic rerun), and afterwards the exact figures to hold against the
// sender's: test accuracy to the image, and for a Compress link the compressed size in bytes.
// Everything shown is text built from checked values; nothing from the link is rendered as HTML.
import { useEffect, useMemo, useState } from 'react';
import { isRunActive, useAppStore } from '../../../store';
import { pointKey, settingsKey, toCompressionSettings } from '../../../url/compressControls';
import { formatPercent } from '../../../shared/format';
import { linkedExperimentOf, readAutoRerun, rerunLinkedExperiment, writeAutoRerun, type LinkedExperiment } from '../rerun';
import { describeCompression, describeTraining, formatBytes } from './describe';
import '../../../shared/ui/run-bar.css';
import './RerunBanner.css';

/** The link whose automatic rerun was already decided, across StrictMode's double effects. */
let autoDecidedFor = 0;

/** Views whose experiment is a training run (then a compression); the Lottery and Learn views
 * run their own experiments from their own controls. */
const RERUNNABLE = new Set(['train', 'compress']);

interface Rerun {
  runId: number;
  linked: LinkedExperiment;
}

function useCompressedPoint(rerun: Rerun | null) {
  const points = useAppStore((s) => s.points);
  const baselineRunId = useAppStore((s) => s.baselineRunId);
  return useMemo(() => {
    if (!rerun || rerun.linked.view !== 'compress' || baselineRunId !== rerun.runId) return null;
    const key = settingsKey(toCompressionSettings(rerun.linked.compressUi, rerun.linked.spec.seed));
    return points.find((p) => !p.estimate && pointKey(p) === key) ?? null;
  }, [rerun, points, baselineRunId]);
}

export function RerunBanner() {
  const linkApplied = useAppStore((s) => s.linkApplied);
  const superseded = useAppStore((s) => s.linkSuperseded === s.linkApplied);
  const backendReady = useAppStore((s) => s.backendStatus === 'ready');
  const runId = useAppStore((s) => s.runId);
  const runState = useAppStore((s) => s.runState);
  const outcome = useAppStore((s) => s.outcome);
  const backendName = useAppStore((s) => s.backend?.name);
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  // The experiment as the link set it, taken when the link was applied.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a snapshot per applied link: later control changes must not change it
  const linked = useMemo(() => linkedExperimentOf(useAppStore.getState()), [linkApplied]);
  const [hiddenFor, setHiddenFor] = useState(0);
  const [always, setAlways] = useState(readAutoRerun);
  const [storageNote, setStorageNote] = useState('');
  const [rerun, setRerun] = useState<Rerun | null>(null);
  const compressed = useCompressedPoint(rerun);

  const start = () => void rerunLinkedExperiment(linked, (id) => setRerun({ runId: id, linked }));

  useEffect(() => {
    // The stored choice is read when the link opens, once the backend is up: ticking the box
    // later is a choice for the next link, not a start button.
    if (linkApplied === 0 || !backendReady || autoDecidedFor === linkApplied) return;
    autoDecidedFor = linkApplied;
    if (RERUNNABLE.has(linked.view) && readAutoRerun()) start();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- decided once per link, when the backend is up (see above)
  }, [linkApplied, backendReady]);

  if (linkApplied === 0 || hiddenFor === linkApplied || (superseded && !rerun) || !RERUNNABLE.has(linked.view)) return null;

  const mine = rerun !== null && rerun.runId === runId && rerun.linked === linked;
  const running = mine && isRunActive(runState);
  const finished = mine && runState === 'done' && outcome?.final;
  const isCompressLink = linked.view === 'compress';

  let said = '';
  if (running) said = `Rerunning the shared experiment with seed ${linked.spec.seed}…`;
  else if (finished && outcome?.final) {
    said = `Rerun finished: ${formatPercent(outcome.final.testAccuracy, 2)} test accuracy on the ${backendName ?? 'same'} backend, seed ${linked.spec.seed}. The same link on the same backend gives exactly this figure.`;
    if (isCompressLink && compressed) {
      said += ` Compressed with the link's settings: ${formatBytes(compressed.encodedBytes)} (${compressed.ratio.toFixed(1)}x smaller than float32), ${formatPercent(compressed.accuracy, 2)} test accuracy.`;
    } else if (isCompressLink && view === 'compress') said += ` Compressing with the link's settings…`;
  } else if (mine && (runState === 'cancelled' || runState === 'error')) said = 'The rerun stopped before the end. Press Rerun this experiment to start it again.';

  const toggleAlways = (on: boolean) => {
    setAlways(on);
    setStorageNote(writeAutoRerun(on) ? '' : 'This browser would not store the choice; it lasts until the page closes.');
  };

  return (
    <section className="rerun-banner" aria-label="Shared experiment">
      <div className="rerun-banner__text">
        <p className="rerun-banner__what">
          <strong>Shared experiment:</strong> {describeTraining(linked.spec)}
          {isCompressLink ? `; then compressed: ${describeCompression(linked.compressUi)}` : ''}.
        </p>
        <p role="status" className="rerun-banner__said" data-testid="rerun-status">
          {said}
        </p>
        {finished && isCompressLink && view !== 'compress' ? (
          <button type="button" className="btn" onClick={() => setView('compress')}>
            Open the Compress view
          </button>
        ) : null}
      </div>
      <div className="rerun-banner__actions">
        {!running ? (
          <button type="button" className="btn btn--primary" onClick={start}>
            {finished ? 'Rerun again' : 'Rerun this experiment'}
          </button>
        ) : null}
        <label className="rerun-banner__always">
          <input type="checkbox" checked={always} onChange={(e) => toggleAlways(e.target.checked)} />
          Always rerun shared links
        </label>
        {storageNote ? <span className="rerun-banner__note">{storageNote}</span> : null}
        <button type="button" className="btn btn--quiet" onClick={() => setHiddenFor(linkApplied)} aria-label="Hide the shared-experiment bar">
          Hide
        </button>
      </div>
    </section>
  );
}
