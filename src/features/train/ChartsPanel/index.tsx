// The middle zone: the transport, the live curves and, before the first run, a sentence that
// says what is about to happen. the charts load lazily so the controls paint first.
import { lazy, Suspense, type ReactNode } from 'react';
import { selectIsEmpty, useAppStore } from '../../../store';
import { ChartPlaceholder } from '../../../shared/charts/ChartCard';
import { EmptyHint, EmptyState } from '../EmptyState';
import { RunBar } from '../RunBar';
import { StatusRegion } from '../StatusRegion';
import './ChartsPanel.css';

const charts = () => import('../liveCharts');
const LossChart = lazy(() => charts().then((m) => ({ default: m.LossChart })));
const AccuracyChart = lazy(() => charts().then((m) => ({ default: m.AccuracyChart })));

const ACCURACY_HINT =
  'Accuracy in % on the training batches, the validation set and the held-out test set.';

/** A chart with the empty-state message laid over it. The overlay is a sibling, not a prop, so
 * showing or hiding it never redraws the chart underneath. */
function ChartSlot({ overlay, children }: { overlay: ReactNode; children: ReactNode }) {
  return (
    <div className={`chart-slot${overlay ? ' chart-slot--empty' : ''}`}>
      {children}
      {overlay ? <div className="chart-slot__overlay">{overlay}</div> : null}
    </div>
  );
}

export function ChartsPanel() {
  const empty = useAppStore(selectIsEmpty);

  return (
    <div className="charts-panel">
      <RunBar />
      <StatusRegion />
      <div className="charts-panel__charts">
        <ChartSlot overlay={empty ? <EmptyState /> : null}>
          <Suspense fallback={<ChartPlaceholder title="Loss" />}>
            <LossChart />
          </Suspense>
        </ChartSlot>
        <ChartSlot overlay={empty ? <EmptyHint text={ACCURACY_HINT} /> : null}>
          <Suspense fallback={<ChartPlaceholder title="Accuracy" />}>
            <AccuracyChart />
          </Suspense>
        </ChartSlot>
      </div>
    </div>
  );
}
