// Accuracy against a log-scaled x for several kept runs, a line per run and series (the lottery
// runs' tickets against the weights left, the transfer runs' methods against the labels): the
// run's colour, the series' dash and marker shape, a text legend, and the chart keys
// (shared/charts/keyboard.ts) to read it point by point.
import type { LegendItem } from '../../../shared/charts/ChartCard';
import { ChartCard } from '../../../shared/charts/ChartCard';
import { Axes } from '../../../shared/charts/Axes';
import { plotFrame, TITLED_MARGINS } from '../../../shared/charts/frame';
import { keyboardHelp } from '../../../shared/charts/keyboard';
import { Marker } from '../../../shared/charts/marks';
import type { MarkerShape } from '../../../shared/charts/palette';
import { linearScale, logScale, logTicks, niceTicks } from '../../../shared/charts/scale';
import { useChartKeys } from '../../../shared/charts/useChartKeys';
import { useSize } from '../../../shared/charts/useSize';
import '../../../shared/charts/CurveTooltip/CurveTooltip.css';
import '../../../shared/charts/frontier.css';

export interface LinePoint {
  x: number;
  /** Accuracy in percent. */
  y: number;
  /** What the point says when picked, e.g. "Run A: 25% of weights left, 94.9%". */
  label: string;
}

export interface RunLine {
  key: string;
  color: string;
  dash?: string;
  shape: MarkerShape;
  points: LinePoint[];
}

interface Props {
  title: string;
  unit: string;
  xTitle: string;
  formatX(v: number): string;
  /** Larger x on the left (weights left: 100% falls to 1% as pruning goes on). */
  reversed?: boolean;
  /** The axis ends here rather than at the next power of ten (weights left stop at 100%). */
  xMax?: number;
  lines: RunLine[];
  legend: LegendItem[];
  footer?: React.ReactNode;
}

const percentText = (t: number) => `${t}%`;

export function RunLinesChart({ title, unit, xTitle, formatX, reversed = false, xMax = Infinity, lines, legend, footer }: Props) {
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const marks = lines.flatMap((line, s) => line.points.filter((p) => p.x > 0 && Number.isFinite(p.y)).map((p) => ({ ...p, s })));
  const xOf = (x: number) => (reversed ? -Math.log10(x) : Math.log10(x));
  const tracks = lines.map((_, s) => marks.flatMap((m, i) => (m.s === s ? [i] : [])).sort((a, b) => xOf(marks[a].x) - xOf(marks[b].x)));
  const keys = useChartKeys(tracks, (i) => xOf(marks[i].x));
  if (marks.length === 0) return null;
  const xs = marks.map((m) => m.x);
  const hi = Math.max(Math.max(...xs), Math.min(xMax, 10 ** Math.ceil(Math.log10(Math.max(...xs) * 1.0001))));
  // At least a decade wide, so a run stopped at its dense model (all at 100%) still has an axis.
  const lo = Math.min(10 ** Math.floor(Math.log10(Math.min(...xs))), hi / 10);
  const minY = Math.max(0, Math.floor((Math.min(...marks.map((m) => m.y)) - 2) / 5) * 5);
  const f = plotFrame(width, height, TITLED_MARGINS);
  const x = logScale(reversed ? [hi, lo] : [lo, hi], [f.left, f.right]);
  const y = linearScale([minY, 100], [f.bottom, f.top]);
  const picked = keys.picked !== null ? (marks[keys.picked] ?? null) : null;
  return (
    <ChartCard title={title} unit={unit} legend={legend} footer={footer}>
      <div ref={ref} className="curve-chart">
        {width > 0 && height > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            tabIndex={0}
            aria-label={`${title}: ${marks.map((m) => m.label).slice(0, 40).join('; ')}. ${keyboardHelp({ series: tracks.filter((t) => t.length > 0).length > 1 })}`}
            onKeyDown={keys.onKeyDown}
            onBlur={keys.onBlur}
          >
            <Axes frame={f} y={{ scale: y, ticks: niceTicks(minY, 100, 5), format: percentText }} x={{ scale: x, ticks: logTicks(lo, hi, 6), format: formatX, title: xTitle }} />
            {lines.map((line, s) => {
              const own = tracks[s].map((i) => marks[i]);
              return (
                <g key={line.key} data-series={line.key}>
                  <path d={own.map((m, i) => `${i ? 'L' : 'M'}${x(m.x).toFixed(1)},${y(m.y).toFixed(1)}`).join('')} fill="none" stroke={line.color} strokeWidth={2} strokeDasharray={line.dash} />
                  {own.map((m, i) => (
                    <g key={i}>
                      <title>{m.label}</title>
                      <Marker shape={line.shape} x={x(m.x)} y={y(m.y)} r={4} color={line.color} />
                    </g>
                  ))}
                </g>
              );
            })}
            {picked ? <circle className="frontier-plot__active" cx={x(picked.x)} cy={y(picked.y)} r={10} /> : null}
          </svg>
        )}
        {picked && width > 0 ? (
          <div className="curve-chart__tooltip" style={{ left: Math.min(x(picked.x) + 12, Math.max(0, width - 240)), top: Math.max(0, y(picked.y) - 40), width: 'max-content', maxWidth: 240 }}>
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
