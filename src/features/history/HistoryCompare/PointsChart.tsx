// The compression points of the compared runs on one chart: encoded size (log axis) against
// test accuracy, one colour and one marker shape per run, the dense model of each as a ring.
// The chart keys (shared/charts/keyboard.ts) read it point by point: left and right along a run's
// points from small to large, up and down from run to run.
import type { TrainingRunRecord } from '../../../history/types';
import { formatKB, formatPercent } from '../../../shared/format';
import { ChartCard, type LegendItem } from '../../../shared/charts/ChartCard';
import { Marker, MarkerIcon } from '../../../shared/charts/marks';
import type { MarkerShape } from '../../../shared/charts/palette';
import { linearScale, logScale, logTicks, niceTicks } from '../../../shared/charts/scale';
import { Axes } from '../../../shared/charts/Axes';
import { plotFrame } from '../../../shared/charts/frame';
import { keyboardHelp } from '../../../shared/charts/keyboard';
import { useChartKeys } from '../../../shared/charts/useChartKeys';
import { useSize } from '../../../shared/charts/useSize';
import '../../../shared/charts/CurveTooltip/CurveTooltip.css';
import '../../../shared/charts/frontier.css';

const SHAPES: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];
const percentText = (t: number) => `${t}%`;

export interface StyledRun {
  run: TrainingRunRecord;
  color: string;
}

export function shapeOf(index: number): MarkerShape {
  return SHAPES[index % SHAPES.length];
}

export function PointsChart({ runs }: { runs: StyledRun[] }) {
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const marks = runs.flatMap(({ run, color }, i) => [
    ...run.points.map((p) => ({ run, color, shape: shapeOf(i), bytes: p.encodedBytes, acc: p.accuracy * 100, dense: false, label: `${run.name}: ${formatKB(p.encodedBytes)}, ${formatPercent(p.accuracy)} (${(p.sparsity * 100).toFixed(1)}% pruned, ${p.bits} bits${p.fineTunedEpochs ? ', fine-tuned' : ''})` })),
    ...(run.denseBytes && run.testAccuracy !== null ? [{ run, color, shape: shapeOf(i), bytes: run.denseBytes, acc: run.testAccuracy * 100, dense: true, label: `${run.name}: dense float32, ${formatKB(run.denseBytes)}, ${formatPercent(run.testAccuracy)}` }] : []),
  ]);
  // One track per run, its points from small to large; a point's x on the log axis is log10(bytes).
  const tracks = runs.map(({ run }) => marks.flatMap((m, i) => (m.run === run ? [i] : [])).sort((a, b) => marks[a].bytes - marks[b].bytes));
  const keys = useChartKeys(tracks, (i) => Math.log10(marks[i].bytes));
  const legend: LegendItem[] = runs.map(({ run, color }, i) => ({ label: run.name, color, icon: <MarkerIcon shape={shapeOf(i)} color={color} /> }));
  if (marks.length === 0) {
    return (
      <ChartCard title="Compression points" unit="size against test accuracy" legend={legend}>
        <p className="history-muted">None of these runs has compression points yet: open a run, train it, and use the Compress view.</p>
      </ChartCard>
    );
  }
  const minB = Math.min(...marks.map((m) => m.bytes));
  const maxB = Math.max(...marks.map((m) => m.bytes));
  const lo = 10 ** Math.floor(Math.log10(minB));
  const hi = 10 ** Math.ceil(Math.log10(maxB * 1.0001));
  const minAcc = Math.max(0, Math.floor(Math.min(...marks.map((m) => m.acc)) / 10) * 10);
  const f = plotFrame(width, height);
  const x = logScale([lo, hi], [f.left, f.right]);
  const y = linearScale([minAcc, 100], [f.bottom, f.top]);
  const picked = keys.picked !== null ? marks[keys.picked] ?? null : null;
  return (
    <ChartCard title="Compression points" unit="encoded size (log) against test accuracy" legend={legend} footer={<p className="history-muted">Filled marks: compressed models; rings: each run&apos;s dense float32 model.</p>}>
      <div ref={ref} className="curve-chart">
        {width > 0 && height > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            tabIndex={0}
            aria-label={`Compression points of ${runs.length} runs: ${marks.map((m) => m.label).slice(0, 40).join('; ')}. ${keyboardHelp({ series: tracks.filter((t) => t.length > 0).length > 1 })}`}
            onKeyDown={keys.onKeyDown}
            onBlur={keys.onBlur}
          >
            <Axes frame={f} y={{ scale: y, ticks: niceTicks(minAcc, 100, 5), format: percentText }} x={{ scale: x, ticks: logTicks(lo, hi), format: formatKB, title: 'Encoded size' }} />
            {marks.map((m, i) => (
              <g key={i}>
                <title>{m.label}</title>
                <Marker shape={m.shape} x={x(m.bytes)} y={y(m.acc)} r={m.dense ? 6 : 4.5} color={m.color} hollow={m.dense} />
              </g>
            ))}
            {picked ? <circle className="frontier-plot__active" cx={x(picked.bytes)} cy={y(picked.acc)} r={10} /> : null}
          </svg>
        )}
        {picked && width > 0 ? (
          <div className="curve-chart__tooltip" style={{ left: Math.min(x(picked.bytes) + 12, Math.max(0, width - 240)), top: Math.max(0, y(picked.acc) - 40), width: 'max-content', maxWidth: 240 }}>
            <div className="curve-tooltip">{picked.label}</div>
          </div>
        ) : null}
        <p className="visually-hidden" aria-live="polite">
          {picked ? picked.label : ''}
        </p>
      </div>
    </ChartCard>
  );
}
