// One live line chart of metric series against epochs, drawn as plain SVG. recharts redrew
// every line from scratch on each update and took 50-180 ms of main thread per redraw on a
// 2-core machine; this draws a few paths from at most ~300 points each in about a millisecond.
// Hover or arrow keys show every series' value near an epoch.
import { memo, useCallback, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Point } from '../series';
import { ChartCard, type LegendItem } from '../ChartCard';
import { epochTicks } from '../chartData';
import { CurveTooltip } from '../CurveTooltip';
import { linearScale, niceCeiling, niceTicks } from '../scale';
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

const M = { top: 8, right: 14, bottom: 30, left: 46 };

function pathOf(points: readonly Point[], x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  for (let i = 0; i < points.length; i++) d += `${i ? 'L' : 'M'}${x(points[i].epoch).toFixed(1)},${y(points[i].value).toFixed(1)}`;
  return d;
}

export const CurveChart = memo(function CurveChart(props: Props) {
  const { series, epochs, yDomain, yTicks, yTickFormat } = props;
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);

  const legend = useMemo<LegendItem[]>(() => series.map((s) => ({ label: s.name, color: s.color, dashed: s.dashed })), [series]);
  const yMax = useMemo(() => {
    if (yDomain[1] !== 'auto') return yDomain[1];
    let max = 0;
    for (const s of series) for (const p of s.points) if (Number.isFinite(p.value)) max = Math.max(max, p.value);
    return niceCeiling(max);
  }, [series, yDomain]);
  const x = linearScale([0, epochs], [M.left, Math.max(M.left + 1, width - M.right)]);
  const y = linearScale([yDomain[0], yMax], [Math.max(M.top + 1, height - M.bottom), M.top]);
  const clampY = (v: number) => y(Math.min(yMax, Math.max(yDomain[0], v)));
  const xTicks = epochTicks(epochs) ?? niceTicks(0, epochs, 6);
  const ticksY = yTicks ?? niceTicks(yDomain[0], yMax, 5);

  const epochAt = useCallback(
    (clientX: number, rectLeft: number) => Math.min(epochs, Math.max(0, ((clientX - rectLeft - M.left) / Math.max(1, width - M.left - M.right)) * epochs)),
    [epochs, width],
  );
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => setHover(epochAt(e.clientX, e.currentTarget.getBoundingClientRect().left));
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const stepSize = epochs / 40;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const from = hover ?? (e.key === 'ArrowRight' ? -stepSize : epochs + stepSize);
      setHover(Math.min(epochs, Math.max(0, from + (e.key === 'ArrowRight' ? stepSize : -stepSize))));
    } else if (e.key === 'Escape') setHover(null);
  };

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
            aria-label={`${props.title} by epoch: ${series.map((s) => s.name).join(', ')}. Use the left and right arrow keys to read values.`}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
            onKeyDown={onKeyDown}
            onBlur={() => setHover(null)}
          >
            <g className="curve-chart__grid">
              {ticksY.map((t) => (
                <g key={`y${t}`}>
                  <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
                  <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">{yTickFormat(t)}</text>
                </g>
              ))}
              {xTicks.map((t) => (
                <text key={`x${t}`} x={x(t)} y={height - M.bottom + 14} textAnchor="middle">{Number(t.toFixed(2))}</text>
              ))}
              <text className="curve-chart__axis-label" x={(M.left + width - M.right) / 2} y={height - 2} textAnchor="middle">Epoch</text>
              <line className="curve-chart__axis" x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} />
            </g>
            {series.map((s) => (
              <g key={s.key} className="curve-chart__series">
                <path d={pathOf(s.points, x, clampY)} stroke={s.color} strokeDasharray={s.dashed ? '6 4' : undefined} />
                {s.dots && s.points.map((p) => <circle key={p.epoch} cx={x(p.epoch)} cy={clampY(p.value)} r={2.5} fill={s.color} />)}
              </g>
            ))}
            {hover !== null && <line className="curve-chart__cursor" x1={x(hover)} x2={x(hover)} y1={M.top} y2={height - M.bottom} />}
          </svg>
        )}
        {hover !== null && (
          <div className="curve-chart__tooltip" style={{ left: Math.min(x(hover) + 12, Math.max(0, width - 220)) }}>
            <CurveTooltip active label={hover} series={series} />
          </div>
        )}
      </div>
    </ChartCard>
  );
});
