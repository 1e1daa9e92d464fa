// A small plain-SVG chart the lottery views share: % of weights remaining on a log axis from
// 100% (left) down to the sparsest round (right), one line with markers per variant, and an
// optional reference line (the dense model). Pointer or arrow keys pick a point and show it
// (shared/charts/keyboard.ts: left and right walk a variant's rounds, up and down change variant).
import { useMemo, useState, type PointerEvent } from 'react';
import { Axes } from '../../../shared/charts/Axes';
import { plotFrame, TITLED_MARGINS } from '../../../shared/charts/frame';
import { keyboardHelp } from '../../../shared/charts/keyboard';
import { Marker } from '../../../shared/charts/marks';
import { linearScale, logScale, niceTicks } from '../../../shared/charts/scale';
import { nearestPoint } from '../../../shared/charts/nearest';
import { useChartKeys } from '../../../shared/charts/useChartKeys';
import type { PlotSeries } from './series';

interface Props {
  width: number;
  height: number;
  series: readonly PlotSeries[];
  /** The sparsest % remaining the axis reaches (it always starts at 100). */
  xMin: number;
  yDomain: [number, number];
  yTick(value: number): string;
  yLabel: string;
  reference?: { y: number; label: string } | null;
  ariaLabel: string;
}

const X_TICKS = [100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1];
const percentText = (t: number) => `${t}%`;

export function LotteryPlot({ width, height, series, xMin, yDomain, yTick, yLabel, reference, ariaLabel }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const flat = useMemo(() => series.flatMap((s) => s.points.map((p) => ({ s, p }))), [series]);
  // One track per variant: its points (rounds) from left to right, as indices into `flat`.
  const tracks = useMemo(() => {
    let next = 0;
    return series.map((s) => s.points.map(() => next++));
  }, [series]);

  const f = plotFrame(width, height, TITLED_MARGINS);
  const x = logScale([100, xMin], [f.left, f.right]);
  const y = linearScale(yDomain, [f.bottom, f.top]);
  const clampY = (v: number) => y(Math.min(yDomain[1], Math.max(yDomain[0], v)));
  const yTicks = niceTicks(yDomain[0], yDomain[1], Math.max(2, Math.round((f.bottom - f.top) / 40)));
  const xs = flat.map(({ p }) => x(p.x));
  const ys = flat.map(({ p }) => clampY(p.y));
  const keys = useChartKeys(tracks, (i) => xs[i]);

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHover(nearestPoint(xs, ys, e.clientX - r.left, e.clientY - r.top, 26));
  };

  const activeIndex = hover ?? keys.picked;
  const active = activeIndex !== null ? flat[activeIndex] ?? null : null;
  const picked = keys.cursor && keys.picked !== null ? flat[keys.picked] : null;

  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        tabIndex={0}
        aria-label={`${ariaLabel} ${keyboardHelp({ series: series.length > 1 })}`}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onKeyDown={keys.onKeyDown}
        onBlur={keys.onBlur}
      >
        <Axes
          frame={f}
          y={{ scale: y, ticks: yTicks, format: yTick, title: yLabel }}
          x={{ scale: x, ticks: X_TICKS.filter((t) => t >= xMin * 0.999), format: percentText, grid: true, title: 'Weights remaining (log scale) · sparser to the right' }}
        />
        {reference ? (
          <g className="lottery-plot__reference">
            <line x1={f.left} x2={f.right} y1={clampY(reference.y)} y2={clampY(reference.y)} />
            <text x={f.right - 4} y={clampY(reference.y) - 6} textAnchor="end">
              {reference.label}
            </text>
          </g>
        ) : null}
        {series.map((s) => (
          <g key={s.id} className="lottery-plot__series" data-series={s.name}>
            <path
              d={s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x)},${clampY(p.y)}`).join('')}
              stroke={s.color}
              strokeDasharray={s.dash ?? undefined}
            />
            {s.points.map((p, i) => (
              <Marker key={i} shape={s.marker} x={x(p.x)} y={clampY(p.y)} r={4.4} color={s.color} hollow={s.hollow} />
            ))}
          </g>
        ))}
        {active && activeIndex !== null ? <circle className="frontier-plot__active" cx={xs[activeIndex]} cy={ys[activeIndex]} r={10} /> : null}
      </svg>
      {active && activeIndex !== null ? (
        <div className="curve-tooltip lottery-plot__tooltip" style={{ left: Math.min(Math.max(0, xs[activeIndex] + 12), Math.max(0, width - 230)), top: Math.max(0, ys[activeIndex] - 56) }}>
          <div className="curve-tooltip__title">
            <span className="curve-tooltip__swatch" style={{ background: active.s.color }} />
            {active.s.name}
          </div>
          <div>{active.p.detail}</div>
        </div>
      ) : null}
      <p className="visually-hidden lottery-plot__live" aria-live="polite">
        {picked ? `${picked.s.name}: ${picked.p.detail}` : ''}
      </p>
    </>
  );
}
