// One live line chart of metric series against epochs, drawn as plain SVG. recharts redrew
// every line from scratch on each update and took 50-180 ms of main thread per redraw on a
// 2-core machine; this draws a few paths from at most ~300 points each in about a millisecond.
// Hover or the arrow keys (../keyboard.ts: a cursor in 40 steps over the run) show every
// series' value near an epoch; the keys also say it to a screen reader.
import { memo, useMemo, useState, type PointerEvent } from 'react';
import type { Point } from '../series';
import { ChartCard, type LegendItem } from '../ChartCard';
import { Axes } from '../Axes';
import { epochTicks } from '../chartData';
import { CurveTooltip } from '../CurveTooltip';
import { readoutSentence } from '../CurveTooltip/readout';
import { MARGINS, plotFrame } from '../frame';
import { keyboardHelp } from '../keyboard';
import { linearScale, niceCeiling, niceTicks } from '../scale';
import { useChartKeys } from '../useChartKeys';
import { useSize } from '../useSize';
import './CurveChart.css';

export interface CurveSeries {
  key: string;
  /** Name in the legend and the tooltip, e.g. "Validation". */
  name: string;
  color: string;
  points: readonly Point[];
  dashed?: boolean;
  /** Mark each measurement (sparse evaluation series). */
  dots?: boolean;
  format(value: number): string;
}

interface Props {
  title: string;
  unit: string;
  series: readonly CurveSeries[];
  epochs: number;
  yDomain: [number, number | 'auto'];
  yTicks?: number[];
  yTickFormat(value: number): string;
}

/** The keyboard cursor's stops: 0, 1/40, ..., the whole run. Every series is read at each stop,
 * so the chart is one track and the up and down keys are left to the page. */
const CURSOR_STEPS = 40;
const TRACKS = [Array.from({ length: CURSOR_STEPS + 1 }, (_, i) => i)];
const stopX = (i: number) => i;
const HELP = keyboardHelp({ series: false });
const epochText = (t: number) => String(Number(t.toFixed(2)));

function pathOf(points: readonly Point[], x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  for (let i = 0; i < points.length; i++) d += `${i ? 'L' : 'M'}${x(points[i].epoch).toFixed(1)},${y(points[i].value).toFixed(1)}`;
  return d;
}

export const CurveChart = memo(function CurveChart(props: Props) {
  const { series, epochs, yDomain, yTicks, yTickFormat } = props;
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const keys = useChartKeys(TRACKS, stopX);

  const legend = useMemo<LegendItem[]>(() => series.map((s) => ({ label: s.name, color: s.color, dashed: s.dashed })), [series]);
  const yMax = useMemo(() => {
    if (yDomain[1] !== 'auto') return yDomain[1];
    let max = 0;
    for (const s of series) for (const p of s.points) if (Number.isFinite(p.value)) max = Math.max(max, p.value);
    return niceCeiling(max);
  }, [series, yDomain]);
  const f = plotFrame(width, height, MARGINS);
  const x = linearScale([0, epochs], [f.left, f.right]);
  const y = linearScale([yDomain[0], yMax], [f.bottom, f.top]);
  const clampY = (v: number) => y(Math.min(yMax, Math.max(yDomain[0], v)));
  const xTicks = epochTicks(epochs) ?? niceTicks(0, epochs, 6);
  const ticksY = yTicks ?? niceTicks(yDomain[0], yMax, 5);

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const left = e.currentTarget.getBoundingClientRect().left;
    setHover(Math.min(epochs, Math.max(0, ((e.clientX - left - f.left) / Math.max(1, f.right - f.left)) * epochs)));
  };
  const keyEpoch = keys.picked === null ? null : (keys.picked / CURSOR_STEPS) * epochs;
  const shown = hover ?? keyEpoch;

  const ready = width > 0 && height > 0;
  return (
    <ChartCard title={props.title} unit={props.unit} legend={legend}>
      <div ref={ref} className="curve-chart">
        {ready && (
          <svg
            width={width}
            height={height}
            role="img"
            tabIndex={0}
            aria-label={`${props.title} by epoch: ${series.map((s) => s.name).join(', ')}. ${HELP}`}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
            onKeyDown={keys.onKeyDown}
            onBlur={keys.onBlur}
          >
            <Axes frame={f} y={{ scale: y, ticks: ticksY, format: yTickFormat }} x={{ scale: x, ticks: xTicks, format: epochText, title: 'Epoch' }} />
            {series.map((s) => (
              <g key={s.key} className="curve-chart__series">
                <path d={pathOf(s.points, x, clampY)} stroke={s.color} strokeDasharray={s.dashed ? '6 4' : undefined} />
                {s.dots && s.points.map((p) => <circle key={p.epoch} cx={x(p.epoch)} cy={clampY(p.value)} r={2.5} fill={s.color} />)}
              </g>
            ))}
            {shown !== null && <line className="curve-chart__cursor" x1={x(shown)} x2={x(shown)} y1={f.top} y2={f.bottom} />}
          </svg>
        )}
        {shown !== null && (
          <div className="curve-chart__tooltip" style={{ left: Math.min(x(shown) + 12, Math.max(0, width - 220)) }}>
            <CurveTooltip active label={shown} series={series} />
          </div>
        )}
        <p className="visually-hidden" aria-live="polite">
          {keyEpoch !== null ? readoutSentence(series, keyEpoch) : ''}
        </p>
      </div>
    </ChartCard>
  );
});
