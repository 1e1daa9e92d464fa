// A small plain-SVG chart the lottery views share: % of weights remaining on a log axis from
// 100% (left) down to the sparsest round (right), one line with markers per variant, and an
// optional reference line (the dense model). Pointer or arrow keys pick a point and show it.
import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Marker } from '../../../shared/charts/marks';
import { linearScale, logScale, niceTicks } from '../../../shared/charts/scale';
import type { PlotSeries } from './series';
import { nearestPoint } from '../../../shared/charts/nearestPoint';

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

const M = { top: 12, right: 16, bottom: 36, left: 48 };
const X_TICKS = [100, 50, 20, 10, 5, 2, 1, 0.5, 0.2, 0.1];

export function LotteryPlot({ width, height, series, xMin, yDomain, yTick, yLabel, reference, ariaLabel }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const flat = useMemo(() => series.flatMap((s) => s.points.map((p) => ({ s, p }))), [series]);

  const right = Math.max(M.left + 1, width - M.right);
  const bottom = Math.max(M.top + 1, height - M.bottom);
  const x = logScale([100, xMin], [M.left, right]);
  const y = linearScale(yDomain, [bottom, M.top]);
  const clampY = (v: number) => y(Math.min(yDomain[1], Math.max(yDomain[0], v)));
  const yTicks = niceTicks(yDomain[0], yDomain[1], Math.max(2, Math.round((bottom - M.top) / 40)));

  const nearest = (mx: number, my: number) => nearestPoint(flat.length, (i) => [x(flat[i].p.x), clampY(flat[i].p.y)], mx, my, 26);
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHover(nearest(e.clientX - r.left, e.clientY - r.top));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const n = flat.length;
    if (n === 0) return;
    const at = focus ?? -1;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: n - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setFocus(Math.min(n - 1, Math.max(0, moves[e.key])));
    } else if (e.key === 'Escape') setFocus(null);
  };

  const activeIndex = hover ?? focus;
  const active = activeIndex !== null ? flat[activeIndex] ?? null : null;

  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        tabIndex={0}
        aria-label={`${ariaLabel} Arrow keys step through the points.`}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
        onBlur={() => setFocus(null)}
      >
        <g className="curve-chart__grid">
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left} x2={right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
                {yTick(t)}
              </text>
            </g>
          ))}
          {X_TICKS.filter((t) => t >= xMin * 0.999).map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={M.top} y2={bottom} />
              <text x={x(t)} y={bottom + 14} textAnchor="middle">{`${t}%`}</text>
            </g>
          ))}
          <line className="curve-chart__axis" x1={M.left} x2={right} y1={bottom} y2={bottom} />
          <text x={(M.left + right) / 2} y={height - 4} textAnchor="middle">
            Weights remaining (log scale) · sparser to the right
          </text>
          <text transform={`translate(11 ${(M.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
            {yLabel}
          </text>
        </g>
        {reference ? (
          <g className="lottery-plot__reference">
            <line x1={M.left} x2={right} y1={clampY(reference.y)} y2={clampY(reference.y)} />
            <text x={right - 4} y={clampY(reference.y) - 6} textAnchor="end">
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
        {active ? <circle className="frontier-plot__active" cx={x(active.p.x)} cy={clampY(active.p.y)} r={10} /> : null}
      </svg>
      {active ? (
        <div
          className="curve-tooltip lottery-plot__tooltip"
          style={{ left: Math.min(Math.max(0, x(active.p.x) + 12), Math.max(0, width - 230)), top: Math.max(0, clampY(active.p.y) - 56) }}
        >
          <div className="curve-tooltip__title">
            <span className="curve-tooltip__swatch" style={{ background: active.s.color }} />
            {active.s.name}
          </div>
          <div>{active.p.detail}</div>
        </div>
      ) : null}
      <p className="visually-hidden lottery-plot__live" aria-live="polite">
        {focus !== null && flat[focus] ? `${flat[focus].s.name}: ${flat[focus].p.detail}` : ''}
      </p>
    </>
  );
}
