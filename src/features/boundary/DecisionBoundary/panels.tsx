// The 2-D teaching panels: the decision boundary and the network graph side by side. In the
// Train view they follow the live model (refreshed with each progress report, at most one
// request in flight); in the Compress view they follow the sliders, showing the compressed model.
import { useEffect } from 'react';
import { DATASETS } from '../../../engine/datasets/registry';
import type { DatasetId } from '../../../engine/spec/types';
import { isRunActive, isRunStopped, useAppStore } from '../../../store';
import { describeBits, formatSparsity, settingsKey, toCompressionSettings } from '../../../url/compressControls';
import { formatPercent } from '../../../shared/format';
import { NetworkGraph } from '../NetworkGraph';
import { DecisionBoundary } from '.';
import { CLASS_STYLES } from './classStyles';
import { classOneShare } from './heatmap';
import './panels.css';

export const isToyDataset = (id: DatasetId | undefined): boolean => id !== undefined && DATASETS[id]?.kind === 'toy';

const CLASS_B = `${CLASS_STYLES[1].label} (orange, squares)`;

function BoundaryError() {
  const error = useAppStore((s) => s.boundaryError);
  return error ? <p role="alert" className="boundary-panels__error">{error}</p> : null;
}

export function TrainBoundaryPanel() {
  const runId = useAppStore((s) => s.runId);
  const runState = useAppStore((s) => s.runState);
  const progress = useAppStore((s) => s.progress);
  const trainedToy = useAppStore((s) => isToyDataset(s.runSpec?.dataset));
  const snapshot = useAppStore((s) => s.trainBoundary);
  const refresh = useAppStore((s) => s.refreshTrainBoundary);

  // Every progress report (at most 5 a second) asks for a fresh grid; the slice keeps one in flight.
  useEffect(() => {
    const hasModel = (isRunActive(runState) && runState !== 'loading-data') || isRunStopped(runState);
    if (trainedToy && hasModel) refresh();
  }, [progress, runState, runId, trainedToy, refresh]);

  const grid = snapshot && snapshot.runId === runId ? snapshot.grid : null;
  const which = runState === 'running' ? 'the model as it trains' : 'the trained model';
  const summary = grid
    ? `Decision boundary of ${which}: it predicts ${CLASS_B} on ${formatPercent(classOneShare(grid.probabilities), 0)} of the plane and ${CLASS_STYLES[0].label} on the rest; the dots are the ${grid.labels.length} test points.`
    : '';
  return (
    <section className="boundary-panels" aria-label="What the network learned">
      <BoundaryError />
      <DecisionBoundary title="Decision boundary" grid={grid} summary={summary} emptyText="Press Train: the boundary the network learns appears here and moves as it trains." />
      <NetworkGraph
        title="Network"
        kernels={grid?.kernels ?? null}
        emptyText="The network's weights appear here once training starts."
        describe={(kept, total) => `${total} weights, one link each (${kept} not zero); the thicker the link, the larger the weight.`}
      />
    </section>
  );
}

export function CompressBoundaryPanel() {
  const compressUi = useAppStore((s) => s.compressUi);
  const ready = useAppStore((s) => s.baselineStatus === 'ready');
  const modelId = useAppStore((s) => s.labModelId);
  const wanted = useAppStore((s) => settingsKey(toCompressionSettings(s.compressUi, s.runSpec?.seed ?? 0)));
  const snapshot = useAppStore((s) => s.compressBoundary);
  const refresh = useAppStore((s) => s.refreshCompressBoundary);

  useEffect(() => {
    if (ready) refresh();
  }, [compressUi, ready, modelId, refresh]);

  // The grid of this model; it shows as this setting's only when drawn for exactly it, else it
  // stays in place, dimmed, while the new one is drawn (so the picture does not flicker).
  const current = snapshot && snapshot.modelId === modelId ? snapshot : null;
  const stale = current !== null && current.settingsKey !== wanted;
  const grid = current?.grid ?? null;
  const settings = current?.settings;
  const what = settings ? `${formatSparsity(settings.pruning.sparsity)} pruned, ${describeBits(settings.quantization.bits)}` : '';
  const summary = !grid
    ? ''
    : stale
      ? 'Drawing the boundary for the new setting…'
      : `Boundary of the compressed model (${what}): ${formatPercent(grid.agreement ?? 1, 0)} of the grid agrees with the dense model.`;
  return (
    <section className={`boundary-panels${stale ? ' boundary-panels--stale' : ''}`} aria-label="What compression does to the boundary" aria-busy={stale}>
      <BoundaryError />
      <DecisionBoundary title="Boundary, compressed" grid={grid} summary={summary} settingsKey={current?.settingsKey} emptyText="Drawing the compressed model's boundary…" />
      <NetworkGraph
        title="Network, compressed"
        kernels={grid?.kernels ?? null}
        emptyText="The compressed network appears here."
        describe={(kept, total) => `${kept} of ${total} weights left; the ${total - kept} pruned (or rounded to 0) have vanished from the graph.`}
      />
    </section>
  );
}
