// The Transfer view: pretrain once on a source (MNIST digits 0-4, or all ten digits), then learn
// the target (digits 5-9, or Fashion-MNIST's clothes) from a few labels three ways, and compare
// target accuracy against the labels used and against the compute spent.
import { TRANSFER_TASK_INFO } from '../../../engine/transfer/tasks';
import { useAppStore } from '../../../store';
import { ActionBar, ActionBarWhere } from '../../../shared/ui/ActionBar';
import { selectShownTransferResults, selectTransferFits } from '../shown';
import { LABEL_STOPS } from '../transferSlice';
import { RangeField } from '../../../shared/ui/RangeField';
import { TransferChart } from '../TransferChart';
import { ExtractorSparsityField, PrunedExtractorStatus } from './ExtractorPruning';
import { pretrainedScope, PretrainingPicker } from './PretrainingPicker';
import { compactFlops, formatFlops, ResultsTable } from './ResultsTable';
import { TaskExplanation, TaskPicker } from './TaskPicker';
import '../../../shared/ui/progress.css';
import './TransferView.css';

const fmt = (n: number) => n.toLocaleString('en-US');

function Controls() {
  const labels = useAppStore((s) => s.transferLabels);
  const running = useAppStore((s) => s.transferRunning);
  const setLabels = useAppStore((s) => s.setTransferLabels);
  const run = useAppStore((s) => s.runTransfer);
  const cancel = useAppStore((s) => s.cancelTransfer);
  const info = TRANSFER_TASK_INFO[useAppStore((s) => s.transferTask)];
  const position = Math.max(0, LABEL_STOPS.findIndex((n) => n === labels));
  return (
    <div className="transfer-view__controls">
      <ActionBar label="Run the transfer experiment">
        <button type="button" className="btn btn--primary" onClick={() => void run()} disabled={running}>
          Run the three methods
        </button>
        <button type="button" className="btn" onClick={cancel} disabled={!running}>
          Cancel
        </button>
      </ActionBar>
      <TaskPicker />
      <p className="transfer-view__task">
        Source: {info.source} (pretrained once). Target: {info.target}, learned from few labels.
      </p>
      <PretrainingPicker />
      <RangeField
        label="Labelled examples"
        min={0}
        max={LABEL_STOPS.length - 1}
        position={position}
        onChange={(p) => setLabels(LABEL_STOPS[p])}
        valueText={`${fmt(labels)} labelled examples of ${info.target}`}
        display={fmt(labels)}
        marks={[0, 3, 6, 8].map((p) => ({ position: p, label: fmt(LABEL_STOPS[p]) }))}
        markUnit=" labels"
        hint="Log steps. Each run also measures 10, 100 and 1,000 labels below this number, so it draws a curve."
        disabled={running}
      />
      <ExtractorSparsityField />
    </div>
  );
}

function Status() {
  const stage = useAppStore((s) => s.transferStage);
  const error = useAppStore((s) => s.transferError);
  const pretrained = useAppStore((s) => (selectTransferFits(s) ? s.transferPretrained : null));
  const running = useAppStore((s) => s.transferRunning);
  const source = TRANSFER_TASK_INFO[useAppStore((s) => s.transferTask)].source;
  return (
    <div className="transfer-view__status">
      <p role="status" aria-live="polite">
        {stage ? `${stage.message} ${stage.fraction > 0 ? `(${Math.round(stage.fraction * 100)}%)` : ''}` : null}
      </p>
      {running && stage ? (
        <div className="progress__track" role="progressbar" aria-label="Transfer progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(stage.fraction * 100)}>
          <div className="progress__fill" style={{ transform: `scaleX(${stage.fraction})` }} />
        </div>
      ) : null}
      {error ? <p role="alert" className="transfer-view__error">{error} Your settings are kept; press Run to try again.</p> : null}
      {pretrained ? (
        <p className="transfer-view__pretrained">
          Pretrained on {fmt(pretrained.sourceTrainImages)} images of {source.replace(/^MNIST /, '')}: {(pretrained.sourceAccuracy * 100).toFixed(1)}% on their test images after{' '}
          {pretrained.sourceEpochs === 1 ? 'one pass' : `${pretrained.sourceEpochs} passes`}, {formatFlops(pretrained.flops)}{pretrained.reused ? ', reused from the previous run' : `, ${(pretrained.ms / 1000).toFixed(1)} s`}. {pretrainedScope(pretrained)} This cost is paid once and shared by both transfer methods; it is not counted below.
        </p>
      ) : null}
      <PrunedExtractorStatus />
    </div>
  );
}

function Charts() {
  const results = useAppStore(selectShownTransferResults);
  const otherSeed = useAppStore((s) => (s.transferResults.length > 0 && !selectTransferFits(s) ? s.transferResultsFor?.seed : undefined));
  const task = useAppStore((s) => s.transferTask);
  const info = TRANSFER_TASK_INFO[task];
  if (otherSeed !== undefined) {
    return (
      <p className="transfer-view__empty" role="status">
        These settings have not been run yet: the last run used seed {otherSeed}, and its results belong to that seed. Press “Run the three methods” to measure this one.
      </p>
    );
  }
  if (results.length === 0) {
    return (
      <p className="transfer-view__empty">
        Press “Run the three methods” (<ActionBarWhere />): a small convolutional network learns {info.source.replace(/^MNIST /, '')}, then {info.target}
        {task === 'fashion' ? ` (${info.targetClasses.join(', ')})` : ''} are learned from your
        number of labels from scratch, with the pretrained convolutions frozen under a new head, and with everything fine-tuned. Which needs fewer labels? Which
        needs less compute?
      </p>
    );
  }
  return (
    <>
      <div className="transfer-view__charts">
        <TransferChart title="Accuracy vs labelled examples" unit={`${info.target}, test set`} xLabel="labelled examples (log scale)" results={results} x={(r) => r.labeled} formatX={fmt} />
        <TransferChart title="Accuracy vs training compute" unit={`${info.target}; FLOPs, pretraining not counted`} xLabel="training FLOPs (log scale; M = million, G = billion)" results={results} x={(r) => r.flops} formatX={compactFlops} />
      </div>
      <ResultsTable results={results} target={info.target} />
      <TaskExplanation />
    </>
  );
}

export function TransferView() {
  return (
    <main className="workspace workspace--transfer" id="view-transfer" role="tabpanel" aria-labelledby="tab-transfer">
      <aside className="zone zone--controls" aria-label="Transfer settings">
        <Controls />
      </aside>
      <section className="zone zone--chart transfer-view__middle" aria-label="Transfer results">
        <Status />
        <Charts />
      </section>
    </main>
  );
}
